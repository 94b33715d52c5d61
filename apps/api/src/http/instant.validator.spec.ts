import { isInstant } from './instant.validator';

describe('a moment given as a query parameter', () => {
  it.each([
    '2025-01-10T08:00:00+07:00',
    '2025-01-10T01:00:00Z',
    '2025-01-10T01:00Z',
    '2024-02-29T23:59:59.999999+09:00',
    '2025-12-31T23:59:59-14:00',
  ])('accepts %s, which JavaScript reads as a date', (value) => {
    expect(isInstant(value)).toBe(true);
    expect(Number.isNaN(new Date(value).getTime())).toBe(false);
  });

  it.each([
    ['a week date', '2024-W05'],
    ['an ordinal date', '2024-123'],
    ['a bare date (read as UTC midnight otherwise)', '2024-03-01'],
    ['a year alone', '2024'],
    ['a day that is not in the calendar', '2024-02-30T00:00:00Z'],
    ['29 February of a common year', '2025-02-29T00:00:00Z'],
    ['hour 24', '2024-01-01T24:00:00Z'],
    ['a leap second', '2024-01-01T00:00:60Z'],
    ['a time without a zone', '2024-01-01T08:00:00'],
    ['an offset beyond ±14:00', '2024-01-01T08:00:00+15:00'],
    ['year 0', '0000-01-01T00:00:00Z'],
    ['a basic-format moment', '20240101T000000Z'],
    ['a number', 1704067200000],
    ['an array of moments', ['2025-01-10T01:00:00Z']],
  ])('refuses %s', (_what, value) => {
    expect(isInstant(value)).toBe(false);
  });
});
