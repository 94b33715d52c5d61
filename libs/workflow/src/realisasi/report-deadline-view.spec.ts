import type { SatkerFacts } from '../shared/satker-directory';
import { deadlineFactsAsOf } from './report-deadline-view';

const facts: SatkerFacts = {
  code: 'kpu-kab-jember', timeZone: 'Asia/Jakarta', reportDeadlineDay: 15, subbagianCodes: ['KUL'],
  deadlineDays: [
    { changedOn: { year: 2023, month: 1, day: 2 }, deadlineDay: 5 },
    { changedOn: { year: 2024, month: 4, day: 8 }, deadlineDay: 10 },
    { changedOn: { year: 2024, month: 4, day: 9 }, deadlineDay: 15 },
  ],
  extensions: [
    { year: 2024, month: 3, until: { year: 2024, month: 4, day: 20 }, grantedAt: '2024-04-08T05:00:00.000Z' },
    { year: 2024, month: 3, until: { year: 2024, month: 4, day: 30 }, grantedAt: '2024-04-21T05:00:00.000Z' },
  ],
};

describe('the deadline facts of an office as they stood when a command was answered', () => {
  it('given dispensasi and deadline-day changes before and after, when read as of an instant, then only those granted or made by then count', () => {
    // When read as of 8 April 2024, 12:00 in Jakarta.
    const asOf = deadlineFactsAsOf(facts, '2024-04-08T05:00:00.000Z');
    // Then the dispensasi granted at that instant counts, the later one does not.
    expect(asOf.extensions).toEqual([facts.extensions![0]]);
    // And the changes of the deadline day made by that office day count (the first always), the next day's does not.
    expect(asOf.deadlineDays.map((d) => d.deadlineDay)).toEqual([5, 10]);
    expect(asOf).toMatchObject({ code: facts.code, timeZone: facts.timeZone, reportDeadlineDay: 15, subbagianCodes: ['KUL'] });
  });

  it('given an instant before every change, then the office keeps the first deadline day and no dispensasi', () => {
    const asOf = deadlineFactsAsOf(facts, '2022-12-31T17:00:00.000Z'); // 1 January 2023, 00:00 in Jakarta
    expect(asOf.deadlineDays).toEqual([facts.deadlineDays[0]]);
    expect(asOf.extensions).toEqual([]);
  });

  it('reads the office day in the office\'s time zone: 23:30 UTC of 8 April is already 9 April in Jakarta', () => {
    expect(deadlineFactsAsOf(facts, '2024-04-08T23:30:00.000Z').deadlineDays.map((d) => d.deadlineDay)).toEqual([5, 10, 15]);
  });
});
