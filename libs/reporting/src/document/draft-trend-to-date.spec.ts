import { sectionOf, textsOf } from '../testing/document-blocks';
import { jemberLkjWith, jemberReportsWith } from '../testing/jember-variants';

type Model = ReturnType<typeof jemberLkjWith>;
const item = (model: Model, code: string) => model.analyses.flatMap((k) => k.items).find((i) => i.indicatorCode === code)!;
const headers = (model: Model, id: string) => {
  const block = sectionOf(model, 'bab-3-2-4').find((b) => b.kind === 'table' && b.id === id);
  return block && block.kind === 'table' ? block.columns.map((c) => c.title) : [];
};

/**
 * A draft's capaian are to date, last year's of the whole year. K4.1 (12 Layanan, one a month) without
 * a rencana aksi is at 2 of 12 through February, 16,67% of its annual target: that is not a fall
 * against 2023's 100%, only a year not over. K4.1 with its plan is at 100% of the plan to date, which
 * can be set beside last year's — as a to-date figure against a whole year, not as "tetap sama".
 */
describe('a draft to date compares its capaian with last year\'s whole year for what it is', () => {
  const withoutPlan = jemberLkjWith({ 'K4.1': { monthlyPlan: null } }, 2);
  const withPlan = jemberLkjWith({}, 2);

  it('given K4.1 without a rencana aksi at 16,67% through February, then no trend is drawn and 3.2 says why it cannot be compared', () => {
    expect(item(withoutPlan, 'K4.1')).toMatchObject({ capaian: '16.67', capaianPrevYear: '100.00', annualTargetToDate: true, trend: null });
    const texts = textsOf(sectionOf(withoutPlan, 'bab-3-2-4'));
    expect(texts).toContain(
      'Capaian sampai dengan bulan Februari belum dapat dibandingkan dengan capaian setahun penuh Tahun 2023 (100,00%), karena diukur terhadap target tahunan.',
    );
    expect(texts.join(' ')).not.toMatch(/menurun|lebih rendah/);
    expect(withoutPlan.conclusions.join(' ')).toContain(
      '1 (satu) indikator tanpa rencana aksi bulanan tidak diperbandingkan, karena capaiannya sampai dengan bulan Februari diukur terhadap target tahunan.',
    );
    expect(withoutPlan.suggestions.join(' ')).not.toMatch(/menurun dibandingkan|lebih rendah daripada/);
  });

  it('given K4.1 with its plan at 100% through February, then it is compared as a to-date figure against the whole of 2023', () => {
    expect(item(withPlan, 'K4.1')).toMatchObject({ capaian: '100.00', trend: 'tetap', annualTargetToDate: false });
    expect(textsOf(sectionOf(withPlan, 'bab-3-2-4'))).toContain(
      'Capaian indikator ini sampai dengan bulan Februari sama dengan capaian setahun penuh Tahun 2023 (100,00%).',
    );
    expect(withPlan.conclusions).toContain(
      'Dibandingkan capaian setahun penuh Tahun 2023, capaian sampai dengan bulan Februari dari 3 (tiga) indikator yang dapat diperbandingkan sama.',
    );
    expect(headers(withPlan, 'tabel-analisis-4.1')).toEqual(['Kegiatan', 'Target', 'Realisasi', 'Capaian 2023', 'Capaian s.d. Feb 2024', 'Kategori']);
  });

  it('given a final, then the year is compared with the year as before', () => {
    const final = jemberLkjWith({}, null);
    expect(textsOf(sectionOf(final, 'bab-3-2-4'))).toContain('Dibandingkan Tahun 2023, capaian indikator ini tetap sama.');
    expect(headers(final, 'tabel-analisis-4.1')).toEqual(['Kegiatan', 'Target', 'Realisasi', 'Capaian 2023', 'Capaian 2024', 'Kategori']);
  });
});

describe('a draft\'s saran asks to make up the rest of this year, not next year\'s', () => {
  it('given K4.1 at 10 of 11 planned Layanan through November (90,91%, Berhasil), then its saran names the whole of 2023 and the end of 2024', () => {
    const model = jemberLkjWith({}, 11, jemberReportsWith('K4.1', (month) => ({ value: month === 5 ? '0' : '1' })), { suggestions: [] });
    expect(item(model, 'K4.1')).toMatchObject({ capaian: '90.91', trend: 'turun' });
    const saran = model.suggestions.find((s) => s.includes('4.1 Layanan Perkantoran'));
    expect(saran).toContain(
      'masih di bawah 100% dan lebih rendah daripada capaian setahun penuh Tahun 2023 (100,00%), agar target Tahun 2024 tercapai sepenuhnya sampai dengan akhir tahun',
    );
    expect(saran).not.toContain('Tahun 2025');
  });
});
