import type { PkIndicator } from '@kinerja/domain';
import { jember2024ApprovedReports, jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { sectionOf, textsOf } from '../testing/document-blocks';
import { jemberLkjWith, jemberReportsWith, lowerIsBetter } from '../testing/jember-variants';

type Model = ReturnType<typeof jemberLkjWith>;
const period = (model: Model) => textsOf(sectionOf(model, 'bab-3-1'))[1];
const everyIndicator = (change: Partial<PkIndicator>) => Object.fromEntries(
  jember2024LkjInput().pk.structure.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators.map((i) => [i.code, change]))),
);
/** K4.1 (12 Layanan, one a month) made lower-is-better without a rencana aksi: through February 2 Layanan, (24 − 2) / 12 = 183,33%. */
const K41_LOWER_NO_PLAN = { 'K4.1': { ...lowerIsBetter('INVERSE_DIFFERENCE'), monthlyPlan: null } };
const LOWER_TO_DATE = 'membandingkan realisasi sampai dengan bulan tersebut dengan target tahunan sebagai batas atas; capaian tersebut ' +
  'masih dapat turun sebelum tahun berakhir, sehingga belum merupakan hasil tahunan:';

describe('a draft to date says what the capaian of a lower-is-better indicator without a rencana aksi means', () => {
  it('given one beside indicators with and without a plan, then 3.1 counts it apart: the margin left under the annual ceiling, which may still fall', () => {
    const model = jemberLkjWith(K41_LOWER_NO_PLAN, 2);
    expect(model.measurement.method.toDate).toEqual({ withPlan: 2, withoutPlan: 16, lowerIsBetterWithoutPlan: 1 });
    expect(period(model)).toContain(
      'dan target tahunan bagi 16 (enam belas) indikator lainnya; di antara indikator lainnya tersebut, capaian 15 (lima belas) ' +
        'indikator yang makin besar makin baik menunjukkan kemajuan terhadap target tahunan, sedangkan capaian 1 (satu) indikator ' +
        `yang makin kecil makin baik ${LOWER_TO_DATE}`,
    );
  });

  it('given no indicator with a plan, then the annual target is said once and each polarity gets its meaning', () => {
    const model = jemberLkjWith({ ...everyIndicator({ monthlyPlan: null }), ...K41_LOWER_NO_PLAN }, 2);
    expect(period(model)).toContain(
      'Karena indikatornya tidak memiliki rencana aksi bulanan, kolom Target memuat target tahunan; capaian 17 (tujuh belas) ' +
        `indikator yang makin besar makin baik menunjukkan kemajuan terhadap target tahunan, sedangkan capaian 1 (satu) indikator yang makin kecil makin baik ${LOWER_TO_DATE}`,
    );
    expect(period(model)).not.toContain('capaian menunjukkan kemajuan terhadap target tahunan tersebut');
  });

  it('given every indicator lower-is-better without a plan, then no progress is claimed at all', () => {
    const model = jemberLkjWith(everyIndicator({ ...lowerIsBetter('INVERSE_DIFFERENCE'), monthlyPlan: null }), 2);
    expect(period(model)).toContain(`kolom Target memuat target tahunan; karena indikator tersebut makin kecil makin baik, capaiannya ${LOWER_TO_DATE}`);
    expect(period(model)).not.toContain('kemajuan');
  });

  it('given a lower-is-better indicator with a plan, then it is measured against the plan to date and the text stays as for higher-is-better', () => {
    const model = jemberLkjWith({ 'K4.1': lowerIsBetter('INVERSE_DIFFERENCE') }, 2);
    expect(model.measurement.method.toDate!.lowerIsBetterWithoutPlan).toBe(0);
    expect(period(model)).toMatch(/indikator lainnya, yang capaiannya menunjukkan kemajuan terhadap target tahunan:$/);
  });
});

describe('a draft\'s Ikhtisar and saran do not count such an indicator as achieved', () => {
  const model = jemberLkjWith(K41_LOWER_NO_PLAN, 2, jember2024ApprovedReports(), { suggestions: [] });

  it('given K4.1 at 183,33% through February, then the Ikhtisar says its capaian may still fall and is not the year\'s result', () => {
    expect(model.analyses.flatMap((k) => k.items).find((i) => i.indicatorCode === 'K4.1')).toMatchObject({ capaian: '183.33', annualTargetToDate: true });
    expect(model.conclusions).toContain(
      'Capaian 1 (satu) indikator yang makin kecil makin baik dan tidak memiliki rencana aksi bulanan, yaitu K4.1 Layanan Perkantoran ' +
        '(capaian 183,33%, Sangat Berhasil), membandingkan realisasi sampai dengan bulan Februari dengan target tahunan sebagai batas atas; ' +
        'capaian tersebut masih dapat turun sebelum tahun berakhir, sehingga belum menunjukkan bahwa target Tahun 2024 tercapai.',
    );
  });

  it('given the same, then its analysis in 3.2 says so beside its target and realisasi', () => {
    expect(textsOf(sectionOf(model, 'bab-3-2-4'))).toContain(
      'Indikator ini makin kecil makin baik; capaiannya dihitung dengan rumus pada subbab 3.1. Karena tidak memiliki rencana ' +
        'aksi bulanan, capaiannya sampai dengan bulan Februari membandingkan realisasi sejauh ini dengan target tahunan dan ' +
        'masih dapat turun sebelum tahun berakhir.',
    );
  });

  it('given it not reported at all through February, then its analysis says only how it is measured: there is no capaian that could fall', () => {
    const blank = jemberLkjWith(K41_LOWER_NO_PLAN, 2, jemberReportsWith('K4.1', () => ({ value: null })), { suggestions: [] });
    expect(blank.analyses.flatMap((k) => k.items).find((i) => i.indicatorCode === 'K4.1')).toMatchObject({ capaian: null });
    const texts = textsOf(sectionOf(blank, 'bab-3-2-4'));
    expect(texts).toContain('Indikator ini makin kecil makin baik; capaiannya dihitung dengan rumus pada subbab 3.1.');
    expect(texts.join(' ')).not.toContain('masih dapat turun');
  });

  it('given the same, then the saran asks to keep it under the ceiling to December rather than to maintain its achievement', () => {
    expect(model.suggestions).toContain(
      'Menjaga realisasi indikator 4.1 Layanan Perkantoran (target tahunan 12 Layanan) agar sampai dengan akhir Tahun 2024 tidak ' +
        'melampaui target tahunannya: indikator tersebut makin kecil makin baik dan tidak memiliki rencana aksi bulanan, sehingga ' +
        'capaiannya pada Tahun 2024 sampai dengan bulan Februari membandingkan realisasi sejauh ini dengan target tahunan dan masih ' +
        'dapat turun sebelum tahun berakhir.',
    );
    const maintain = model.suggestions.find((s) => s.startsWith('Mempertahankan capaian'))!;
    expect(maintain).toMatch(/^Mempertahankan capaian 2 \(dua\) indikator kinerja lainnya yang .* telah berkategori Berhasil,/);
  });

  it('given the whole year (a final), then its capaian is the year\'s and nothing is qualified', () => {
    const final = jemberLkjWith(K41_LOWER_NO_PLAN, null, jember2024ApprovedReports(), { suggestions: [] });
    expect(final.analyses.flatMap((k) => k.items).every((i) => !i.annualTargetToDate)).toBe(true);
    expect(final.conclusions.join(' ')).not.toContain('masih dapat turun');
    expect(final.suggestions.join(' ')).not.toContain('Menjaga realisasi');
  });
});
