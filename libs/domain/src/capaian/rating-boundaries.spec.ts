import { DEFAULT_RATING_SCALE, ratingOf } from './rating-scale';

const category = (shown: string) => ratingOf(shown, DEFAULT_RATING_SCALE).category;

describe('Rating boundaries of Tabel 3.1 are exact: min exclusive, max inclusive', () => {
  it.each([
    ['100.01', 'Sangat Berhasil'],
    ['100.00', 'Berhasil'],
    ['90.01', 'Berhasil'],
    ['90.00', 'Cukup Berhasil'],
    ['70.01', 'Cukup Berhasil'],
    ['70.00', 'Kurang Berhasil'],
    ['50.01', 'Kurang Berhasil'],
    ['50.00', 'Tidak Berhasil'],
    ['0.00', 'Tidak Berhasil'],
    ['250.00', 'Sangat Berhasil'],
  ])('given a shown capaian of %s, then %s', (shown, expected) => {
    expect(category(shown)).toBe(expected);
  });
});
