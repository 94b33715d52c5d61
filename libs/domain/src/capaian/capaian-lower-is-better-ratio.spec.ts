import { measure, single } from '../../testing/capaian-helpers';

const ratio = { polarity: 'LOWER_IS_BETTER' as const, lowerIsBetterFormula: 'INVERSE_RATIO' as const, aggregation: 'LAST' as const };

describe('Capaian where lower is better, selectable formula T ÷ R × 100', () => {
  it('given target 4 and 5 found, then 80.00 (the default formula would give 75.00)', () => {
    expect(measure({ ...ratio, target: single('4') }, ['5']).capaian).toBe('80.00');
  });

  it('given target 4 and 10 found, then 40.00: this formula never reaches 0', () => {
    expect(measure({ ...ratio, target: single('4') }, ['10']).capaian).toBe('40.00');
  });

  it('given target 4 and 3 found, then 133.33', () => {
    expect(measure({ ...ratio, target: single('4') }, ['3']).capaian).toBe('133.33');
  });

  it('given target 4 and 0 found, then nothing is divided by 0: 200.00, as the default formula gives', () => {
    expect(measure({ ...ratio, target: single('4') }, ['0'])).toMatchObject({ capaian: '200.00', category: 'Sangat Berhasil' });
  });
});
