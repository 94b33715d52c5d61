import { nextDailyDigestAt } from './next-digest';

describe('the next daily digest after an LKj is produced (Lampiran 2)', () => {
  it('given the worker\'s schedule 00:05 UTC, when produced during the day, then the digest is the next day at 00:05 UTC', () => {
    expect(nextDailyDigestAt(new Date('2026-12-07T05:00:00Z')).toISOString()).toBe('2026-12-08T00:05:00.000Z');
  });

  it('given the same schedule, when produced just after midnight UTC, then the digest is that same day', () => {
    expect(nextDailyDigestAt(new Date('2025-01-17T00:01:00Z')).toISOString()).toBe('2025-01-17T00:05:00.000Z');
  });

  it('given a digest signed at the very instant of production, then the next one is a day later', () => {
    expect(nextDailyDigestAt(new Date('2025-01-17T00:05:00Z')).toISOString()).toBe('2025-01-18T00:05:00.000Z');
  });

  it('refuses a schedule that is not one fixed time a day rather than guess', () => {
    expect(() => nextDailyDigestAt(new Date('2025-01-17T00:00:00Z'), '0 */5 * * * *')).toThrow(/fixed daily time/);
  });
});
