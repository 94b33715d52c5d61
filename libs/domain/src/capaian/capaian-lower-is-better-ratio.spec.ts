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

  it('given target 3 and 1 found, then 200.00, not 300.00: the ratio is capped where R = 0 stands, so no finding never rates below one', () => {
    expect(measure({ ...ratio, target: single('3') }, ['1']).capaian).toBe('200.00');
    expect(measure({ ...ratio, target: single('3') }, ['0.01']).capaian).toBe('200.00');
    expect(measure({ ...ratio, target: single('3') }, ['0']).capaian).toBe('200.00');
  });

  it('given target 2, then fewer found never rates lower than more found, from 0 up', () => {
    const found = ['0', '0.5', '1', '1.5', '2', '3', '4', '8'];
    const capaian = found.map((r) => Number(measure({ ...ratio, target: single('2') }, [r]).capaian));
    expect(capaian).toEqual([200, 200, 200, 133.33, 100, 66.67, 50, 25]);
    capaian.forEach((c, i) => i > 0 && expect(c).toBeLessThanOrEqual(capaian[i - 1]));
  });

  it('given target 4 and 2 found, then exactly 200.00 (the cap meets the formula at R = T / 2)', () => {
    expect(measure({ ...ratio, target: single('4') }, ['2']).capaian).toBe('200.00');
  });
});
