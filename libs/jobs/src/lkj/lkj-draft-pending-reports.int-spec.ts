import { buildLkjModel } from '@kinerja/reporting';
import { JEMBER, LkjScenario } from './testing/lkj-scenario.testing';

/**
 * A draft LKj of a year in progress runs to the last approved month; reports owed before it that are
 * not approved are missing from its figures. The draft names them, with why, so that an indicator short
 * "to date" is not read as short of its target.
 */
describe('a draft LKj names the owed reports its figures do not hold yet', () => {
  const s = new LkjScenario();

  beforeAll(async () => {
    await s.start();
    const through = (month: number) => s.reports.filter((r) => r.month <= month);
    // January–October approved but KUL's September (returned) and October (waiting); November: PDI alone, approved.
    for (const r of through(10)) {
      if (r.subbagian === 'KUL' && r.month >= 9) continue;
      await s.approveOne(r.month, r.subbagian);
    }
    const kul = (month: number) => s.reports.find((r) => r.month === month && r.subbagian === 'KUL')!;
    await s.driver.submitReport(s.pk, 9, 'KUL', { lines: kul(9).lines, budget: kul(9).budget }, 'Bukti dukung belum lengkap.');
    await s.driver.submitReport(s.pk, 10, 'KUL', { lines: kul(10).lines, budget: kul(10).budget });
    await s.approveOne(11, 'PDI');
    // HSDM's March, approved, is being revised: its approved figures still count.
    await s.driver.openRevision(s.pk, 3, 'HSDM', 'Angka pelatihan dikoreksi.');
  });
  afterAll(() => s.stop());

  it('reads, through November, every owed report not approved with its status, in month order', async () => {
    const input = await s.parts.facts.read(JEMBER, 2024, { version: 1, draft: true, suggestions: [], producedAt: s.clock.now() });
    expect(input.kinerja.month).toBe(11);
    expect(input.pendingReports).toEqual([
      { month: 3, subbagian: 'HSDM', status: 'REVISING' },
      { month: 9, subbagian: 'KUL', status: 'RETURNED' },
      { month: 10, subbagian: 'KUL', status: 'SUBMITTED' },
      { month: 11, subbagian: 'HSDM', status: 'NOT_SUBMITTED' },
      { month: 11, subbagian: 'KUL', status: 'NOT_SUBMITTED' },
      { month: 11, subbagian: 'TPH', status: 'NOT_SUBMITTED' },
    ]);
    expect(input.kinerja).toEqual(await s.apiKinerja(11));
  });

  it('says so under Tabel 3.2 and in the conclusions, by subbagian, month and why', async () => {
    const input = await s.parts.facts.read(JEMBER, 2024, { version: 1, draft: true, suggestions: [], producedAt: s.clock.now() });
    const model = buildLkjModel(input);
    const sentence = model.conclusions.find((c) => c.includes('belum memuat seluruh laporan bulanan'));
    expect(sentence).toBe(
      'Angka Tahun 2024 sampai dengan bulan November belum memuat seluruh laporan bulanan karena laporan berikut belum disetujui: ' +
        'Sub. Bagian Hukum dan SDM bulan Maret (sedang direvisi), bulan November (belum disampaikan); ' +
        'Sub. Bagian Keuangan, Umum dan Logistik bulan September (dikembalikan untuk diperbaiki), bulan Oktober (menunggu persetujuan), bulan November (belum disampaikan); ' +
        'Sub. Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat bulan November (belum disampaikan). ' +
        'Realisasi laporan yang belum disetujui masuk ke dalam pengukuran setelah laporan tersebut disetujui. ' +
        'Laporan yang sedang direvisi dihitung dengan angka terakhir yang telah disetujui.',
    );
  });

  it('names nothing in a final', async () => {
    const final = await s.parts.facts.read(JEMBER, 2024, { version: 1, draft: false, suggestions: [], producedAt: s.clock.now() });
    expect(final.pendingReports).toBeUndefined();
    expect(buildLkjModel(final).measurement.pendingReports).toEqual([]);
  });
});
