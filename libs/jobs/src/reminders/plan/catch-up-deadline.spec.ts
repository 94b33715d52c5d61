import { leaveOutMonthsSent, planReminders } from './plan-reminders';
import { at, extension, office, report } from './plan.test-builders';
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

  /** KUL owes Jan–Nov, none started; PDI has sent everything but March (a draft) and November. */
  const twoSubbagian = () => [
    ...owed(11),
    ...Array.from({ length: 11 }, (_, i) =>
      report({ year: 2026, month: i + 1, subbagian: 'PDI', subbagianName: 'PDI', status: [3, 11].includes(i + 1) ? (i + 1 === 3 ? 'DRAFT' : 'NOT_STARTED') : 'APPROVED' })),
  ];
  const monthsOf = (r: { periods: Array<{ month: number }> }) => r.periods.map((p) => p.month);

  it('then on 1 December each Kasubbag gets one reminder listing every month it still owes, due 10 December, saying when the PK was approved', () => {
    const due = of('BEFORE_DEADLINE', { office: day10, now: at('2026-12-01 08:00'), reports: twoSubbagian(), pkOpened });
    expect(due.map((r) => r.key)).toEqual([
      'before-deadline:kpu-jember:2026-01..2026-11:KUL:2026-12-01',
      'before-deadline:kpu-jember:2026-01..2026-11:PDI:2026-12-01',
    ]);
    expect(monthsOf(due[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(due[0]).toMatchObject({ period: { year: 2026, month: 11 }, deadline: { year: 2026, month: 12, day: 10 }, pkApprovedOn: { year: 2026, month: 11, day: 20 } });
    expect(due[0].reports.map((r) => r.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // Only the months PDI has not sent, under the same key whatever they are.
    expect(monthsOf(due[1])).toEqual([3, 11]);
    expect(due[1].reports.map((r) => `${r.month}:${r.status}`)).toEqual(['3:DRAFT', '11:NOT_STARTED']);
  });

  it('then again on 8 December (D−2), one per Kasubbag, under that day\'s key', () => {
    const due = of('BEFORE_DEADLINE', { office: day10, now: at('2026-12-08 08:00'), reports: twoSubbagian(), pkOpened });
    expect(due.map((r) => r.key)).toEqual([
      'before-deadline:kpu-jember:2026-01..2026-11:KUL:2026-12-08',
      'before-deadline:kpu-jember:2026-01..2026-11:PDI:2026-12-08',
    ]);
  });

  it('then a group whose catch-up months have all been sent keeps its key (a submission never makes a second reminder of the same occasion)', () => {
    const onlyNovember = twoSubbagian().filter((r) => r.subbagian === 'PDI').map((r) => (r.month === 3 ? { ...r, status: 'APPROVED' as const } : r));
    const [due] = of('BEFORE_DEADLINE', { office: day10, now: at('2026-12-01 09:00'), reports: onlyNovember, pkOpened });
    expect(due.key).toBe('before-deadline:kpu-jember:2026-01..2026-11:PDI:2026-12-01');
    expect(monthsOf(due)).toEqual([11]);
    expect(due.pkApprovedOn).toBeUndefined();
  });

  it('then nothing is escalated on the deadline day, 10 December', () => {
    expect(of('OVERDUE_ESCALATION', { office: day10, now: at('2026-12-10 23:00'), reports: owed(11), pkOpened })).toEqual([]);
  });

  it('then on 11 December the office gets one escalation listing every overdue report of January–November, month by month', () => {
    const due = of('OVERDUE_ESCALATION', { office: day10, now: at('2026-12-11 08:00'), reports: twoSubbagian(), pkOpened });
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      key: 'overdue:kpu-jember:2026-01..2026-11', audience: { role: 'SEKRETARIS' }, localDate: '2026-12-11',
      period: { year: 2026, month: 11 }, deadline: { year: 2026, month: 12, day: 10 }, pkApprovedOn: { year: 2026, month: 11, day: 20 },
    });
    expect(monthsOf(due[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(due[0].reports.map((r) => `${r.month}:${r.subbagian}`)).toEqual([
      '1:KUL', '2:KUL', '3:KUL', '3:PDI', '4:KUL', '5:KUL', '6:KUL', '7:KUL', '8:KUL', '9:KUL', '10:KUL', '11:KUL', '11:PDI',
    ]);
  });

  it('then a missed run catches the one escalation up until the end of January, not later', () => {
    expect(of('OVERDUE_ESCALATION', { office: day10, now: at('2027-01-31 10:00'), reports: owed(11), pkOpened }).map((r) => r.key)).toEqual(['overdue:kpu-jember:2026-01..2026-11']);
    expect(of('OVERDUE_ESCALATION', { office: day10, now: at('2027-02-01 10:00'), reports: owed(11), pkOpened })).toEqual([]);
  });

  it('given a dispensasi for March until 18 December granted on 12 December, then the escalation of 11 December keeps its key, and March is escalated alone on 19 December', () => {
    const march = office({ deadlineDay: 10, extensions: [extension(2026, 3, '2026-12-18', { grantedAt: at('2026-12-12 09:00').toISOString() })] });
    const january = office({ deadlineDay: 10, extensions: [extension(2026, 1, '2026-12-18', { grantedAt: at('2026-12-12 09:00').toISOString() })] });
    for (const withDispensasi of [march, january]) {
      const [group, ...none] = of('OVERDUE_ESCALATION', { office: withDispensasi, now: at('2026-12-12 10:00'), reports: owed(11), pkOpened });
      expect(none).toEqual([]);
      expect(group.key).toBe('overdue:kpu-jember:2026-01..2026-11');
      expect(group.reports).toHaveLength(10);
    }
    const due = of('OVERDUE_ESCALATION', { office: march, now: at('2026-12-19 08:00'), reports: owed(11), pkOpened });
    expect(due.map((r) => r.key)).toEqual(['overdue:kpu-jember:2026-01..2026-11', 'overdue:kpu-jember:2026-03:2026-12-18']);
    expect(due[1]).toMatchObject({ periods: [{ year: 2026, month: 3 }], localDate: '2026-12-19', dispensasi: true });
  });

  it('given the PK of 2026 approved on 15 January 2027, then the whole of 2026 is escalated in one on 11 February 2027, not before', () => {
    const lateInYear = new Map([[2026, { year: 2027, month: 1, day: 15 }]]);
    expect(of('OVERDUE_ESCALATION', { office: day10, now: at('2027-01-16 08:00'), reports: owed(12), pkOpened: lateInYear })).toEqual([]);
    const due = of('OVERDUE_ESCALATION', { office: day10, now: at('2027-02-11 08:00'), reports: owed(12), pkOpened: lateInYear });
    expect(due.map((r) => r.key)).toEqual(['overdue:kpu-jember:2026-01..2027-01']);
    expect(due[0].reports).toHaveLength(12);
    expect(due[0].deadline).toEqual({ year: 2027, month: 2, day: 10 });
  });

  describe('after an upgrade from the planner that reminded each month under its own key', () => {
    const escalation = () => of('OVERDUE_ESCALATION', { office: day10, now: at('2026-12-11 10:00'), reports: twoSubbagian(), pkOpened })[0];

    it('given every month escalated at 08:00 under its own key, then the escalation of the range is not sent', () => {
      const perMonth = new Set(Array.from({ length: 11 }, (_, i) => `overdue:kpu-jember:2026-${String(i + 1).padStart(2, '0')}`));
      expect(escalation().supersedes?.map((s) => s.key)).toEqual([...perMonth]);
      expect(leaveOutMonthsSent(escalation(), perMonth)).toBeNull();
    });

    it('given only September and October escalated under their own key, then the range is sent under its key without them', () => {
      const left = leaveOutMonthsSent(escalation(), new Set(['overdue:kpu-jember:2026-09', 'overdue:kpu-jember:2026-10']))!;
      expect(left.key).toBe('overdue:kpu-jember:2026-01..2026-11');
      expect(monthsOf(left)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 11]);
      expect(left.reports.map((r) => r.month)).not.toContain(9);
      expect(left.pkApprovedOn).toEqual({ year: 2026, month: 11, day: 20 });
    });

    it('given the catch-up months reminded on 1 December under their own keys, then PDI\'s reminder of that day names November alone, not as caught up', () => {
      const [, pdi] = of('BEFORE_DEADLINE', { office: day10, now: at('2026-12-01 10:00'), reports: twoSubbagian(), pkOpened });
      const left = leaveOutMonthsSent(pdi, new Set(['before-deadline:kpu-jember:2026-03:PDI:2026-12-01']))!;
      expect(monthsOf(left)).toEqual([11]);
      expect(left.period).toEqual({ year: 2026, month: 11 });
      expect(left.pkApprovedOn).toBeUndefined();
    });

    it('leaves a single month\'s reminder alone: its key is the one it always had', () => {
      const [single] = of('OVERDUE_ESCALATION', { office: day10, now: at('2026-02-11 08:00'), reports: owed(1) });
      expect(single.supersedes).toBeUndefined();
      expect(leaveOutMonthsSent(single, new Set(['overdue:kpu-jember:2026-01']))).toBe(single);
    });
  });

  it('given the PK approved on 1 February (the first day January can be sent), then January is escalated on 11 February as usual, with no catch-up', () => {
    const early = new Map([[2026, { year: 2026, month: 2, day: 1 }]]);
    const [due] = of('OVERDUE_ESCALATION', { office: day10, now: at('2026-02-11 08:00'), reports: owed(1), pkOpened: early });
    expect(due).toMatchObject({ key: 'overdue:kpu-jember:2026-01', periods: [{ year: 2026, month: 1 }], deadline: { year: 2026, month: 2, day: 10 } });
    expect(due.pkApprovedOn).toBeUndefined();
  });

  it('given the PK approved on 1 November, then January to October are escalated together on 11 November, keyed to October, whose own deadline it is', () => {
    const onTheFirst = new Map([[2026, { year: 2026, month: 11, day: 1 }]]);
    const due = of('OVERDUE_ESCALATION', { office: day10, now: at('2026-11-11 08:00'), reports: owed(10), pkOpened: onTheFirst });
    expect(due.map((r) => r.key)).toEqual(['overdue:kpu-jember:2026-01..2026-10']);
    expect(due[0]).toMatchObject({ deadline: { year: 2026, month: 11, day: 10 }, pkApprovedOn: { year: 2026, month: 11, day: 1 } });
    expect(due[0].periods).toHaveLength(10);
  });
  it('given the PKs of 2025 and 2026 both first approved on 8 December 2026, then one catch-up deadline (5 January 2027) lists both years, keyed 2025-01..2026-12', () => {
    const both = new Map([[2025, { year: 2026, month: 12, day: 8 }], [2026, { year: 2026, month: 12, day: 8 }]]);
    const reports = [...owed(12, 2025), ...owed(11, 2026)];
    const before = of('BEFORE_DEADLINE', { office: office(), now: at('2027-01-01 08:00'), reports: [...reports, report({ year: 2026, month: 12 })], pkOpened: both });
    expect(before.map((r) => r.key)).toEqual(['before-deadline:kpu-jember:2025-01..2026-12:KUL:2027-01-01']);
    expect(before[0].periods).toHaveLength(24);
    const overdue = of('OVERDUE_ESCALATION', { office: office(), now: at('2027-01-06 08:00'), reports: [...reports, report({ year: 2026, month: 12 })], pkOpened: both });
    expect(overdue.map((r) => r.key)).toEqual(['overdue:kpu-jember:2025-01..2026-12']);
  });
});
