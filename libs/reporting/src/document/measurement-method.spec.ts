import { computeKinerja, DEFAULT_RATING_SCALE } from '@kinerja/domain';
import { jember2024ApprovedReports, jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { sectionOf, textsOf } from '../testing/document-blocks';
import { jemberLkjWith as lkjWith, lowerIsBetter as lower } from '../testing/jember-variants';

const method = (model: ReturnType<typeof buildLkjModel>) => textsOf(sectionOf(model, 'bab-3-1'))[0];
const period = (model: ReturnType<typeof buildLkjModel>) => textsOf(sectionOf(model, 'bab-3-1'))[1];

describe('3.1 describes the formulas Tabel 3.2 used', () => {
  it('given only higher-is-better indicators (Jember 2024), then it names R / T only, as the reference', () => {
    expect(method(lkjWith({}))).toBe(
      'Pengukuran tingkat capaian kinerja dilakukan dengan membandingkan target indikator kinerja dengan realisasinya. ' +
        'Capaian dihitung sebagai realisasi dibagi target dikali 100%, lalu diklasifikasikan menurut skala berikut:',
    );
  });

  it('given a lower-is-better indicator with the default formula, then it names (2T − R) / T floored at 0, never T / R', () => {
    const text = method(lkjWith({ 'K4.1': lower('INVERSE_DIFFERENCE') }));
    expect(text).toContain('untuk indikator yang makin besar makin baik, realisasi dibagi target dikali 100%');
    expect(text).toContain('untuk 1 (satu) indikator yang makin kecil makin baik, (2 × target − realisasi) dibagi target dikali 100%, dengan capaian paling rendah 0%');
    expect(text).not.toContain('target dibagi realisasi');
  });

  it('given both lower-is-better formulas, then it names both with their counts', () => {
    const text = method(lkjWith({ 'K4.1': lower('INVERSE_DIFFERENCE'), 'K1.1': lower('INVERSE_RATIO'), 'K2.1': lower('INVERSE_RATIO') }));
    expect(text).toContain('untuk 1 (satu) indikator yang makin kecil makin baik dengan rumus selisih, (2 × target − realisasi) dibagi target');
    expect(text).toContain('untuk 2 (dua) indikator yang makin kecil makin baik dengan rumus rasio, target dibagi realisasi dikali 100%');
  });

  it('given the ratio formula, then it states its cap of 200%, which R = 0 gives too', () => {
    const text = method(lkjWith({ 'K1.1': lower('INVERSE_RATIO') }));
    expect(text).toContain('target dibagi realisasi dikali 100% dengan capaian paling tinggi 200% (juga untuk realisasi 0)');
  });

  it('given a lower-is-better target of 0, then it states the rule that takes the place of a division by 0', () => {
    const text = method(lkjWith({ 'K4.1': { ...lower('INVERSE_DIFFERENCE'), target: { kind: 'SINGLE', value: '0' } } }));
    expect(text).toContain('untuk 1 (satu) indikator yang makin kecil makin baik bertarget 0, realisasi 0 memberi capaian 100% dan realisasi di atas 0 memberi capaian 0%');
    expect(method(lkjWith({ 'K4.1': lower('INVERSE_DIFFERENCE') }))).not.toContain('bertarget 0');
  });

  it('given four lower-is-better indicators, one of them a single target of 0, then that one is counted as bertarget 0 and under no formula', () => {
    const model = lkjWith({
      'K1.1': { ...lower('INVERSE_RATIO'), target: { kind: 'SINGLE', value: '3' } },
      'K2.1': { ...lower('INVERSE_DIFFERENCE'), target: { kind: 'SINGLE', value: '0' } },
      'K3.1': { ...lower('INVERSE_DIFFERENCE'), target: { kind: 'SINGLE', value: '2' } },
      'K4.1': { ...lower('INVERSE_DIFFERENCE'), target: { kind: 'RANGE', min: '0', max: '2' } },
    });
    expect(model.measurement.method).toMatchObject({ inverseDifference: 2, inverseRatio: 1, zeroTargets: 1, rangeTargets: 1 });
    const text = method(model);
    expect(text).toContain('untuk 2 (dua) indikator yang makin kecil makin baik dengan rumus selisih, (2 × target − realisasi)');
    expect(text).toContain('untuk 1 (satu) indikator yang makin kecil makin baik dengan rumus rasio, target dibagi realisasi');
    expect(text).toContain('untuk 1 (satu) indikator yang makin kecil makin baik bertarget 0, realisasi 0 memberi capaian 100%');
  });

  it('given every lower-is-better indicator with a target of 0, then no formula is named and the higher-is-better rule still reads as one of two', () => {
    const zero = { kind: 'SINGLE', value: '0' } as const;
    const model = lkjWith({ 'K1.1': { ...lower('INVERSE_RATIO'), target: zero }, 'K4.1': { ...lower('INVERSE_DIFFERENCE'), target: zero } });
    expect(model.measurement.method).toMatchObject({ inverseDifference: 0, inverseRatio: 0, zeroTargets: 2 });
    expect(method(model)).toBe(
      'Pengukuran tingkat capaian kinerja dilakukan dengan membandingkan target indikator kinerja dengan realisasinya. ' +
        'Capaian dihitung untuk indikator yang makin besar makin baik, realisasi dibagi target dikali 100%; ' +
        'untuk 2 (dua) indikator yang makin kecil makin baik bertarget 0, realisasi 0 memberi capaian 100% dan realisasi ' +
        'di atas 0 memberi capaian 0%, tanpa pembagian dengan nol, lalu diklasifikasikan menurut skala berikut:',
    );
  });

  it('given a lower-is-better target of 0 beside one formula, then that formula is named without "dengan rumus"', () => {
    const text = method(lkjWith({ 'K1.1': { ...lower('INVERSE_RATIO'), target: { kind: 'SINGLE', value: '0' } }, 'K4.1': lower('INVERSE_DIFFERENCE') }));
    expect(text).toContain('untuk 1 (satu) indikator yang makin kecil makin baik, (2 × target − realisasi)');
    expect(text).not.toContain('dengan rumus');
  });

  it('given a range target, then it says how a range is measured', () => {
    const text = method(lkjWith({ 'K1.1': { target: { kind: 'RANGE', min: '1', max: '2' } } }));
    expect(text).toContain('Untuk target berupa rentang, realisasi di dalam rentang memberi capaian 100%');
    expect(text).toMatch(/Capaian kemudian diklasifikasikan menurut skala berikut:$/);
  });
});

describe('a draft to date says which target the Target column shows', () => {
  it('given indicators with and without a rencana aksi (Jember through August), then it names the plan to date and the annual target', () => {
    const model = lkjWith({}, 8);
    const withPlan = model.measurement.method.toDate!.withPlan;
    expect(withPlan).toBeGreaterThan(0);
    expect(model.measurement.method.toDate!.withoutPlan).toBeGreaterThan(0);
    expect(period(model)).toMatch(/sampai dengan bulan Agustus disajikan dalam tabel berikut\. Kolom Target memuat target sampai dengan bulan tersebut menurut rencana aksi bagi .* indikator yang memiliki rencana aksi bulanan, dan target tahunan bagi .* indikator lainnya/);
    expect(period(model)).not.toContain('(target sampai dengan bulan tersebut)');
  });

  it('given no indicator with a rencana aksi, then it says the annual target applies', () => {
    const input = jember2024LkjInput();
    const noPlans = Object.fromEntries(input.pk.structure.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators.map((i) => [i.code, { monthlyPlan: null }]))));
    expect(period(lkjWith(noPlans, 8))).toContain('kolom Target memuat target tahunan');
  });

  it('given every indicator with a rencana aksi, then the target to date is the plan', () => {
    const input = jember2024LkjInput();
    const plans = Object.fromEntries(input.pk.structure.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators.map((i) => [i.code, { monthlyPlan: i.monthlyPlan ?? Array(12).fill('1') }]))));
    expect(period(lkjWith(plans, 8))).toContain('sampai dengan bulan Agustus (target sampai dengan bulan tersebut menurut rencana aksi) disajikan');
  });
});

describe('a draft to date does not count as short an indicator with nothing planned yet', () => {
  it('given an indicator whose rencana aksi plans nothing through August, then the Ikhtisar says it is not yet measurable, never short of its target', () => {
    const model = lkjWith({ 'K4.1': { monthlyPlan: ['0', '0', '0', '0', '0', '0', '0', '0', '3', '3', '3', '3'] } }, 8);
    expect(model.analyses.flatMap((k) => k.items).find((i) => i.indicatorCode === 'K4.1')).toMatchObject({ capaian: null, note: 'NO_TARGET_YET' });
    expect(model.conclusions.join(' ')).not.toContain('belum mencapai target sebanyak');
    const unmeasured = model.conclusions.find((c) => c.startsWith('Sebanyak 16 (enam belas) indikator belum dapat diukur: '))!;
    // Jember's yearly indicators are reported in December: through August 15 have no figure yet, K4.1 nothing planned yet.
    expect(unmeasured).toMatch(/^Sebanyak 16 \(enam belas\) indikator belum dapat diukur: 15 \(lima belas\) karena realisasinya belum dilaporkan, yaitu .*; dan 1 \(satu\) karena rencana aksinya belum menargetkan apa pun sampai dengan bulan Agustus, yaitu K4.1 Layanan Perkantoran\.$/);
    expect(unmeasured).toContain('Layanan Sarana Internal (kendala: Gudang penyimpanan ATK dan Barang Milik Negara belum memadai)');
    expect(model.conclusions.join(' ')).not.toContain('berkategori Belum dapat diukur');
  });
});

describe('3.1 says which PK version a draft\'s Tabel 3.2 follows', () => {
  it('given a draft through June reported under version 1 after a PK Perubahan version 2 was approved, then it says the table follows version 1 and BAB II presents version 2', () => {
    const input = jember2024LkjInput({ draft: true });
    const v1 = input.pk;
    const kinerja = computeKinerja(v1, jember2024ApprovedReports().filter((r) => r.month <= 6), { month: 6, ratingScale: DEFAULT_RATING_SCALE });
    const model = buildLkjModel({ ...input, pk: { ...structuredClone(v1), version: 2 }, kinerjaPk: v1, kinerja });
    expect(model.measurement.earlierPk).toEqual({ version: 1, inForce: 2 });
    expect(period(model)).toMatch(/ sampai dengan bulan Juni .*\. Laporan bulan-bulan tersebut disampaikan menurut Perjanjian Kinerja versi 1, sehingga tabel ini dihitung menurut versi tersebut; PK Perubahan versi 2 yang disajikan pada Bab II berlaku untuk laporan bulan-bulan sesudahnya:$/);
  });

  it('given a draft through June under the version in force, then nothing is added', () => {
    const input = jember2024LkjInput({ draft: true });
    const kinerja = computeKinerja(input.pk, jember2024ApprovedReports().filter((r) => r.month <= 6), { month: 6, ratingScale: DEFAULT_RATING_SCALE });
    const model = buildLkjModel({ ...input, kinerja });
    expect(model.measurement.earlierPk).toBeNull();
    expect(period(model)).not.toContain('Perjanjian Kinerja versi');
  });
});
