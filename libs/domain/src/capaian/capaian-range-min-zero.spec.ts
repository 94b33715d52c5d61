import { deciderSpec } from '../../testing/decider-spec';
import { anIndicator, aStructure, meta, sekretaris, SUBBAGIAN } from '../../testing/builders';
import { measure } from '../../testing/capaian-helpers';
import { perjanjianKinerjaDecider } from '../perjanjian-kinerja/pk.decider';
import type { IndicatorTarget, PkIndicator } from '../perjanjian-kinerja/pk-structure.types';

const spec = deciderSpec(perjanjianKinerjaDecider);
const range = (min: string, max: string): IndicatorTarget => ({ kind: 'RANGE', min, max });
const draftWith = (indicator: Partial<PkIndicator>) => ({
  type: 'DraftPk' as const,
  data: { satker: 'kpu-kab-jember', year: 2025, structure: aStructure([anIndicator({ aggregation: 'LAST', ...indicator })]), subbagianCodes: SUBBAGIAN },
  metadata: meta(sekretaris),
});
const lower = { polarity: 'LOWER_IS_BETTER' as const, aggregation: 'LAST' as const };

/**
 * Inside a range capaian is 100 and below it is measured against min. Where higher is better a
 * range 0–X therefore rates a realisasi of 0 as 100 (Berhasil): "at least 0" is no target, like a
 * single target of 0, and the PK refuses it. Where lower is better, 0–X means "at most X": only a
 * realisasi above X is measured, against X, which is never 0.
 */
describe('A range target whose lower end is 0', () => {
  it('given higher is better, when a PK is drafted with a range 0–8, then it is refused (PK.RANGE_MIN_ZERO)', () => {
    spec().when(draftWith({ target: range('0', '8') })).thenThrows('PK.RANGE_MIN_ZERO', 'validation');
    spec().when(draftWith({ target: range('0.00', '8') })).thenThrows('PK.RANGE_MIN_ZERO', 'validation');
  });

  it('given higher is better and a lower end above 0 (0.5–8), when drafted, then accepted; a realisasi of 0 is 0.00 Tidak Berhasil', () => {
    expect(spec().when(draftWith({ target: range('0.5', '8') })).events()).toHaveLength(1);
    expect(measure({ aggregation: 'LAST', target: range('0.5', '8') }, ['0'])).toMatchObject({ capaian: '0.00', category: 'Tidak Berhasil' });
  });

  it('given lower is better, when a PK is drafted with a range 0–2 ("paling banyak 2 temuan"), then accepted', () => {
    expect(spec().when(draftWith({ ...lower, target: range('0', '2') })).events()).toHaveLength(1);
  });

  it('given lower is better and a range 0–2, then 0 to 2 is 100.00 and 3 is measured against 2 with the indicator\'s formula', () => {
    expect(measure({ ...lower, target: range('0', '2') }, ['0']).capaian).toBe('100.00');
    expect(measure({ ...lower, target: range('0', '2') }, ['2']).capaian).toBe('100.00');
    expect(measure({ ...lower, target: range('0', '2') }, ['3'])).toMatchObject({ capaian: '50.00', category: 'Tidak Berhasil' });
    expect(measure({ ...lower, lowerIsBetterFormula: 'INVERSE_RATIO', target: range('0', '2') }, ['3']).capaian).toBe('66.67');
  });

  it('given either polarity and a range 0–0, or ends equal or reversed, when drafted, then refused as no range (PK.INVALID_RANGE)', () => {
    for (const polarity of ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const) {
      spec().when(draftWith({ polarity, target: range('0', '0') })).thenThrows('PK.INVALID_RANGE', 'validation');
      spec().when(draftWith({ polarity, target: range('8', '8') })).thenThrows('PK.INVALID_RANGE', 'validation');
      spec().when(draftWith({ polarity, target: range('8', '0') })).thenThrows('PK.INVALID_RANGE', 'validation');
    }
  });
});
