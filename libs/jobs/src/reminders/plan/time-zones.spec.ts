import { addDays, isWorkingDay, localDate, localInstant, OFFICE_TIME_ZONES } from './office-time';
import { planReminders } from './plan-reminders';
import { at, office, report } from './plan.test-builders';

describe('reminders follow each office time zone', () => {
  it.each([
    ['Asia/Jakarta', '2025-02-01T01:00:00.000Z'],
    ['Asia/Makassar', '2025-02-01T00:00:00.000Z'],
    ['Asia/Jayapura', '2025-01-31T23:00:00.000Z'],
  ] as const)('%s: the 1st at 08:00 local is %s', (zone, instant) => {
    const due = planReminders({ office: office({ timeZone: zone }), now: new Date(instant), reports: [report()] });
    expect(due.map((r) => [r.key, r.dueAt])).toEqual([['before-deadline:kpu-jember:2025-01:KUL:2025-02-01', instant]]);
  });

  it('one instant is 08:00 in Jayapura but still 06:00 in Jakarta', () => {
    const now = new Date('2025-01-31T23:00:00.000Z');
    const jayapura = planReminders({ office: office({ timeZone: 'Asia/Jayapura' }), now, reports: [report()] });
    const jakarta = planReminders({ office: office({ timeZone: 'Asia/Jakarta' }), now, reports: [report()] });
    expect(jayapura).toHaveLength(1);
    expect(jakarta).toEqual([]);
  });

  it.each(OFFICE_TIME_ZONES)('%s: the working-day digest is decided on the local date', (zone) => {
    // Friday 08:00 local: in Jayapura that is still Thursday in UTC.
    const now = at('2025-03-07 08:00', zone);
    expect(localDate(now, zone)).toEqual({ year: 2025, month: 3, day: 7 });
    const waiting = report({ status: 'SUBMITTED', submittedAt: at('2025-03-06 10:00', zone).toISOString() });
    expect(planReminders({ office: office({ timeZone: zone }), now, reports: [waiting] }).map((r) => r.localDate)).toEqual(['2025-03-07']);
  });

  it('a Monday 08:00 in Jayapura is Sunday 23:00 UTC: the digest is still sent', () => {
    const now = at('2025-03-10 08:00', 'Asia/Jayapura');
    expect(now.toISOString()).toBe('2025-03-09T23:00:00.000Z');
    const waiting = report({ status: 'SUBMITTED', submittedAt: '2025-03-07T02:00:00.000Z' });
    expect(planReminders({ office: office({ timeZone: 'Asia/Jayapura' }), now, reports: [waiting] })).toHaveLength(1);
  });

  it('calendar helpers roll over month and year ends', () => {
    expect(addDays({ year: 2024, month: 12, day: 31 }, 1)).toEqual({ year: 2025, month: 1, day: 1 });
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(localInstant({ year: 2025, month: 1, day: 32 }, 0, 'Asia/Makassar').toISOString()).toBe('2025-01-31T16:00:00.000Z');
    expect(isWorkingDay({ year: 2025, month: 3, day: 8 }, new Set())).toBe(false);
  });
});
