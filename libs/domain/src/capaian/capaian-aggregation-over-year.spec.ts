import { measure, single } from '../../testing/capaian-helpers';

const months = ['60', null, '80', '70']; // April is the latest report; February reported blank

describe('Aggregation over the year follows the indicator', () => {
  it('given SUM, then the months add up: 60 + 80 + 70 = 210', () => {
    expect(measure({ aggregation: 'SUM', target: single('210') }, months)).toMatchObject({ realisasi: '210', capaian: '100.00' });
  });

  it('given LAST, then the latest reported month counts: 70', () => {
    expect(measure({ aggregation: 'LAST', target: single('70'), unit: '%' }, months)).toMatchObject({ realisasi: '70', capaian: '100.00' });
  });

  it('given LAST and a blank latest month, then the latest month with a figure counts', () => {
    expect(measure({ aggregation: 'LAST', target: single('70') }, ['60', '70', null]).realisasi).toBe('70');
  });

  it('given AVERAGE, then the average of the reported months: (60 + 80 + 70) ÷ 3 = 70', () => {
    expect(measure({ aggregation: 'AVERAGE', target: single('70') }, months)).toMatchObject({ realisasi: '70', capaian: '100.00' });
  });

  it('given MAX, then the highest month: 80', () => {
    expect(measure({ aggregation: 'MAX', target: single('80') }, months).realisasi).toBe('80');
  });
});
