import { measure, single } from '../../testing/capaian-helpers';

describe('A blank month means "not reported", never 0', () => {
  it('given AVERAGE with a blank month, then the blank is left out of the average (not counted as 0)', () => {
    // With the blank as 0 the average would be 60 (capaian 75.00).
    expect(measure({ aggregation: 'AVERAGE', target: single('80') }, ['80', null, '100'])).toMatchObject({ realisasi: '90', capaian: '112.50' });
  });

  it('given every month blank, then there is no realisasi and no capaian', () => {
    expect(measure({ target: single('12') }, [null, null])).toMatchObject({
      realisasi: null, capaian: null, category: null, note: 'NOT_REPORTED', reportedMonths: [],
    });
  });

  it('given no report at all, then the indicator is listed as not reported', () => {
    expect(measure({ target: single('12') }, [])).toMatchObject({ realisasi: null, capaian: null, note: 'NOT_REPORTED' });
  });

  it('given blanks between figures, then only the months with a figure are listed as reported', () => {
    expect(measure({ target: single('12') }, ['1', null, '1']).reportedMonths).toEqual([1, 3]);
  });
});
