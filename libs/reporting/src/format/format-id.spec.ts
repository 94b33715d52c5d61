import {
  countWithWords,
  keepRupiahWithFigure,
  formatDateId,
  formatDateTimeId,
  formatNumberId,
  formatPercentId,
  formatQuantityId,
  formatRupiah,
  terbilang,
} from './format-id';

describe('Indonesian display formats', () => {
  it('writes capaian with a decimal comma and two places', () => {
    expect(formatPercentId('100.00')).toBe('100,00%');
    expect(formatPercentId('58.333')).toBe('58,33%');
    expect(formatPercentId('1234.5')).toBe('1.234,50%');
    expect(formatPercentId(null)).toBe('-');
  });

  it('writes typed figures as typed, with their unit, ranges included', () => {
    expect(formatNumberId('12')).toBe('12');
    expect(formatNumberId('0.50')).toBe('0,5');
    expect(formatQuantityId('12', 'Layanan')).toBe('12 Layanan');
    expect(formatQuantityId('7–8', 'Orang')).toBe('7–8 Orang');
    expect(formatQuantityId(null, 'Laporan')).toBe('-');
  });

  it('writes rupiah with thousands dots, and "tidak tersedia" when unknown', () => {
    expect(formatRupiah('1234567')).toBe('Rp 1.234.567');
    expect(formatRupiah('999.5')).toBe('Rp 1.000');
    expect(formatRupiah(null)).toBe('tidak tersedia');
  });

  it('writes dates with Indonesian month names, instants in the office zone', () => {
    expect(formatDateId('2025-01-17')).toBe('17 Januari 2025');
    expect(formatDateId('2024-08-05')).toBe('5 Agustus 2024');
    expect(formatDateTimeId('2024-12-31T17:30:00Z', 'Asia/Jakarta')).toBe('1 Januari 2025 00.30 WIB');
    expect(formatDateTimeId('2024-12-31T17:30:00Z', 'Asia/Jayapura')).toBe('1 Januari 2025 02.30 WIT');
  });

  it('spells counts the way official letters do', () => {
    expect(terbilang(11)).toBe('sebelas');
    expect(terbilang(18)).toBe('delapan belas');
    expect(terbilang(24)).toBe('dua puluh empat');
    expect(terbilang(100)).toBe('seratus');
    expect(terbilang(1001)).toBe('seribu satu');
    expect(terbilang(553)).toBe('lima ratus lima puluh tiga');
    expect(countWithWords(2)).toBe('2 (dua)');
  });
});

describe('keepRupiahWithFigure', () => {
  it('given running text with rupiah amounts, then each "Rp" is glued to its figure by a no-break space and nothing else changes', () => {
    expect(keepRupiahWithFigure('pagu Rp 1.000.000 dan realisasi Rp 500.000,50 (Rp -); Rpx 5'))
      .toBe('pagu Rp\u00a01.000.000 dan realisasi Rp\u00a0500.000,50 (Rp -); Rpx 5'.replace('(Rp -)', '(Rp\u00a0-)'));
    expect(keepRupiahWithFigure('Rp tidak tersedia')).toBe('Rp tidak tersedia');
  });
});
