import { renderReminder } from '../messages/render-reminder';
import { planReminders } from './plan-reminders';
import { at, extension, office, report } from './plan.test-builders';

/** January 2025 (due 5 February) given a dispensasi on 7 February until 20 February. */
const jember = office({ extensions: [extension(2025, 1, '2025-02-20', { grantedAt: at('2025-02-07 10:00').toISOString() })] });
const reports = [report({ subbagian: 'KUL' }), report({ subbagian: 'PDI', status: 'DRAFT' })];
const of = (kind: string, now: Date) => planReminders({ office: jember, now, reports }).filter((r) => r.kind === kind);

describe('reminders of a month given a dispensasi (a later deadline granted after its own had passed)', () => {
  it('reminds the Kasubbag on D−2 of the new deadline (18 February), saying it is the deadline after the dispensasi', () => {
    const due = of('BEFORE_DEADLINE', at('2025-02-18 08:00'));
    expect(due.map((r) => r.key)).toEqual(['before-deadline:kpu-jember:2025-01:KUL:2025-02-18', 'before-deadline:kpu-jember:2025-01:PDI:2025-02-18']);
    expect(renderReminder(due[0], jember).body).toContain('Batas waktu pengiriman: Kamis, 20 Februari 2025 (batas waktu setelah dispensasi).');
  });

  it('escalates nothing through the new deadline day, then once on 21 February, under a key of its own (the month was escalated on 6 February)', () => {
    expect(of('OVERDUE_ESCALATION', at('2025-02-20 23:00'))).toEqual([]);
    const [due] = of('OVERDUE_ESCALATION', at('2025-02-21 08:00'));
    expect(due).toMatchObject({ key: 'overdue:kpu-jember:2025-01:2025-02-20', localDate: '2025-02-21', deadline: { year: 2025, month: 2, day: 20 }, dispensasi: true });
    expect(renderReminder(due, jember).body).toContain('telah lewat (Kamis, 20 Februari 2025; batas waktu setelah dispensasi)');
  });

  it('leaves every other month on its own deadline and key', () => {
    const february = [report({ month: 2 })];
    const [due] = planReminders({ office: jember, now: at('2025-03-06 08:00'), reports: february }).filter((r) => r.kind === 'OVERDUE_ESCALATION');
    expect(due.key).toBe('overdue:kpu-jember:2025-02');
    expect(due.dispensasi).toBeUndefined();
  });
});

/**
 * The PK of 2025 first approved on 7 December 2026 (day 5): every month due 5 January 2027, reminded
 * on 1 and 3 January under the range `2025-01..2026-12`. On 7 January at 10:00 the ADMIN grants March
 * and April a dispensasi until 15 January.
 */
describe('reminders of catch-up months given a dispensasi after their deadline', () => {
  const granted = at('2027-01-07 10:00').toISOString();
  const late = office({
    extensions: [
      extension(2025, 3, '2027-01-15', { grantedAt: granted, grantedByRole: 'ADMIN', previousDeadline: { year: 2027, month: 1, day: 5 } }),
      extension(2025, 4, '2027-01-15', { grantedAt: granted, grantedByRole: 'ADMIN', previousDeadline: { year: 2027, month: 1, day: 5 } }),
    ],
  });
  const pkOpened = new Map([[2025, { year: 2026, month: 12, day: 7 }]]);
  const owed = [2, 3, 4].map((month) => report({ month }));
  const planned = (now: Date) => planReminders({ office: late, now, reports: owed, pkOpened }).filter((r) => r.kind === 'BEFORE_DEADLINE').map((r) => r.key);

  it('given the grant on 7 January, when the next run plans, then no reminder for the occasion of 1 January is planned for March or April (the announcement replaces it)', () => {
    expect(planned(at('2027-01-07 11:00'))).toEqual([]);
  });

  it('given the grant, when D−2 of the new deadline (13 January) comes, then each month is reminded under its own key for that day', () => {
    expect(planned(at('2027-01-13 08:00'))).toEqual([
      'before-deadline:kpu-jember:2025-03:KUL:2027-01-13',
      'before-deadline:kpu-jember:2025-04:KUL:2027-01-13',
    ]);
  });
});
