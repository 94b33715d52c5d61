import { isWorkingDay } from './office-time';
import { planReminders } from './plan-reminders';
import { at, office, report } from './plan.test-builders';

const digest = (input: Parameters<typeof planReminders>[0]) => planReminders(input).filter((r) => r.kind === 'APPROVAL_DIGEST');

/**
 * Given the holidays the administrator recorded for 2025 (a Friday of libur nasional and the Monday
 * of cuti bersama after it), the Sekretaris gets no digest on them; Tuesday's lists what waited.
 */
describe('approval digest on national holidays and cuti bersama', () => {
  const holidays: ReadonlySet<string> = new Set(['2025-03-28', '2025-03-31']);
  const waiting = [
    report({ subbagian: 'KUL', month: 2, status: 'SUBMITTED', submittedAt: at('2025-03-27 10:00').toISOString() }),
    // Sent on the holiday itself: waits for the next working morning too.
    report({ subbagian: 'PDI', month: 2, status: 'SUBMITTED', submittedAt: at('2025-03-28 09:00').toISOString() }),
  ];

  it('is not sent on a national holiday that falls on a weekday', () => {
    expect(digest({ office: office(), now: at('2025-03-28 08:00'), reports: waiting, holidays })).toEqual([]);
  });

  it('is not sent on a day of cuti bersama either, nor by a run later that day', () => {
    expect(digest({ office: office(), now: at('2025-03-31 08:00'), reports: waiting, holidays })).toEqual([]);
    expect(digest({ office: office(), now: at('2025-03-31 16:00'), reports: waiting, holidays })).toEqual([]);
  });

  it('goes out on the next working morning, listing every report that waited over the holidays', () => {
    const due = digest({ office: office(), now: at('2025-04-01 08:00'), reports: waiting, holidays });
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ key: 'approval-digest:kpu-jember:2025-04-01', localDate: '2025-04-01' });
    expect(due[0].reports.map((r) => r.subbagian)).toEqual(['KUL', 'PDI']);
  });

  it('is sent as before on a weekday when no holiday is recorded for it', () => {
    expect(digest({ office: office(), now: at('2025-03-28 08:00'), reports: waiting, holidays: new Set() })).toHaveLength(1);
    expect(digest({ office: office(), now: at('2025-03-28 08:00'), reports: waiting })).toHaveLength(1);
  });

  it("reads the holiday by the office's own calendar: 08:00 WIT on 1 April is still 31 March in UTC", () => {
    const jayapura = office({ satker: 'kpu-jayapura', timeZone: 'Asia/Jayapura' });
    expect(at('2025-04-01 08:00', 'Asia/Jayapura').toISOString()).toBe('2025-03-31T23:00:00.000Z');
    expect(digest({ office: jayapura, now: at('2025-04-01 08:00', 'Asia/Jayapura'), reports: waiting, holidays })).toHaveLength(1);
    expect(digest({ office: jayapura, now: at('2025-03-31 08:00', 'Asia/Jayapura'), reports: waiting, holidays })).toEqual([]);
  });

  it('does not move the deadline: the D−2 reminder and the escalation go out on holidays as on any day', () => {
    const owed = [report({ subbagian: 'KUL', month: 3, status: 'DRAFT' })];
    const daysOff = new Set(['2025-04-03', '2025-04-06']);
    const keys = (now: string) => planReminders({ office: office(), now: at(now), reports: owed, holidays: daysOff }).map((r) => r.key);
    expect(keys('2025-04-03 08:00')).toContain('before-deadline:kpu-jember:2025-03:KUL:2025-04-03');
    expect(keys('2025-04-06 08:00')).toContain('overdue:kpu-jember:2025-03');
  });

  it('counts a weekend day as a day off whatever the list says', () => {
    expect(isWorkingDay({ year: 2025, month: 3, day: 29 }, new Set())).toBe(false);
    expect(isWorkingDay({ year: 2025, month: 3, day: 27 }, holidays)).toBe(true);
    expect(isWorkingDay({ year: 2025, month: 3, day: 28 }, holidays)).toBe(false);
  });
});
