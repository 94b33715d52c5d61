import { DomainError } from './domain-error';
import { localDateOf, monthHasEnded } from './local-date';

describe('The office calendar: dates are judged in the office time zone, from the instant given', () => {
  it('given 31 Jan 17:00 UTC, then it is already 1 February in Jakarta (UTC+7)', () => {
    expect(localDateOf('2024-01-31T17:00:00.000Z', 'Asia/Jakarta')).toEqual({ year: 2024, month: 2, day: 1 });
  });

  it('given 31 Jan 16:00 UTC, then it is 1 February in Jayapura (UTC+9) but still January in Jakarta', () => {
    expect(localDateOf('2024-01-31T16:00:00.000Z', 'Asia/Jayapura').month).toBe(2);
    expect(localDateOf('2024-01-31T16:00:00.000Z', 'Asia/Jakarta').month).toBe(1);
  });

  it('given 31 December 17:00 UTC, then a new year has begun in Jakarta and December 2024 has ended', () => {
    const today = localDateOf('2024-12-31T17:00:00.000Z', 'Asia/Jakarta');
    expect(today).toEqual({ year: 2025, month: 1, day: 1 });
    expect(monthHasEnded(2024, 12, today)).toBe(true);
  });

  it('given the last day of a month, then that month has not ended', () => {
    expect(monthHasEnded(2024, 2, { year: 2024, month: 2, day: 29 })).toBe(false);
    expect(monthHasEnded(2024, 3, { year: 2024, month: 2, day: 29 })).toBe(false);
  });

  it('given an unknown time zone, then it is refused', () => {
    expect(() => localDateOf('2024-01-31T17:00:00.000Z', 'Asia/Atlantis')).toThrow(DomainError);
    expect(() => localDateOf('2024-01-31T17:00:00.000Z', 'Asia/Atlantis')).toThrow(expect.objectContaining({ code: 'SATKER.INVALID_TIMEZONE' }));
  });

  it('given a malformed instant, then it is refused', () => {
    expect(() => localDateOf('kemarin', 'Asia/Jakarta')).toThrow(expect.objectContaining({ code: 'COMMAND.INVALID_TIME' }));
  });

  it('given instants a millisecond either side of midnight in Jakarta, asked one after the other, then each has its own date', () => {
    expect(localDateOf('2024-01-31T16:59:59.999Z', 'Asia/Jakarta')).toEqual({ year: 2024, month: 1, day: 31 });
    expect(localDateOf('2024-01-31T17:00:00.000Z', 'Asia/Jakarta')).toEqual({ year: 2024, month: 2, day: 1 });
    expect(localDateOf('2024-01-31T16:59:59.999Z', 'Asia/Jakarta')).toEqual({ year: 2024, month: 1, day: 31 });
  });

  it('given the same minute asked again, then the same date, which a caller changing its copy does not alter', () => {
    const first = localDateOf('2024-06-15T03:00:10.000Z', 'Asia/Makassar');
    first.day = 99;
    expect(localDateOf('2024-06-15T03:00:50.000Z', 'Asia/Makassar')).toEqual({ year: 2024, month: 6, day: 15 });
    expect(localDateOf('2024-06-15T03:00:50.000Z', 'Asia/Jayapura')).toEqual({ year: 2024, month: 6, day: 15 });
  });

  it('given a zone whose offset once had seconds (Monrovia, −0:44:30 until 1972), then midnight inside a minute still splits the dates', () => {
    expect(localDateOf('1960-05-01T00:44:29.000Z', 'Africa/Monrovia')).toEqual({ year: 1960, month: 4, day: 30 });
    expect(localDateOf('1960-05-01T00:44:31.000Z', 'Africa/Monrovia')).toEqual({ year: 1960, month: 5, day: 1 });
    expect(localDateOf('1960-05-01T00:44:29.000Z', 'Africa/Monrovia')).toEqual({ year: 1960, month: 4, day: 30 });
  });
});
