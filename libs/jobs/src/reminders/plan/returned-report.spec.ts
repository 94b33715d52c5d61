import { planReminders } from './plan-reminders';
import { at, office, report } from './plan.test-builders';

const returned = (input: Parameters<typeof planReminders>[0]) =>
  planReminders(input).filter((r) => r.kind === 'RETURNED_REPORT');

describe('daily reminder of a returned report', () => {
  const fact = report({ month: 3, status: 'RETURNED', returnedAt: at('2025-04-07 10:00').toISOString(), returnReason: 'Bukti dukung kurang' });

  it('is not sent on the morning before the return', () => {
    expect(returned({ office: office(), now: at('2025-04-07 15:00'), reports: [fact] })).toEqual([]);
  });

  it('reminds the Kasubbag each morning from the next day, one key per day, weekends included', () => {
    const keys = ['2025-04-08', '2025-04-12', '2025-04-13'].map(
      (day) => returned({ office: office(), now: at(`${day} 08:00`), reports: [fact] })[0]?.key,
    );
    expect(keys).toEqual([
      'returned:kpu-jember:2025-03:KUL:2025-04-08',
      'returned:kpu-jember:2025-03:KUL:2025-04-12',
      'returned:kpu-jember:2025-03:KUL:2025-04-13',
    ]);
  });

  it('is addressed to the Kasubbag of the report and carries the reason', () => {
    const [due] = returned({ office: office(), now: at('2025-04-08 09:00'), reports: [fact] });
    expect(due.audience).toEqual({ role: 'KASUBBAG', subbagian: 'KUL' });
    expect(due.reports[0].returnReason).toBe('Bukti dukung kurang');
  });

  it('stops once the report is submitted again', () => {
    const resubmitted = { ...fact, status: 'SUBMITTED' as const, submittedAt: at('2025-04-08 12:00').toISOString() };
    expect(returned({ office: office(), now: at('2025-04-09 08:00'), reports: [resubmitted] })).toEqual([]);
  });

  it('is not due before 08:00', () => {
    expect(returned({ office: office(), now: at('2025-04-08 07:00'), reports: [fact] })).toEqual([]);
  });
});
