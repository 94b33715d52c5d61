import { officeDaysBetween } from './report-timeliness';

/** A local time in Jakarta (UTC+7) as an ISO instant. */
const jakarta = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`).toISOString();

describe('days a report has waited: office-calendar days, as daysLate counts them, not 24-hour periods', () => {
  const sent = jakarta('2026-12-08', '08:35');

  it('given a report sent on Tuesday 8 December 2026 at 08:35 WIB, then the digest of 28 December at 08:00 counts 20 days, 21 January 44', () => {
    expect(officeDaysBetween(sent, jakarta('2026-12-28', '08:00'), 'Asia/Jakarta')).toBe(20);
    expect(officeDaysBetween(sent, jakarta('2027-01-21', '08:00'), 'Asia/Jakarta')).toBe(44);
  });

  it('given the same day, then 0; given the next day at 00:00 office time, then 1', () => {
    expect(officeDaysBetween(sent, jakarta('2026-12-08', '23:59'), 'Asia/Jakarta')).toBe(0);
    expect(officeDaysBetween(sent, jakarta('2026-12-09', '00:00'), 'Asia/Jakarta')).toBe(1);
  });

  it('given an office in Jayapura (UTC+9), then its own midnight counts: 23:30 WIB on the 8th is already the 9th there', () => {
    const late = jakarta('2026-12-08', '23:30');
    expect(officeDaysBetween(late, jakarta('2026-12-09', '08:00'), 'Asia/Jakarta')).toBe(1);
    expect(officeDaysBetween(late, jakarta('2026-12-09', '08:00'), 'Asia/Jayapura')).toBe(0);
  });

  it('given a clock behind the submission, then never negative', () => {
    expect(officeDaysBetween(sent, jakarta('2026-12-07', '08:00'), 'Asia/Jakarta')).toBe(0);
  });
});
