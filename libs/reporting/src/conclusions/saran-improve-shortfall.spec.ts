import { computeKinerja, DEFAULT_RATING_SCALE } from '@kinerja/domain';
import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { jemberReportsWith } from '../testing/jember-variants';

/** Rule 1 of 4.2 without the Sekretaris' saran: an indicator below the target categories is to be raised, against its kendala. */
describe('Saran: raise an indicator rated below the categories that reach the target', () => {
  it('given Layanan Perkantoran at 58,33% (Kurang Berhasil) with a kendala, when no saran was given, then it is to be raised by addressing that kendala', () => {
    const reports = jemberReportsWith('K4.1', (m) => (m >= 8 ? { value: null, kendala: 'Pencairan anggaran gaji terlambat dari KPPN.' } : undefined));
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }, reports));
    expect(model.suggestionsFrom).toBe('DATA');
    expect(model.suggestions[0]).toBe(
      'Meningkatkan capaian indikator 4.1 Layanan Perkantoran, yang pada Tahun 2024 sebesar 58,33% (Kurang Berhasil), dengan ' +
        'mengatasi kendala yang dicatat Kepala Subbagian penanggung jawab (Pencairan anggaran gaji terlambat dari KPPN).',
    );
  });

  it('given the same shortfall with no kendala recorded, then the saran says to find the cause first, inventing none', () => {
    const reports = jemberReportsWith('K4.1', (m) => (m >= 8 ? { value: null } : undefined));
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }, reports));
    expect(model.suggestions[0]).toBe(
      'Meningkatkan capaian indikator 4.1 Layanan Perkantoran, yang pada Tahun 2024 sebesar 58,33% (Kurang Berhasil), dengan ' +
        'terlebih dahulu mengidentifikasi penyebab belum tercapainya target, karena kendalanya tidak dicatat dalam laporan bulanan.',
    );
  });

  it('given K5.1 at 0 in March (11 of 12 Layanan, 91,67%, Berhasil, lower than 100,00% in 2023), then it is to be raised, and the others kept, not "seluruh 18"', () => {
    const reports = jemberReportsWith('K5.1', (m) => (m === 3 ? { value: '0' } : undefined));
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }, reports));
    expect(model.suggestions.filter((s) => s.startsWith('Meningkatkan capaian'))).toEqual([
      'Meningkatkan capaian indikator 5.1 Layanan Data dan Informasi, yang pada Tahun 2024 sebesar 91,67% (Berhasil), masih di ' +
        'bawah 100% dan menurun dibandingkan Tahun 2023 (100,00%), agar target Tahun 2025 tercapai sepenuhnya, dengan terlebih ' +
        'dahulu mengidentifikasi penyebab capaian tersebut, karena kendalanya tidak dicatat dalam laporan bulanan.',
    ]);
    expect(model.suggestions.find((s) => s.startsWith('Mempertahankan capaian'))).toBe(
      'Mempertahankan capaian 17 (tujuh belas) indikator kinerja lainnya yang pada Tahun 2024 telah berkategori Berhasil, ' +
        'agar capaian Tahun 2025 sekurang-kurangnya sama.',
    );
    expect(model.suggestions.join(' ')).not.toContain('seluruh 18');
  });

  it('given an indicator above target but lower than last year, then it is to be raised back, and not counted among those kept', () => {
    const reports = jemberReportsWith('K3.1', (m) => (m === 3 ? { value: '1' } : undefined)); // 3 Orang of 2: 150,00%
    const input = jember2024LkjInput({ suggestions: [] }, reports);
    const indicatorNotes = input.indicatorNotes.map((n) => (n.indicatorCode === 'K3.1' ? { ...n, capaianPrevYear: '200' } : n));
    const model = buildLkjModel({ ...input, indicatorNotes });
    expect(model.suggestions.filter((s) => s.startsWith('Meningkatkan capaian'))).toEqual([
      'Meningkatkan capaian indikator 3.1 Pelayanan Publik kepada masyarakat, yang pada Tahun 2024 sebesar 150,00% (Sangat ' +
        'Berhasil), menurun dibandingkan Tahun 2023 (200,00%), agar capaian Tahun 2025 sekurang-kurangnya kembali setara Tahun ' +
        '2023, dengan terlebih dahulu mengidentifikasi penyebab capaian tersebut, karena kendalanya tidak dicatat dalam laporan bulanan.',
    ]);
    expect(model.suggestions.find((s) => s.startsWith('Mempertahankan capaian'))).toBe(
      'Mempertahankan capaian 17 (tujuh belas) indikator kinerja lainnya yang pada Tahun 2024 telah berkategori Berhasil, ' +
        'agar capaian Tahun 2025 sekurang-kurangnya sama.',
    );
  });

  it('given a draft through June, then the figure is the capaian to date and the period says so', () => {
    const june = jemberReportsWith('K4.1', (m) => (m >= 5 ? { value: null, kendala: 'Pencairan anggaran gaji terlambat.' } : undefined)).filter((r) => r.month <= 6);
    const input = jember2024LkjInput({ suggestions: [], draft: true }, june);
    const model = buildLkjModel({ ...input, kinerja: computeKinerja(input.pk, june, { month: 6, ratingScale: DEFAULT_RATING_SCALE }) });
    expect(model.suggestions[0]).toBe(
      'Meningkatkan capaian indikator 4.1 Layanan Perkantoran, yang pada Tahun 2024 sampai dengan bulan Juni sebesar 66,67% ' +
        '(Kurang Berhasil), dengan mengatasi kendala yang dicatat Kepala Subbagian penanggung jawab (Pencairan anggaran gaji terlambat).',
    );
  });
});
