import { aPkInForce, anIndicator, aStructure } from '../../testing/builders';
import type { RealisasiLine } from './realisasi.types';
import { valueFarAboveTargetWarnings, type ValueFarAboveTargetInput } from './value-far-above-target';

// aStructure(): K1.1 "Layanan Perkantoran" target 12 Layanan, K1.2 "Layanan Pengawasan Internal" target 1 Laporan.
const line = (indicatorCode: string, value: string | null): RealisasiLine => ({ indicatorCode, value, narrative: '', kendala: '', solusi: '', evidence: [] });
const input = (lines: RealisasiLine[], overrides: Partial<ValueFarAboveTargetInput> = {}): ValueFarAboveTargetInput =>
  ({ year: 2024, month: 3, pk: aPkInForce(), lines, ...overrides });

describe('a month\'s figure far above its indicator\'s annual target (warned, never refused)', () => {
  it('given figures up to ten times the annual target, when checked, then there is no warning', () => {
    expect(valueFarAboveTargetWarnings(input([line('K1.1', '120'), line('K1.2', '10')]))).toEqual([]);
  });

  it('given a figure with a zero too many (121 against 12 a year), when checked, then it warns VALUE_FAR_ABOVE_TARGET naming indicator, month, figure and target', () => {
    expect(valueFarAboveTargetWarnings(input([line('K1.1', '121')]))).toEqual([{
      code: 'REALISASI.VALUE_FAR_ABOVE_TARGET',
      message: 'Realisasi indikator K1.1 (Layanan Perkantoran) bulan Maret 2024 sebesar 121 Layanan, lebih dari sepuluh kali target setahunnya ' +
        '(12 Layanan): periksa kembali angka, mungkin ada nol berlebih atau satuan yang berbeda. Bila angka itu memang benar, jelaskan pada uraian.',
      details: { indicatorCode: 'K1.1', indicatorName: 'Layanan Perkantoran', year: 2024, month: 3, value: '121', target: '12', unit: 'Layanan', factor: 10, pkVersion: 1 },
    }]);
  });

  it('given decimals just over ten times, when checked, then decimal arithmetic decides and the figures are written the Indonesian way', () => {
    const structure = aStructure([anIndicator({ target: { kind: 'SINGLE', value: '0.1' }, unit: '%' })]);
    expect(valueFarAboveTargetWarnings(input([line('K1.1', '1')], { pk: aPkInForce(structure) }))).toEqual([]);
    const [warning] = valueFarAboveTargetWarnings(input([line('K1.1', '1.0001')], { pk: aPkInForce(structure) }));
    expect(warning.message).toContain('sebesar 1,0001 %, lebih dari sepuluh kali target setahunnya (0,1 %)');
  });

  it('given a range target, when checked, then the figure is compared with ten times its upper bound', () => {
    const structure = aStructure([anIndicator({ target: { kind: 'RANGE', min: '7', max: '8' } })]);
    expect(valueFarAboveTargetWarnings(input([line('K1.1', '80')], { pk: aPkInForce(structure) }))).toEqual([]);
    const [warning] = valueFarAboveTargetWarnings(input([line('K1.1', '81')], { pk: aPkInForce(structure) }));
    expect(warning.details).toMatchObject({ value: '81', target: '8' });
    expect(warning.message).toContain('lebih dari sepuluh kali batas atas target setahunnya (8 Layanan)');
  });

  it('given a lower-is-better count far over its ceiling, when checked, then it is warned about as well', () => {
    const structure = aStructure([anIndicator({ polarity: 'LOWER_IS_BETTER', target: { kind: 'SINGLE', value: '4' }, unit: 'Temuan' })]);
    expect(valueFarAboveTargetWarnings(input([line('K1.1', '41')], { pk: aPkInForce(structure) }))).toHaveLength(1);
  });

  it('given a blank line, a target of 0, an indicator the version does not have, or no version, when checked, then there is no warning', () => {
    const zero = aStructure([anIndicator({ polarity: 'LOWER_IS_BETTER', target: { kind: 'SINGLE', value: '0' } })]);
    expect(valueFarAboveTargetWarnings(input([line('K1.1', null)]))).toEqual([]);
    expect(valueFarAboveTargetWarnings(input([line('K1.1', '5')], { pk: aPkInForce(zero) }))).toEqual([]);
    expect(valueFarAboveTargetWarnings(input([line('K9.9', '999999')]))).toEqual([]);
    expect(valueFarAboveTargetWarnings(input([line('K1.1', '999999')], { pk: null }))).toEqual([]);
  });

  it('given two lines far above their targets, when checked, then each gets its own warning in the order of the report', () => {
    const warnings = valueFarAboveTargetWarnings(input([line('K1.2', '11'), line('K1.1', '1200')]));
    expect(warnings.map((w) => w.details.indicatorCode)).toEqual(['K1.2', 'K1.1']);
  });
});
