import { measure, single } from '../../testing/capaian-helpers';

// An AVERAGE plan that fits its annual target of 2 (24 ÷ 12), whose first three months average 4/3.
const plan = ['1', '1', '2', '2', '2', '2', '2', '2', '2', '2', '2', '4'];

describe('An aggregate is shown as people typed it, or rounded once (half up, two places) when it does not end', () => {
  it('given AVERAGE of 1, 1, 2, then the realisasi shows 1.33, and capaian comes from the exact 4/3 (66.67, not 1.33 ÷ 2 = 66.50)', () => {
    expect(measure({ aggregation: 'AVERAGE', target: single('2') }, ['1', '1', '2'])).toMatchObject({
      realisasi: '1.33', capaian: '66.67', category: 'Kurang Berhasil',
    });
  });

  it('given AVERAGE of 2, 2, 1 (5/3), then it rounds half up: 1.67', () => {
    expect(measure({ aggregation: 'AVERAGE', target: single('2') }, ['2', '2', '1']).realisasi).toBe('1.67');
  });

  it('given an AVERAGE that ends within two places, then it is shown exactly, without trailing zeros: 7.5, 1.75, 12', () => {
    expect(measure({ aggregation: 'AVERAGE', target: single('8') }, ['7', '8']).realisasi).toBe('7.5');
    expect(measure({ aggregation: 'AVERAGE', target: single('2') }, ['1', '2', '2', '2']).realisasi).toBe('1.75');
    expect(measure({ aggregation: 'AVERAGE', target: single('12') }, ['12', '12', '12']).realisasi).toBe('12');
  });

  it('given an AVERAGE that ends beyond two places (9 ÷ 8 = 1.125), then it is rounded the same way: 1.13', () => {
    expect(measure({ aggregation: 'AVERAGE', target: single('1') }, ['1', '1', '1', '1', '1', '1', '1', '2']).realisasi).toBe('1.13');
  });

  it('given figures typed with more places than two, then the average keeps their places: (0.125 + 0.125 + 0.126) ÷ 3 shows 0.125', () => {
    expect(measure({ aggregation: 'AVERAGE', target: single('0.125') }, ['0.125', '0.125', '0.126']).realisasi).toBe('0.125');
  });

  it('given a rounded figure, then it is written like every figure, without trailing zeros: (0.1 + 0.1 + 0.11) ÷ 3 shows 0.1', () => {
    expect(measure({ aggregation: 'AVERAGE', target: single('0.1') }, ['0.1', '0.1', '0.11']).realisasi).toBe('0.1');
  });

  it('given SUM, LAST and MAX, then the figure is exact, as typed, whatever its places', () => {
    expect(measure({ aggregation: 'SUM', target: single('1') }, ['0.125', '0.5', '0.000001']).realisasi).toBe('0.625001');
    expect(measure({ aggregation: 'LAST', target: single('1') }, ['0.5', '0.123456']).realisasi).toBe('0.123456');
    expect(measure({ aggregation: 'MAX', target: single('1') }, ['0.5', '0.123456']).realisasi).toBe('0.5');
  });

  it('given an AVERAGE plan, then the target to date shows 1.33, and capaian is measured against the exact 4/3', () => {
    // 4/3 ÷ 4/3 = 100.00 (against 1.33 it would be 100.25); 1 ÷ 4/3 = 75.00 (against 1.33, 75.19).
    expect(measure({ aggregation: 'AVERAGE', target: single('2'), monthlyPlan: plan }, ['1', '1', '2'], 3)).toMatchObject({
      targetApplied: single('1.33'), realisasi: '1.33', capaian: '100.00', category: 'Berhasil',
    });
    expect(measure({ aggregation: 'AVERAGE', target: single('2'), monthlyPlan: plan }, ['1', '1', '1'], 3)).toMatchObject({
      targetApplied: single('1.33'), realisasi: '1', capaian: '75.00',
    });
  });

  it('given an AVERAGE plan that ends, then the target to date is shown exactly: (1 + 1 + 2 + 2) ÷ 4 = 1.5', () => {
    expect(measure({ aggregation: 'AVERAGE', target: single('2'), monthlyPlan: plan }, ['1', '1', '2', '2'], 4).targetApplied).toEqual(single('1.5'));
  });
});
