import { planReminders } from './plan-reminders';
import { at, office, report } from './plan.test-builders';

const digest = (input: Parameters<typeof planReminders>[0]) =>
  planReminders(input).filter((r) => r.kind === 'APPROVAL_DIGEST');

describe('working-morning digest of reports waiting for approval', () => {
  const waiting = [
    report({ subbagian: 'PDI', month: 2, status: 'SUBMITTED', submittedAt: at('2025-03-04 09:00').toISOString() }),
    report({ subbagian: 'KUL', month: 2, status: 'SUBMITTED', submittedAt: at('2025-03-03 16:00').toISOString() }),
    report({ subbagian: 'TPH', month: 1, status: 'SUBMITTED', submittedAt: at('2025-03-04 11:00').toISOString() }),
    report({ subbagian: 'HSDM', month: 2, status: 'APPROVED' }),
  ];

  it('lists the waiting reports oldest first, on a Monday to Friday at 08:00', () => {
    const due = digest({ office: office(), now: at('2025-03-05 08:00'), reports: waiting }); // Wednesday
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ key: 'approval-digest:kpu-jember:2025-03-05', audience: { role: 'SEKRETARIS' }, period: null });
    expect(due[0].reports.map((r) => r.subbagian)).toEqual(['KUL', 'PDI', 'TPH']);
  });

  it('is not sent on Saturday or Sunday', () => {
    expect(digest({ office: office(), now: at('2025-03-08 08:00'), reports: waiting })).toEqual([]);
    expect(digest({ office: office(), now: at('2025-03-09 08:00'), reports: waiting })).toEqual([]);
  });

  it('leaves out what was submitted after 08:00, so a late run sends what the 08:00 run would have', () => {
    const due = digest({ office: office(), now: at('2025-03-04 14:00'), reports: waiting });
    expect(due[0].reports.map((r) => r.subbagian)).toEqual(['KUL']);
  });

  it('is not sent when nothing waits', () => {
    expect(digest({ office: office(), now: at('2025-03-05 08:00'), reports: [waiting[3]] })).toEqual([]);
  });
});
