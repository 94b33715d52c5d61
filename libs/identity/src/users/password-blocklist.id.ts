/**
 * Passwords common among Indonesian government staff that the international list
 * (@zxcvbn-ts/language-common) lacks, lower case. A word here is also refused with digits or
 * symbols around it ("jember2024", "bismillah123!"): see password.rule.ts. Kept short on purpose:
 * a word that is weak only with a year after it belongs here once, without the year.
 */
export const INDONESIAN_COMMON_PASSWORDS: readonly string[] = [
  // The published demo password (README, seed:demo): never a real account's.
  'kinerja-demo-2024',
  // Religious and patriotic phrases.
  'bismillah', 'bismillahirrahmanirrahim', 'alhamdulillah', 'assalamualaikum', 'insyaallah', 'astagfirullah', 'subhanallah',
  'allahuakbar', 'masyaallah', 'indonesia', 'indonesiaraya', 'merdeka', 'garuda', 'garudaindonesia', 'pancasila',
  'bhinneka', 'bhinnekatunggalika', 'nusantara', 'proklamasi', 'merahputih', 'sangsaka', 'sangsakamerahputih', 'tanahair',
  'tanahairku', 'nkri', 'nkrihargamati', 'dirgahayu', 'dirgahayuri', 'kemerdekaan', 'indonesiamerdeka', 'gotongroyong',
  'sumpahpemuda', 'republikindonesia', 'hutri', 'tujuhbelasagustus', 'burunggaruda', 'garudapancasila', 'ibupertiwi',
  // Affection and everyday words.
  'sayang', 'sayangku', 'sayangkamu', 'cinta', 'cintaku', 'cintakamu', 'akusayangkamu', 'kasih', 'kasihku', 'rahasia',
  'rahasiaku', 'rahasiaa', 'katasandi', 'katasandiku', 'sandi', 'sandiku', 'kunci', 'masuk', 'masukaja', 'gantisandi',
  'bukarahasia', 'semangat', 'sukses', 'bahagia', 'selamat', 'terserah', 'tidaktahu', 'lupa', 'rumah', 'keluarga',
  'anakku', 'ayahbunda', 'mamapapa', 'ibuku', 'bapakku',
  // The election commission and its offices (`kinerja` and the office's own code: see password.rule.ts).
  'kpu', 'kpuri', 'kpud', 'kpuprov', 'kpukab', 'kpukota', 'pemilu', 'pemilihan', 'pilkada', 'pilpres', 'pileg',
  'bawaslu', 'sekretariat', 'sekjen', 'sekretaris', 'kasubbag', 'kabag', 'ketua', 'komisioner', 'inspektorat',
  'operator', 'admin', 'administrator', 'pegawai', 'kantor', 'satker', 'laporan', 'realisasi', 'lakip', 'sakip',
  'lkjip', 'perjanjiankinerja',
  // Regions and cities people name their passwords after (an office's own code is refused anyway).
  'jakarta', 'surabaya', 'bandung', 'semarang', 'yogyakarta', 'jogja', 'jogjakarta', 'medan', 'makassar', 'palembang',
  'denpasar', 'malang', 'jember', 'banyuwangi', 'bondowoso', 'situbondo', 'lumajang', 'probolinggo', 'pasuruan',
  'sidoarjo', 'mojokerto', 'jombang', 'kediri', 'blitar', 'tulungagung', 'madiun', 'ponorogo', 'bojonegoro', 'tuban',
  'lamongan', 'gresik', 'bangkalan', 'sampang', 'pamekasan', 'sumenep', 'madura', 'jatim', 'jawatimur', 'jateng',
  'jawatengah', 'jabar', 'jawabarat', 'banten', 'bali', 'papua', 'aceh', 'sumut', 'sulsel', 'kalimantan', 'sulawesi',
  'sumatera', 'jawa',
];
