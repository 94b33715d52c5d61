import { joinId } from '../conclusions/generate-conclusions';
import { countWithWords, formatDateId, formatQuantityId } from '../format/format-id';
import { LkjModel } from '../model/lkj-model.types';
import { col, dataRow, groupRow, h1, h2, list, p, table, totalRow, spanCell } from './blocks';
import { Block } from './lkj-document.types';

export function bab1Blocks(m: LkjModel): Block[] {
  const o = m.office.shortName;
  const blocks: Block[] = [
    h1('bab-1', 'BAB I PENDAHULUAN'),
    h2('bab-1-1', '1.1 Latar Belakang'),
    p(
      `Untuk mempertanggungjawabkan pelaksanaan tugas, wewenang, dan kewajibannya, ${m.office.name} menyusun ` +
        `Laporan Kinerja Tahun Anggaran ${m.year} sebagai wujud capaian kinerja dan evaluasi kinerja dalam perspektif ` +
        `transparansi dan akuntabilitas publik, sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem ` +
        `Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014.`,
    ),
    h2('bab-1-2', '1.2 Maksud dan Tujuan'),
    p(
      `Laporan Kinerja ini dimaksudkan sebagai pengukuran kinerja ${m.office.name} Tahun ${m.year} yang memuat capaian ` +
        `program dan kegiatan sebagai pertanggungjawaban kinerja, sekaligus bahan evaluasi akuntabilitas kinerja dan ` +
        `penyempurnaan dokumen perencanaan periode berikutnya.`,
    ),
    h2('bab-1-3', '1.3 Tugas Pokok dan Fungsi'),
    ...(m.office.kind === 'LAINNYA' ? tugasFungsiBlocks(m) : kpuTugasFungsiBlocks(m)),
    h2('bab-1-4', `1.4 Struktur Kelembagaan ${o}`),
    p(m.office.kind === 'LAINNYA' ? unitsSentence(m) : kpuUnitsSentence(m)),
  ];
  for (const [i, sub] of m.office.subbagian.entries()) {
    blocks.push(p(`${String.fromCharCode(97 + i)}) ${sub.name}`, 'left'));
    if (sub.duties.length > 0) blocks.push(list(sub.duties, 'number'));
  }
  blocks.push(
    h2('bab-1-5', `1.5 Sumber Daya Manusia ${o}`),
    ...staffBlocks(m),
    h2('bab-1-6', '1.6 Sistematika'),
    p(
      'Laporan ini disusun dengan sistematika: Kata Pengantar, Ikhtisar Eksekutif, Daftar Isi, BAB I Pendahuluan, ' +
        'BAB II Perencanaan Kinerja, BAB III Akuntabilitas Kinerja (capaian kinerja organisasi dan realisasi ' +
        'anggaran), BAB IV Penutup, serta Lampiran riwayat persetujuan dan integritas jejak audit.',
    ),
  );
  return blocks;
}

/** A KPU office's: its Sekretariat's tasks, and its kewenangan dan kewajiban. */
function kpuTugasFungsiBlocks(m: LkjModel): Block[] {
  const blocks = m.office.tasks.length > 0
    ? [p(`${m.office.name} mempunyai tugas sebagai berikut:`), list(m.office.tasks)]
    : [p(`Uraian tugas ${m.office.name} belum dicatat.`)];
  if (m.office.functions.length > 0) {
    blocks.push(p(`Selain itu, ${secretariat(m)} mempunyai kewenangan dan kewajiban sebagai berikut:`), list(m.office.functions));
  }
  return blocks;
}

/** Another office's tugas and fungsi as recorded in its profile; nothing borrowed from KPU where none is. */
function tugasFungsiBlocks(m: LkjModel): Block[] {
  const { name, tasks, functions } = m.office;
  if (tasks.length === 0 && functions.length === 0) return [p(`Uraian tugas dan fungsi ${name} belum dicatat.`)];
  const blocks = tasks.length > 0 ? [p(`${name} mempunyai tugas sebagai berikut:`), list(tasks)] : [p(`Uraian tugas ${name} belum dicatat.`)];
  if (functions.length > 0) blocks.push(p(`Dalam melaksanakan tugasnya, ${name} menyelenggarakan fungsi sebagai berikut:`), list(functions));
  return blocks;
}

function kpuUnitsSentence(m: LkjModel): string {
  return m.office.level === 'KABUPATEN_KOTA'
    ? `Sekretariat dipimpin oleh seorang Sekretaris yang dibantu oleh ${countWithWords(m.office.subbagian.length)} ` +
        `Kepala Subbagian, yaitu:`
    : `${secretariat(m)} dipimpin oleh seorang ${m.office.level === 'PUSAT' ? 'Sekretaris Jenderal' : 'Sekretaris'} ` +
        `yang dibantu oleh ${countWithWords(m.office.subbagian.length)} unit kerja, yaitu:`;
}

function unitsSentence(m: LkjModel): string {
  const n = m.office.subbagian.length;
  return n === 0
    ? `Unit kerja ${m.office.name} belum dicatat.`
    : `Dalam melaksanakan tugas dan fungsinya, ${m.office.name} didukung oleh ${countWithWords(n)} unit kerja, yaitu:`;
}

/** "Sekretariat", or "Sekretariat Jenderal" for KPU RI's. */
function secretariat(m: LkjModel): string {
  return m.office.level === 'PUSAT' ? 'Sekretariat Jenderal' : 'Sekretariat';
}

function staffBlocks(m: LkjModel): Block[] {
  const o = m.office.shortName;
  const s = m.office.staff;
  if (s.rows.length === 0) return [p(`Data sumber daya manusia ${o} belum dicatat.`)];
  return [
    p(`Data sumber daya manusia di ${o} dapat dilihat pada tabel berikut:`),
    table(
      'tabel-1-1',
      ['Tabel 1.1', `Data Sumber Daya Manusia di ${o}`],
      [col('No', 0.5, 'center'), col('Status Pegawai', 2), ...s.educationLevels.map((l) => col(l, 1, 'center', 'Pendidikan')), col('Jumlah SDM', 1.2, 'center')],
      [
        ...s.rows.map((r) => dataRow(String(r.no), r.status, ...r.counts.map(String), String(r.total))),
        totalRow(spanCell('Jumlah', 2), ...s.totals.map(String), String(s.grandTotal)),
      ],
    ),
    p(
      `Tabel di atas menunjukkan bahwa terdapat ${countWithWords(s.grandTotal)} pegawai di ${o}, terdiri atas ` +
        joinId(s.rows.map((r) => `${countWithWords(r.total)} ${r.status}`)) +
        '.',
    ),
  ];
}

export function bab2Blocks(m: LkjModel): Block[] {
  const o = m.office.shortName;
  const rkt = m.pk.programs.flatMap((prog) => [
    groupRow(prog.name, 4),
    ...prog.kegiatan.flatMap((k) => [
      groupRow(k.name, 4, String(k.no)),
      ...k.indikator.map((i) => dataRow('', i.sasaranRkt, i.name, formatQuantityId(i.targetText, i.unit))),
    ]),
  ]);
  const pk = m.pk.programs.flatMap((prog) => [
    groupRow(prog.name, 4),
    ...prog.kegiatan.flatMap((k) => [
      groupRow(k.name, 4, String(k.no)),
      ...k.indikator.map((i, n) => dataRow(`${k.no}.${n + 1}`, i.name, formatQuantityId(i.targetText, i.unit), i.sasaranRkt)),
    ]),
  ]);
  return [
    h1('bab-2', 'BAB II PERENCANAAN KINERJA'),
    h2('bab-2-1', `2.1 Rencana Kinerja Tahun ${m.year}`),
    p(
      `Rencana Kinerja Tahunan (RKT) ${m.year} memuat sasaran yang ingin dicapai, indikator kinerja sasaran, dan ` +
        `targetnya, yang kemudian dituangkan dalam Perjanjian Kinerja. RKT ${m.office.name} disajikan sebagai berikut:`,
    ),
    table(
      'tabel-2-1',
      ['Tabel 2.1', 'Rencana Kinerja Tahunan', m.office.name],
      [col('No', 0.5, 'center'), col('Sasaran Program/Kegiatan', 3), col('Indikator Kinerja', 2.5), col('Target', 1.2, 'center')],
      rkt,
    ),
    h2('bab-2-2', `2.2 Perjanjian Kinerja Tahun ${m.year}`),
    p(
      `Dalam rangka melaksanakan Rencana Kinerja Tahunan ${m.year}, pada tanggal ${formatDateId(m.pk.signedOn)} ` +
        `${o} menetapkan Perjanjian Kinerja${m.pk.version > 1 ? ` Perubahan (versi ${m.pk.version})` : ''} ` +
        `sebagai janji kinerja yang akan dicapai pada Tahun ${m.year}, sebagai berikut:`,
    ),
    table(
      'tabel-2-2',
      ['Tabel 2.2', 'Perjanjian Kinerja', m.office.name],
      [col('No', 0.6, 'center'), col('Indikator Kinerja', 2.6), col('Target', 1.2, 'center'), col('Sasaran RKT', 2.8)],
      pk,
    ),
  ];
}
