import { planReminders } from './plan-reminders';
import { at, office, report } from './plan.test-builders';

const escalations = (input: Parameters<typeof planReminders>[0]) =>
  planReminders(input).filter((r) => r.kind === 'OVERDUE_ESCALATION');

describe('escalation of overdue reports to the Sekretaris', () => {
  const reports = [
    report({ subbagian: 'PDI', status: 'DRAFT' }),
    report({ subbagian: 'KUL', status: 'NOT_STARTED' }),
    report({ subbagian: 'TPH', status: 'SUBMITTED', submittedAt: '2025-02-05T10:00:00.000Z' }),
    report({ subbagian: 'HSDM', status: 'RETURNED', returnedAt: '2025-02-05T11:00:00.000Z' }),
    report({ subbagian: 'UMUM', status: 'RETURNED', returnedAt: '2025-02-06T02:00:00.000Z' }),
  ];

  it('is due the day after the deadline at 08:00, one per office and month, listing the reports not submitted', () => {
    const due = escalations({ office: office(), now: at('2025-02-06 08:00'), reports });
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      key: 'overdue:kpu-jember:2025-01',
      audience: { role: 'SEKRETARIS' },
      localDate: '2025-02-06',
      deadline: { year: 2025, month: 2, day: 5 },
    });
    // HSDM was returned on the deadline day (18:00 WIB) and not sent again: late. UMUM was returned
    // the morning after (09:00 WIB): it had been sent in time.
    expect(due[0].reports.map((r) => r.subbagian)).toEqual(['HSDM', 'KUL', 'PDI']);
  });

  it('is not due on the deadline day itself', () => {
    expect(escalations({ office: office(), now: at('2025-02-06 07:59'), reports })).toEqual([]);
  });

  it('is still due later in the month after (a missed run is caught up, same key)', () => {
    const due = escalations({ office: office(), now: at('2025-03-20 10:00'), reports });
    expect(due.map((r) => r.key)).toEqual(['overdue:kpu-jember:2025-01']);
    expect(due[0].localDate).toBe('2025-02-06');
  });

  it('is no longer due two months on', () => {
    expect(escalations({ office: office(), now: at('2025-04-01 08:00'), reports })).toEqual([]);
  });

  it('is not due when every report has been submitted', () => {
    const done = [report({ status: 'SUBMITTED', submittedAt: '2025-02-04T00:00:00.000Z' }), report({ subbagian: 'PDI', status: 'APPROVED' })];
    expect(escalations({ office: office(), now: at('2025-02-06 08:00'), reports: done })).toEqual([]);
  });

  it('follows the office deadline day', () => {
    const late = office({ deadlineDay: 10 });
    expect(escalations({ office: late, now: at('2025-02-06 08:00'), reports })).toEqual([]);
    expect(escalations({ office: late, now: at('2025-02-11 08:00'), reports })).toHaveLength(1);
  });
});
