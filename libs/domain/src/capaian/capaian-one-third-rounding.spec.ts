import { measure, single } from '../../testing/capaian-helpers';

describe('Capaian is rounded once, to two places, half up', () => {
  it('given 1 of 3, then 100 × 1/3 prints 33.33', () => {
    expect(measure({ target: single('3') }, ['1']).capaian).toBe('33.33');
  });

  it('given 2 of 3, then 66.67', () => {
    expect(measure({ target: single('3') }, ['2']).capaian).toBe('66.67');
  });

  it('given a value exactly half-way at the third place, then it rounds half up (not to even)', () => {
    expect(measure({ target: single('8') }, ['0.1']).capaian).toBe('1.25');
    expect(measure({ target: single('800') }, ['0.1']).capaian).toBe('0.01'); // 0.0125 → 0.01
    expect(measure({ target: single('400') }, ['0.1']).capaian).toBe('0.03'); // 0.025 → 0.03, not banker's 0.02
  });

  it('given AVERAGE of 1, 1, 2 against 4.5, then the exact 4/3 ÷ 4.5 is rounded once (29.63), not its rounded parts', () => {
    // Rounding the average first (1.33) would give 29.56.
    expect(measure({ aggregation: 'AVERAGE', target: single('4.5') }, ['1', '1', '2'])).toMatchObject({ capaian: '29.63' });
  });
});
