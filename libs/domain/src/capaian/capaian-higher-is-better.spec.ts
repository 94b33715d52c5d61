import { measure, single } from '../../testing/capaian-helpers';

describe('Capaian where higher is better = realisasi ÷ target × 100', () => {
  it('given target 12 and realisasi 12, then 100.00 Berhasil', () => {
    expect(measure({ target: single('12') }, ['12'])).toMatchObject({ realisasi: '12', capaian: '100.00', category: 'Berhasil' });
  });

  it('given target 12 and realisasi 9, then 75.00 Cukup Berhasil', () => {
    expect(measure({ target: single('12') }, ['9'])).toMatchObject({ capaian: '75.00', category: 'Cukup Berhasil' });
  });

  it('given target 2 and realisasi 3, then 150.00 Sangat Berhasil', () => {
    expect(measure({ target: single('2') }, ['3'])).toMatchObject({ capaian: '150.00', category: 'Sangat Berhasil' });
  });

  it('given a realisasi of 0, then 0.00 Tidak Berhasil (0 is a figure, not a blank)', () => {
    expect(measure({ target: single('12') }, ['0'])).toMatchObject({ realisasi: '0', capaian: '0.00', category: 'Tidak Berhasil', note: null });
  });

  it('given decimal figures, then no binary drift: 0.1 + 0.2 of target 0.3 is exactly 100.00', () => {
    expect(measure({ target: single('0.3') }, ['0.1', '0.2'])).toMatchObject({ realisasi: '0.3', capaian: '100.00' });
  });
});
