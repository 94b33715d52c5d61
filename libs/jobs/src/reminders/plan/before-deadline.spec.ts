import { planReminders } from './plan-reminders';
import { at, office, report } from './plan.test-builders';

const kinds = (input: Parameters<typeof planReminders>[0]) =>
  planReminders(input).filter((r) => r.kind === 'BEFORE_DEADLINE');

describe('reminder before the deadline', () => {
  it('reminds each Kasubbag who has not submitted on the 1st at 08:00, with the blank indicators', () => {
    const reports = [
      report({ subbagian: 'KUL', status: 'NOT_STARTED' }),
      report({ subbagian: 'PDI', status: 'DRAFT' }),
      report({ subbagian: 'TPH', status: 'SUBMITTED', submittedAt: '2025-01-31T02:00:00.000Z' }),
      report({ subbagian: 'HSDM', status: 'APPROVED' }),
    ];
    const due = kinds({ office: office(), now: at('2025-02-01 08:00'), reports });
    expect(due.map((r) => r.key)).toEqual([
      'before-deadline:kpu-jember:2025-01:KUL:2025-02-01',
      'before-deadline:kpu-jember:2025-01:PDI:2025-02-01',
    ]);
    expect(due[0]).toMatchObject({
      audience: { role: 'KASUBBAG', subbagian: 'KUL' },
      period: { year: 2025, month: 1 },
      deadline: { year: 2025, month: 2, day: 5 },
      dueAt: '2025-02-01T01:00:00.000Z',
      localDate: '2025-02-01',
    });
    expect(due[0].reports[0].blankIndicators).toEqual([{ code: 'K1.1', name: 'Laporan Keuangan' }]);
  });

  it('is not due before 08:00 local on the 1st', () => {
    expect(kinds({ office: office(), now: at('2025-02-01 07:59'), reports: [report()] })).toEqual([]);
  });

  it('reminds again on day D−2, under a new key', () => {
    const due = kinds({ office: office(), now: at('2025-02-03 08:00'), reports: [report()] });
    expect(due.map((r) => r.key)).toEqual(['before-deadline:kpu-jember:2025-01:KUL:2025-02-03']);
  });

  it('between two occasions the earlier one is still due (a missed run is caught up)', () => {
    const due = kinds({ office: office(), now: at('2025-02-02 15:00'), reports: [report()] });
    expect(due.map((r) => r.key)).toEqual(['before-deadline:kpu-jember:2025-01:KUL:2025-02-01']);
  });

  it('follows the office deadline day: D = 10 reminds on the 1st and the 8th', () => {
    const due = kinds({ office: office({ deadlineDay: 10 }), now: at('2025-02-09 09:00'), reports: [report()] });
    expect(due.map((r) => r.localDate)).toEqual(['2025-02-08']);
    expect(due[0].deadline).toEqual({ year: 2025, month: 2, day: 10 });
  });

  it('with D = 3 the 1st is the only occasion', () => {
    const due = kinds({ office: office({ deadlineDay: 3 }), now: at('2025-02-03 09:00'), reports: [report()] });
    expect(due.map((r) => r.localDate)).toEqual(['2025-02-01']);
  });

  it('stops once the deadline day is over', () => {
    expect(kinds({ office: office(), now: at('2025-02-05 23:59'), reports: [report()] })).toHaveLength(1);
    expect(kinds({ office: office(), now: at('2025-02-06 00:00'), reports: [report()] })).toEqual([]);
  });

  it('never chases a returned report or a correction of an approved one here', () => {
    const reports = [report({ status: 'RETURNED', returnedAt: '2025-02-01T03:00:00.000Z' }), report({ subbagian: 'PDI', status: 'REVISING' })];
    expect(kinds({ office: office(), now: at('2025-02-03 08:30'), reports })).toEqual([]);
  });

  it('the report of December is reminded in January of the next year', () => {
    const due = kinds({ office: office(), now: at('2026-01-01 08:00'), reports: [report({ year: 2025, month: 12 })] });
    expect(due.map((r) => r.key)).toEqual(['before-deadline:kpu-jember:2025-12:KUL:2026-01-01']);
  });
});
