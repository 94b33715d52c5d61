import { measure, single } from '../../testing/capaian-helpers';

const monthly = Array.from({ length: 12 }, () => '1');

describe('Capaian to date compares realisasi to date with the rencana aksi to date', () => {
  it('given a plan of 1 a month and 3 reported by March, then target to date 3 and 100.00', () => {
    expect(measure({ target: single('12'), monthlyPlan: monthly }, ['1', '1', '1', '1'], 3)).toMatchObject({
      targetApplied: single('3'), realisasi: '3', capaian: '100.00',
    });
  });

  it('given a plan of 1 a month and 2 reported by March, then 66.67 Kurang Berhasil', () => {
    expect(measure({ target: single('12'), monthlyPlan: monthly }, ['1', null, '1'], 3)).toMatchObject({ capaian: '66.67', category: 'Kurang Berhasil' });
  });

  it('given month M, then reports after M are ignored', () => {
    expect(measure({ target: single('12'), monthlyPlan: monthly }, ['1', '1', '1', '1', '1'], 2).realisasi).toBe('2');
  });

  it('given a LAST indicator, then the plan value of month M is the target to date', () => {
    const plan = ['10', '20', '30', '40', '50', '60', '70', '80', '90', '95', '98', '100'];
    expect(measure({ aggregation: 'LAST', target: single('100'), monthlyPlan: plan }, ['10', '25', '27'], 3)).toMatchObject({
      targetApplied: single('30'), realisasi: '27', capaian: '90.00', category: 'Cukup Berhasil',
    });
  });

  it('given month 12, then the annual target applies', () => {
    expect(measure({ target: single('12'), monthlyPlan: monthly }, monthly, 12).targetApplied).toEqual(single('12'));
  });
});
