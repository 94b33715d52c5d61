import { jember2024ApprovedReports, jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { jemberReportsWith } from '../testing/jember-variants';

const followUps = (suggestions: string[]) => suggestions.filter((s) => s.startsWith('Menindaklanjuti'));

/** Rule 3: a kendala still recorded for an indicator that reached its target (or was not measured) is to be followed up. */
describe('Saran: follow up the kendala still recorded by the Kasubbag', () => {
  it('given Jember 2024, where two indicators that reached their target carry a kendala, then each kendala is followed up where it was recorded', () => {
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }));
    expect(followUps(model.suggestions)).toEqual([
      'Menindaklanjuti kendala "Perencanaan kinerja dan penganggaran masih menganut sistem top-down sehingga ruang inisiatif ' +
        'kegiatan terbatas" yang masih dicatat oleh Kepala Subbagian pada indikator 5.3 Perencanaan dan Penganggaran agar tidak ' +
        'menghambat pencapaian kinerja Tahun 2025, meskipun capaiannya telah berkategori Berhasil.',
      'Menindaklanjuti kendala "Gudang penyimpanan ATK dan Barang Milik Negara belum memadai" yang masih dicatat oleh Kepala ' +
        'Subbagian pada indikator 6.2 Layanan Sarana Internal agar tidak menghambat pencapaian kinerja Tahun 2025, meskipun ' +
        'capaiannya telah berkategori Berhasil.',
    ]);
  });

  it('given the same kendala on two indicators, then one saran names both, by their number in Tabel 3.2', () => {
    const reports = jemberReportsWith('K6.1', () => ({ value: '1', kendala: 'Gudang penyimpanan ATK dan Barang Milik Negara belum memadai.' }));
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }, reports));
    expect(followUps(model.suggestions).filter((s) => s.includes('Gudang'))).toEqual([
      'Menindaklanjuti kendala "Gudang penyimpanan ATK dan Barang Milik Negara belum memadai" yang masih dicatat oleh Kepala ' +
        'Subbagian pada indikator 6.1 Layanan Perkantoran dan 6.2 Layanan Sarana Internal agar tidak menghambat pencapaian ' +
        'kinerja Tahun 2025, meskipun capaiannya telah berkategori Berhasil.',
    ]);
  });

  it('given the same two kendala written on every indicator (as the demo office does), then one saran names both, for all of them', () => {
    const kendala = (month: number) => (month % 2 === 0 ? 'Jaringan internet kantor sempat terganggu.' : 'Jumlah pegawai terbatas.');
    const reports = jember2024ApprovedReports().map((r) => ({ ...r, lines: r.lines.map((l) => ({ ...l, kendala: kendala(r.month) })) }));
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }, reports));
    expect(followUps(model.suggestions)).toEqual([
      'Menindaklanjuti kendala "Jumlah pegawai terbatas" dan "Jaringan internet kantor sempat terganggu" yang masih dicatat oleh ' +
        'Kepala Subbagian pada seluruh 18 (delapan belas) indikator agar tidak menghambat pencapaian kinerja Tahun 2025, ' +
        'meskipun capaiannya telah berkategori Berhasil.',
    ]);
  });

  it('given a kendala on more than three indicators, not all, then they are counted and numbered as in Tabel 3.2', () => {
    const onK4 = new Set(['K4.1', 'K4.2', 'K4.3', 'K5.1']);
    const reports = jember2024ApprovedReports().map((r) => ({
      ...r, lines: r.lines.map((l) => (onK4.has(l.indicatorCode) ? { ...l, kendala: 'Aplikasi SAKTI sering tidak dapat diakses.' } : l)),
    }));
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }, reports));
    expect(followUps(model.suggestions)[0]).toBe(
      'Menindaklanjuti kendala "Aplikasi SAKTI sering tidak dapat diakses" yang masih dicatat oleh Kepala Subbagian pada ' +
        '4 (empat) indikator (nomor 4.1, 4.2, 4.3, dan 5.1 pada Tabel 3.2) agar tidak menghambat pencapaian kinerja Tahun 2025, ' +
        'meskipun capaiannya telah berkategori Berhasil.',
    );
  });

  it('given a different kendala every month, then five are named and the others counted and pointed to in 3.2', () => {
    const reports = jemberReportsWith('K4.1', (m) => ({ value: '1', kendala: `Kendala bulan ke-${m}.` }));
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }, reports));
    const items = followUps(model.suggestions);
    expect(items).toEqual([
      'Menindaklanjuti kendala "Kendala bulan ke-1", "Kendala bulan ke-2", "Kendala bulan ke-3", "Kendala bulan ke-4", dan ' +
        '"Kendala bulan ke-5" yang masih dicatat oleh Kepala Subbagian pada indikator 4.1 Layanan Perkantoran agar tidak ' +
        'menghambat pencapaian kinerja Tahun 2025, meskipun capaiannya telah berkategori Berhasil.',
      expect.any(String),
    ]);
    expect(items.at(-1)).toBe('Menindaklanjuti 9 (sembilan) kendala lain yang dicatat oleh Kepala Subbagian sebagaimana diuraikan per indikator pada subbab 3.2.');
  });

  it('given a kendala on an indicator not measured at all, then it is followed up too, without claiming a category', () => {
    const reports = jemberReportsWith('K6.2', () => ({ value: null, kendala: 'Gudang penyimpanan ATK dan Barang Milik Negara belum memadai.' }));
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }, reports));
    expect(followUps(model.suggestions).filter((s) => s.includes('Gudang'))).toEqual([
      'Menindaklanjuti kendala "Gudang penyimpanan ATK dan Barang Milik Negara belum memadai" yang masih dicatat oleh Kepala ' +
        'Subbagian pada indikator 6.2 Layanan Sarana Internal agar tidak menghambat pencapaian kinerja Tahun 2025.',
    ]);
  });

  it('given a kendala on an indicator that fell short, then it is named in the saran to raise it, not repeated here', () => {
    const k41 = jemberReportsWith('K4.1', (m) => (m >= 8 ? { value: null, kendala: 'Pencairan anggaran gaji terlambat dari KPPN.' } : undefined));
    const short = buildLkjModel(jember2024LkjInput({ suggestions: [] }, k41));
    expect(short.suggestions.filter((s) => s.includes('KPPN'))).toEqual([expect.stringMatching(/^Meningkatkan capaian indikator 4\.1 Layanan Perkantoran/)]);
  });
});
