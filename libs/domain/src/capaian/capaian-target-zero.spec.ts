import { measure, single } from '../../testing/capaian-helpers';

const lower = { polarity: 'LOWER_IS_BETTER' as const, aggregation: 'LAST' as const };

describe('A target of 0 never divides', () => {
  it('given lower is better, target 0 and realisasi 0, then the target is met: 100.00 Berhasil', () => {
    expect(measure({ ...lower, target: single('0') }, ['0'])).toMatchObject({ capaian: '100.00', category: 'Berhasil' });
  });

  it('given lower is better, target 0 and realisasi 2, then the target is missed: 0.00 Tidak Berhasil', () => {
    expect(measure({ ...lower, target: single('0') }, ['2'])).toMatchObject({ capaian: '0.00', category: 'Tidak Berhasil' });
  });

  it('given lower is better with the T ÷ R formula, target 0, then the same met/missed rule applies', () => {
    expect(measure({ ...lower, lowerIsBetterFormula: 'INVERSE_RATIO', target: single('0') }, ['0']).capaian).toBe('100.00');
    expect(measure({ ...lower, lowerIsBetterFormula: 'INVERSE_RATIO', target: single('0') }, ['1']).capaian).toBe('0.00');
  });

  it('given higher is better and nothing planned yet (target to date 0), then not measured rather than divided', () => {
    const plan = ['0', '0', '0', '0', '0', '1', '0', '0', '0', '0', '0', '0'];
    expect(measure({ target: single('1'), monthlyPlan: plan }, ['1'], 3)).toMatchObject({
      targetApplied: single('0'), realisasi: '1', capaian: null, category: null, note: 'NO_TARGET_YET',
    });
  });
});
