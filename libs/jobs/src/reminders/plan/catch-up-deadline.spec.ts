import { planReminders } from './plan-reminders';
import { at, office, report } from './plan.test-builders';
import type { ReminderPlanInput } from './reminder-plan.types';

const of = (kind: string, input: ReminderPlanInput) => planReminders(input).filter((r) => r.kind === kind);
const day10 = office({ deadlineDay: 10 });
/** KUL owes every month of 2026 up to `last`, none of them started. */
const owed = (last: number, year = 2026) => Array.from({ length: last }, (_, i) => report({ year, month: i + 1 }));
const months = (keys: string[]) => keys.map((k) => k.split(':')[2]);

describe('reminders of months due by a catch-up deadline (the PK of their year first approved after their own deadline)', () => {
  // PK 2026 first approved on 20 November 2026: January–October are due 10 December, as November.
  const pkOpened = new Map([[2026, { year: 2026, month: 11, day: 20 }]]);

  it('given the PK approved on 20 November, when the run of 21 November comes, then September and October are not escalated (their deadline is 10 December)', () => {
    expect(of('OVERDUE_ESCALATION', { office: day10, now: at('2026-11-21 08:00'), reports: owed(10), pkOpened })).toEqual([]);
    // Without the approval date every month keeps its own deadline: October was due 10 November.
    expect(months(of('OVERDUE_ESCALATION', { office: day10, now: at('2026-11-21 08:00'), reports: owed(10) }).map((r) => r.key))).toEqual(['2026-09', '2026-10']);
  });

  it('then on 1 December each Kasubbag is reminded of every month still owed, due 10 December, the catch-up ones saying when the PK was approved', () => {
    const due = of('BEFORE_DEADLINE', { office: day10, now: at('2026-12-01 08:00'), reports: owed(11), pkOpened });
    expect(due).toHaveLength(11);
    expect(due.every((r) => r.deadline?.day === 10 && r.deadline.month === 12)).toBe(true);
    expect(due[0]).toMatchObject({ key: 'before-deadline:kpu-jember:2026-01:KUL:2026-12-01', pkApprovedOn: { year: 2026, month: 11, day: 20 } });
    expect(due[10].key).toBe('before-deadline:kpu-jember:2026-11:KUL:2026-12-01');
    expect(due[10].pkApprovedOn).toBeUndefined();
  });

  it('then nothing is escalated on the deadline day, 10 December', () => {
    expect(of('OVERDUE_ESCALATION', { office: day10, now: at('2026-12-10 23:00'), reports: owed(11), pkOpened })).toEqual([]);
  });

  it('then on 11 December each month still owed is escalated once, by its own key, old as it is', () => {
    const due = of('OVERDUE_ESCALATION', { office: day10, now: at('2026-12-11 08:00'), reports: owed(11), pkOpened });
    expect(months(due.map((r) => r.key))).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(due[0]).toMatchObject({ localDate: '2026-12-11', deadline: { year: 2026, month: 12, day: 10 }, pkApprovedOn: { year: 2026, month: 11, day: 20 } });
  });

  it('then a missed run catches the escalations up until the end of January, not later', () => {
    expect(of('OVERDUE_ESCALATION', { office: day10, now: at('2027-01-31 10:00'), reports: owed(11), pkOpened })).toHaveLength(11);
    expect(of('OVERDUE_ESCALATION', { office: day10, now: at('2027-02-01 10:00'), reports: owed(11), pkOpened })).toEqual([]);
  });

  it('given the PK of 2026 approved on 15 January 2027, then the whole of 2026 is escalated on 11 February 2027, not before', () => {
    const lateInYear = new Map([[2026, { year: 2027, month: 1, day: 15 }]]);
    expect(of('OVERDUE_ESCALATION', { office: day10, now: at('2027-01-16 08:00'), reports: owed(12), pkOpened: lateInYear })).toEqual([]);
    const due = of('OVERDUE_ESCALATION', { office: day10, now: at('2027-02-11 08:00'), reports: owed(12), pkOpened: lateInYear });
    expect(due).toHaveLength(12);
    expect(due.every((r) => r.deadline?.year === 2027 && r.deadline.month === 2 && r.deadline.day === 10)).toBe(true);
  });

  it('given the PK approved on 2 February (before January\'s deadline), then January is escalated on 11 February as usual, with no catch-up', () => {
    const early = new Map([[2026, { year: 2026, month: 2, day: 2 }]]);
    const [due] = of('OVERDUE_ESCALATION', { office: day10, now: at('2026-02-11 08:00'), reports: owed(1), pkOpened: early });
    expect(due).toMatchObject({ key: 'overdue:kpu-jember:2026-01', deadline: { year: 2026, month: 2, day: 10 } });
    expect(due.pkApprovedOn).toBeUndefined();
  });
});
