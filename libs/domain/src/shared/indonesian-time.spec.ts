import { formatDateId, formatDateTimeId } from './indonesian-time';
import { formatNumberId, formatPercentId } from './indonesian-number';

describe('dates, moments and figures in Indonesian text', () => {
  it('given a calendar date, when written, then it reads "5 Desember 2026"', () => {
    expect(formatDateId('2026-12-05')).toBe('5 Desember 2026');
    expect(formatDateId('2026-01-15')).toBe('15 Januari 2026');
  });

  it('given a UTC instant late in the day, when written for a WIB office, then it names the office\'s date and hour, not UTC\'s', () => {
    expect(formatDateTimeId('2026-12-07T17:38:56.194Z', 'Asia/Jakarta')).toBe('8 Desember 2026 00.38 WIB');
  });

  it('given the same instant, when written for a WITA or WIT office, then it is that office\'s clock', () => {
    expect(formatDateTimeId('2026-12-07T17:38:56.194Z', 'Asia/Makassar')).toBe('8 Desember 2026 01.38 WITA');
    expect(formatDateTimeId('2026-12-07T14:05:00.000Z', 'Asia/Jayapura')).toBe('7 Desember 2026 23.05 WIT');
  });

  it('given a capaian as stored ("100.00"), when written, then it has the decimal comma the LKj prints', () => {
    expect(formatPercentId('100.00')).toBe('100,00%');
    expect(formatPercentId('1234.5')).toBe('1.234,50%');
    expect(formatPercentId(null)).toBe('-');
  });

  it('given a typed figure, when written, then it keeps its digits with Indonesian separators', () => {
    expect(formatNumberId('1250.5')).toBe('1.250,5');
    expect(formatNumberId('0.50')).toBe('0,5');
  });
});
