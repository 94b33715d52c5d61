import { measure } from '../../testing/capaian-helpers';

const range = { kind: 'RANGE' as const, min: '7', max: '8' };
const last = { aggregation: 'LAST' as const, target: range };

describe('Range targets (7–8): inside = 100, below measured against min, above against max', () => {
  it('given realisasi at either end or inside the range, then 100.00', () => {
    expect(measure(last, ['7']).capaian).toBe('100.00');
    expect(measure(last, ['7.5']).capaian).toBe('100.00');
    expect(measure(last, ['8']).capaian).toBe('100.00');
  });

  it('given higher is better and realisasi 6 (below), then 6 ÷ 7 = 85.71 Cukup Berhasil', () => {
    expect(measure(last, ['6'])).toMatchObject({ capaian: '85.71', category: 'Cukup Berhasil' });
  });

  it('given higher is better and realisasi 10 (above), then 10 ÷ 8 = 125.00 Sangat Berhasil', () => {
    expect(measure(last, ['10'])).toMatchObject({ capaian: '125.00', category: 'Sangat Berhasil' });
  });

  it('given lower is better and realisasi 10 (above: worse), then (2×8 − 10) ÷ 8 = 75.00', () => {
    expect(measure({ ...last, polarity: 'LOWER_IS_BETTER' }, ['10']).capaian).toBe('75.00');
  });

  it('given lower is better and realisasi 6 (below: better), then (2×7 − 6) ÷ 7 = 114.29', () => {
    expect(measure({ ...last, polarity: 'LOWER_IS_BETTER' }, ['6']).capaian).toBe('114.29');
  });

  it('given a range target, then it is written 7–8 in the table', () => {
    expect(measure(last, ['7']).targetText).toBe('7–8');
  });
});
