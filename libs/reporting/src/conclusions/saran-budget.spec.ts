import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { jemberInputWithBudget, jemberReportsWith } from '../testing/jember-variants';

const ALL = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7'];
const each = (value: string, codes = ALL) => Object.fromEntries(codes.map((c) => [c, value]));
const budgetSaran = (suggestions: string[]) =>
  suggestions.filter((s) => /^(Mencantumkan pagu|Melengkapi pagu|Mengoptimalkan penyerapan|Mempertahankan ketepatan|Mengendalikan realisasi|Meningkatkan efisiensi)/.test(s));

/** Rule 5: the budget — a pagu to record, the absorption against a known pagu, a kegiatan less efficient than it spent. */
describe('Saran: the budget', () => {
  it('given a PK without any pagu (Jember 2024), when no saran was given, then the pagu is to be recorded in next year\'s PK', () => {
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }));
    expect(budgetSaran(model.suggestions)).toEqual([
      'Mencantumkan pagu anggaran setiap kegiatan dalam Perjanjian Kinerja Tahun 2025, karena Perjanjian Kinerja Tahun 2024 ' +
        'belum memuat pagu sehingga penyerapan dan efisiensi anggaran belum dapat diukur.',
    ]);
  });

  it('given a pagu on K5 only, then the other kegiatan are named to be completed, and no absorption is concluded', () => {
    const model = buildLkjModel(jemberInputWithBudget({ K5: '120000000' }, { K5: '8000000' }, { suggestions: [] }));
    const saran = budgetSaran(model.suggestions);
    expect(saran).toHaveLength(1);
    expect(saran[0]).toMatch(/^Melengkapi pagu anggaran kegiatan Kegiatan Fasilitasi Pengelolaan Data .*, dan Pemeriksaan di Lingkungan Setjen KPU, .* dalam Perjanjian Kinerja agar penyerapan dan efisiensi seluruh kegiatan dapat diukur\.$/);
    expect(saran[0]).not.toContain('Pelaksanaan Manajemen Perencanaan dan Data');
  });

  it('given every pagu known and 80,00% absorbed, then absorption is to be optimised, with the figures', () => {
    const model = buildLkjModel(jemberInputWithBudget(each('120000000'), each('8000000'), { suggestions: [] }));
    expect(budgetSaran(model.suggestions)).toEqual([
      'Mengoptimalkan penyerapan anggaran, yang pada Tahun 2024 sebesar 80,00% (realisasi Rp 672.000.000 dari pagu ' +
        'Rp 840.000.000), melalui perencanaan kegiatan dan revisi anggaran yang tepat waktu.',
    ]);
  });

  it('given the whole pagu spent, then its planning is to be kept', () => {
    const model = buildLkjModel(jemberInputWithBudget(each('120000000'), each('10000000'), { suggestions: [] }));
    expect(budgetSaran(model.suggestions)).toEqual([
      'Mempertahankan ketepatan perencanaan anggaran, karena pagu Tahun 2024 terserap 100,00% (realisasi Rp 840.000.000 dari pagu Rp 840.000.000).',
    ]);
  });

  it('given more spent than the pagu, then spending is to be kept within it, and every kegiatan is less efficient than it spent', () => {
    const model = buildLkjModel(jemberInputWithBudget(each('120000000'), each('11000000'), { suggestions: [] }));
    expect(budgetSaran(model.suggestions)).toEqual([
      'Mengendalikan realisasi anggaran agar tidak melampaui pagu, karena pada Tahun 2024 penyerapan mencapai 110,00% ' +
        '(realisasi Rp 924.000.000 dari pagu Rp 840.000.000).',
      'Meningkatkan efisiensi penggunaan anggaran pada seluruh kegiatan, yang capaian kinerjanya lebih rendah daripada ' +
        'penyerapan anggarannya, agar capaian kinerja sebanding dengan anggaran yang digunakan.',
    ]);
  });

  it('given K4 spending all its pagu while Layanan Perkantoran fell to 58,33%, then K4 is named as less efficient', () => {
    const reports = jemberReportsWith('K4.1', (m) => (m >= 8 ? { value: null } : undefined));
    const model = buildLkjModel(jemberInputWithBudget(each('120000000'), { ...each('8000000'), K4: '10000000' }, { suggestions: [] }, reports));
    expect(model.budget.rows.find((r) => r.kegiatanCode === 'K4')).toMatchObject({ absorption: '100.00', capaian: '86.11', efficiency: 'Kurang efisien' });
    expect(budgetSaran(model.suggestions)).toContain(
      'Meningkatkan efisiensi penggunaan anggaran pada kegiatan Pelaksanaan Akuntabilitas Pengelolaan Administrasi Keuangan ' +
        'di Lingkungan Setjen KPU (penyerapan 100,00%, capaian kinerja 86,11%), agar capaian kinerja sebanding dengan anggaran yang digunakan.',
    );
  });
});
