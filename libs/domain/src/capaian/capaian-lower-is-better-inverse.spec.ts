import { measure, single } from '../../testing/capaian-helpers';

const lower = { polarity: 'LOWER_IS_BETTER' as const, lowerIsBetterFormula: 'INVERSE_DIFFERENCE' as const, aggregation: 'LAST' as const };

describe('Capaian where lower is better, default formula (2T − R) ÷ T × 100, floored at 0', () => {
  it('given target 4 findings and 4 found, then 100.00', () => {
    expect(measure({ ...lower, target: single('4') }, ['4']).capaian).toBe('100.00');
  });

  it('given target 4 and 3 found, then 125.00 Sangat Berhasil', () => {
    expect(measure({ ...lower, target: single('4') }, ['3'])).toMatchObject({ capaian: '125.00', category: 'Sangat Berhasil' });
  });

  it('given target 4 and 5 found, then 75.00', () => {
    expect(measure({ ...lower, target: single('4') }, ['5']).capaian).toBe('75.00');
  });

  it('given target 4 and 10 found (more than twice the target), then floored at 0.00, never negative', () => {
    expect(measure({ ...lower, target: single('4') }, ['10'])).toMatchObject({ capaian: '0.00', category: 'Tidak Berhasil' });
  });

  it('given target 4 and 0 found, then 200.00', () => {
    expect(measure({ ...lower, target: single('4') }, ['0']).capaian).toBe('200.00');
  });
});
