import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { jemberReportsWith } from '../testing/jember-variants';

describe('BAB IV conclusions when an indicator fell short and its Kasubbag recorded why', () => {
  // K4.1 (12 Layanan): reported January–July only, with a kendala from August on → 7/12 = 58,33%.
  const reports = jemberReportsWith('K4.1', (month) =>
    month >= 8 ? { value: null, kendala: 'Pencairan anggaran gaji terlambat dari KPPN.', solusi: 'Koordinasi dengan KPPN.' } : undefined,
  );
  const model = buildLkjModel(jember2024LkjInput({}, reports));

  it('rates the indicator Kurang Berhasil at 58.33 and lowers the averages', () => {
    const k41 = model.measurement.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.rows)).find((r) => r.indicatorCode === 'K4.1');
    expect(k41).toMatchObject({ realisasi: '7', capaian: '58.33', category: 'Kurang Berhasil' });
    // (17 × 100 + 58.33) / 18 = 97.685 → 97.69
    expect(model.measurement.office).toEqual({ capaian: '97.69', category: 'Berhasil' });
  });

  it('counts the indicators per category', () => {
    expect(model.conclusions).toContain(
      'Dari 18 (delapan belas) indikator kinerja, 17 (tujuh belas) indikator berkategori Berhasil dan 1 (satu) indikator berkategori Kurang Berhasil.',
    );
  });

  it('names the shortfall with its figure and the kendala as the reason', () => {
    expect(model.conclusions).toContain(
      'Indikator yang belum mencapai target sebanyak 1 (satu), yaitu K4.1 Layanan Perkantoran ' +
        '(capaian 58,33%, Kurang Berhasil; kendala: Pencairan anggaran gaji terlambat dari KPPN).',
    );
  });

  it('reports the fall against last year', () => {
    expect(model.conclusions).toContain('Dibandingkan Tahun 2023, 17 (tujuh belas) indikator tetap dan 1 (satu) indikator menurun.');
  });

  it('says when a shortfall has no recorded kendala, and when an indicator could not be measured: in a final, blank all year, it was not reported ("tidak")', () => {
    const blank = jemberReportsWith('K1.1', () => ({ value: null }));
    const m = buildLkjModel(jember2024LkjInput({}, blank));
    const k11 = m.analyses[0].items[0];
    expect(k11).toMatchObject({ capaian: null, category: 'Tidak dapat diukur', kendala: [] });
    expect(m.conclusions).toContain(
      'Sebanyak 1 (satu) indikator tidak dapat diukur karena realisasinya tidak dilaporkan, yaitu Norma, Standard, Prosedur dan Kriteria.',
    );
    expect(m.conclusions.join(' ')).not.toContain('belum dilaporkan');
  });

  it('given the same indicator blank in a draft, then it is not reported yet ("belum"): a draft is no closed year', () => {
    const blank = jemberReportsWith('K1.1', () => ({ value: null }));
    const m = buildLkjModel(jember2024LkjInput({ draft: true }, blank));
    expect(m.conclusions).toContain(
      'Sebanyak 1 (satu) indikator belum dapat diukur karena realisasinya belum dilaporkan, yaitu Norma, Standard, Prosedur dan Kriteria.',
    );
  });
});
