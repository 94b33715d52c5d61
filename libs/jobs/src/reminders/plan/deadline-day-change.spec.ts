import { planReminders } from './plan-reminders';
import { at, office, report } from './plan.test-builders';

const kinds = (input: Parameters<typeof planReminders>[0], kind: string) => planReminders(input).filter((r) => r.kind === kind);

/**
 * The admin raised the deadline day 5 → 15 on 3 February 2025 (Jakarta): January's report, due
 * 5 February and still open, is now due 15 February; December 2024's deadline (5 January) had
 * passed and stays where it was.
 */
describe('reminders after the office deadline day was changed', () => {
  const extended = office({
    deadlineDay: 15,
    deadlineDays: [
      { changedOn: { year: 2024, month: 1, day: 2 }, deadlineDay: 5 },
      { changedOn: { year: 2025, month: 2, day: 3 }, deadlineDay: 15 },
    ],
  });
  const reports = [
    report({ year: 2024, month: 12, subbagian: 'KUL', status: 'NOT_STARTED' }),
    report({ year: 2025, month: 1, subbagian: 'KUL', status: 'NOT_STARTED' }),
  ];

  it('given the extension, when it is 6 February, then the open month (January) is not escalated: its deadline moved to 15 February', () => {
    const due = kinds({ office: extended, now: at('2025-02-06 08:00'), reports }, 'OVERDUE_ESCALATION');
    expect(due.map((r) => r.key)).toEqual(['overdue:kpu-jember:2024-12']);
  });

  it('given the extension, then December 2024, whose deadline had passed, keeps its escalation on 6 January', () => {
    const [december] = kinds({ office: extended, now: at('2025-02-06 08:00'), reports }, 'OVERDUE_ESCALATION');
    expect(december).toMatchObject({ key: 'overdue:kpu-jember:2024-12', localDate: '2025-01-06', deadline: { year: 2025, month: 1, day: 5 } });
  });

  it('given the extension, when it is 16 February 08:00, then January is escalated under the same key format, with its new deadline', () => {
    expect(kinds({ office: extended, now: at('2025-02-16 07:59'), reports }, 'OVERDUE_ESCALATION').map((r) => r.key))
      .toEqual(['overdue:kpu-jember:2024-12']);
    const due = kinds({ office: extended, now: at('2025-02-16 08:00'), reports }, 'OVERDUE_ESCALATION');
    expect(due.map((r) => r.key)).toEqual(['overdue:kpu-jember:2024-12', 'overdue:kpu-jember:2025-01']);
    expect(due[1]).toMatchObject({ localDate: '2025-02-16', deadline: { year: 2025, month: 2, day: 15 } });
  });

  it('given the extension, then the Kasubbag of the open month is reminded on day 13 (D−2 of the new day), not on day 3', () => {
    expect(kinds({ office: extended, now: at('2025-02-03 09:00'), reports }, 'BEFORE_DEADLINE').map((r) => r.key))
      .toEqual(['before-deadline:kpu-jember:2025-01:KUL:2025-02-01']);
    const due = kinds({ office: extended, now: at('2025-02-13 08:00'), reports }, 'BEFORE_DEADLINE');
    expect(due.map((r) => r.key)).toEqual(['before-deadline:kpu-jember:2025-01:KUL:2025-02-13']);
    expect(due[0].deadline).toEqual({ year: 2025, month: 2, day: 15 });
  });

  it('given a shortening 10 → 5 on 7 February, then January keeps 10 February: escalated on the 11th, not at once', () => {
    const shortened = office({
      deadlineDay: 5,
      deadlineDays: [
        { changedOn: { year: 2024, month: 1, day: 2 }, deadlineDay: 10 },
        { changedOn: { year: 2025, month: 2, day: 7 }, deadlineDay: 5 },
      ],
    });
    const january = [report({ year: 2025, month: 1, status: 'DRAFT' })];
    expect(kinds({ office: shortened, now: at('2025-02-07 09:00'), reports: january }, 'OVERDUE_ESCALATION')).toEqual([]);
    expect(kinds({ office: shortened, now: at('2025-02-11 08:00'), reports: january }, 'OVERDUE_ESCALATION'))
      .toMatchObject([{ key: 'overdue:kpu-jember:2025-01', localDate: '2025-02-11', deadline: { year: 2025, month: 2, day: 10 } }]);
  });
});
