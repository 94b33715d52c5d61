import { measure, single } from '../../testing/capaian-helpers';

describe('The category is decided on the capaian as shown (two places), not the exact value', () => {
  it('given an exact 100.004 (shown 100.00), then Berhasil, not Sangat Berhasil', () => {
    expect(measure({ target: single('100000') }, ['100004'])).toMatchObject({ capaian: '100.00', category: 'Berhasil' });
  });

  it('given an exact 100.005 (shown 100.01), then Sangat Berhasil', () => {
    expect(measure({ target: single('100000') }, ['100005'])).toMatchObject({ capaian: '100.01', category: 'Sangat Berhasil' });
  });

  it('given an exact 90.004 (shown 90.00), then Cukup Berhasil', () => {
    expect(measure({ target: single('100000') }, ['90004'])).toMatchObject({ capaian: '90.00', category: 'Cukup Berhasil' });
  });
});
