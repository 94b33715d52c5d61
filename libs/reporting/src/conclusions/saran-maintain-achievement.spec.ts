import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { jemberReportsWith } from '../testing/jember-variants';

/** Rule 4: what reached the target categories is to be kept. */
describe('Saran: keep the achievement', () => {
  it('given all 18 indicators Berhasil at 100,00%, when no saran was given, then all of them are to be kept at that level', () => {
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }));
    expect(model.suggestions).toContain(
      'Mempertahankan capaian seluruh 18 (delapan belas) indikator kinerja yang pada Tahun 2024 telah berkategori Berhasil ' +
        'dengan rata-rata capaian 100,00%, agar capaian Tahun 2025 sekurang-kurangnya sama.',
    );
  });

  it('given one indicator above target (Sangat Berhasil) beside 17 Berhasil, then both categories are named', () => {
    const reports = jemberReportsWith('K3.1', (m) => (m === 3 ? { value: '1' } : undefined)); // 3 Orang of 2: 150,00%
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }, reports));
    expect(model.suggestions.find((s) => s.startsWith('Mempertahankan capaian'))).toBe(
      'Mempertahankan capaian seluruh 18 (delapan belas) indikator kinerja yang pada Tahun 2024 telah berkategori Sangat ' +
        `Berhasil atau Berhasil dengan rata-rata capaian ${'102,78%'}, agar capaian Tahun 2025 sekurang-kurangnya sama.`,
    );
  });

  it('given one indicator fallen short, then the other 17 are to be kept, without the office average', () => {
    const reports = jemberReportsWith('K4.1', (m) => (m >= 8 ? { value: null } : undefined));
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }, reports));
    expect(model.suggestions.find((s) => s.startsWith('Mempertahankan capaian'))).toBe(
      'Mempertahankan capaian 17 (tujuh belas) indikator kinerja lainnya yang pada Tahun 2024 telah berkategori Berhasil, ' +
        'agar capaian Tahun 2025 sekurang-kurangnya sama.',
    );
  });
});
