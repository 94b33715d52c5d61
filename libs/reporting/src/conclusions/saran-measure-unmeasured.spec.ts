import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { jemberReportsWith } from '../testing/jember-variants';
import { measureUnmeasured } from './generate-suggestions';

/** Rule 2: an indicator without a capaian is to be made measurable, for the reason the figures show. */
describe('Saran: make an unmeasured indicator measurable', () => {
  it('given NSPK with no realisasi reported all year, when no saran was given, then its realisasi is to be reported', () => {
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }, jemberReportsWith('K1.1', () => ({ value: null }))));
    expect(model.suggestions[0]).toBe(
      'Memastikan realisasi indikator 1.1 Norma, Standard, Prosedur dan Kriteria dilaporkan dalam laporan bulanan, karena pada ' +
        'Tahun 2024 tidak ada realisasi yang dilaporkan sehingga capaiannya tidak dapat diukur.',
    );
    expect(model.suggestions.filter((s) => s.startsWith('Meningkatkan capaian'))).toEqual([]);
  });

  it('given NSPK with no realisasi reported in a draft, then it is not reported yet ("belum"): a draft is no closed year', () => {
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [], draft: true }, jemberReportsWith('K1.1', () => ({ value: null }))));
    expect(model.suggestions[0]).toContain('belum ada realisasi yang dilaporkan sehingga capaiannya belum dapat diukur.');
  });

  it('given a realisasi that could not be set against its target, then the target is to be reviewed', () => {
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }));
    const analyses = structuredClone(model.analyses);
    Object.assign(analyses[0].items[0], { capaian: null, category: 'Belum dapat diukur', realisasi: '1' });
    expect(measureUnmeasured({ year: 2024, measurement: model.measurement, analyses, budget: model.budget, targetCategories: ['Sangat Berhasil', 'Berhasil'], draft: false })).toEqual([
      'Menelaah kembali target indikator 1.1 Norma, Standard, Prosedur dan Kriteria dalam Perjanjian Kinerja agar realisasinya ' +
        'dapat dibandingkan dengan target, karena capaiannya pada Tahun 2024 belum dapat dihitung.',
    ]);
  });

  it('given a draft to date in which a reported indicator has nothing planned yet, then its target is not to be reviewed: it is not due', () => {
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }));
    const analyses = structuredClone(model.analyses);
    Object.assign(analyses[0].items[0], { capaian: null, category: 'Belum dapat diukur', realisasi: '0', targetText: '0' });
    const toNovember = { ...model.measurement, throughMonth: 11 };
    expect(measureUnmeasured({ year: 2024, measurement: toNovember, analyses, budget: model.budget, targetCategories: ['Sangat Berhasil', 'Berhasil'], draft: true })).toEqual([]);
  });

  it('given every indicator measured, then there is no such saran', () => {
    expect(buildLkjModel(jember2024LkjInput({ suggestions: [] })).suggestions.filter((s) => /Memastikan realisasi|Menelaah kembali target/.test(s))).toEqual([]);
  });
});
