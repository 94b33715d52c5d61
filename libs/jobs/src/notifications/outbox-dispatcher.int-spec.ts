import { EventStore } from '@kinerja/event-store';
import { createRootLogger } from '@kinerja/platform';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { InProcessSmtp, startInProcessSmtp } from '../mail/in-process-smtp.testing';
import { LogOnlyMailer, SmtpMailer } from '../mail/mailer';
import type { PlannedReminder } from '../reminders/plan/reminder-plan.types';
import { OutboxDispatcher } from './outbox-dispatcher';
import { ReminderRecorder, reminderMessageId } from './reminder-recorder';

const logger = createRootLogger({ level: 'silent', format: 'json' });

function reminder(key: string): PlannedReminder {
  return {
    key, kind: 'APPROVAL_DIGEST', satker: 'kpu-jember', audience: { role: 'SEKRETARIS' }, dueAt: '2025-03-05T01:00:00.000Z',
    localDate: '2025-03-05', period: null, periods: [], deadline: null, reports: [],
  };
}
const message = { subject: 'Ringkasan: 1 laporan realisasi menunggu persetujuan — KPU Kabupaten Jember', body: 'Yth. Sekretaris,' };
const sekretaris = { userId: '6f1c0d2e-3b0a-4a57-9a51-3d9c5c1e2f00', fullName: 'Sekretaris', email: 'sekretaris@jember.test' };

describe('the e-mail outbox', () => {
  let db: TestDatabase;
  let smtp: InProcessSmtp;
  let recorder: ReminderRecorder;
  const t0 = new Date('2025-03-05T01:00:00.000Z');
  const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startInProcessSmtp();
    // The dispatcher reads the recipient again at send time: the Sekretaris is a real, active account.
    await db.dataSource.query(`INSERT INTO satker (code, name, time_zone, report_deadline_day, created_at, updated_at) VALUES ('kpu-jember', 'KPU Kabupaten Jember', 'Asia/Jakarta', 5, $1, $1)`, [t0]);
    await db.dataSource.query(
      `INSERT INTO users (satker_code, id, username, full_name, email, role, password_hash, password_changed_at, created_at, updated_at)
       VALUES ('kpu-jember', $1, 'sekretaris', $2, $3, 'SEKRETARIS', 'not-a-login', $4, $4, $4)`,
      [sekretaris.userId, sekretaris.fullName, sekretaris.email, t0],
    );
    recorder = new ReminderRecorder(db.dataSource, new EventStore(db.dataSource));
  });
  afterAll(async () => {
    await smtp?.close();
    await db?.drop();
  });

  const row = async (key: string) =>
    (await db.dataSource.query(`SELECT attempts, sent_at, skipped, last_error, next_attempt_at FROM notification_outbox WHERE reminder_key = $1`, [key]))[0];

  it('records a reminder once, however often it is recorded', async () => {
    expect(await recorder.record(reminder('digest-a'), message, [sekretaris], t0)).toEqual({ key: 'digest-a', recipients: 1, emails: 1 });
    expect(await recorder.record(reminder('digest-a'), message, [sekretaris], t0)).toBeNull();
    const results = await Promise.all([1, 2, 3].map(() => recorder.record(reminder('digest-b'), message, [sekretaris], t0)));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(Number((await db.dataSource.query(`SELECT count(*) AS n FROM notification_outbox`))[0].n)).toBe(2);
  });

  it('keeps a message the server did not take, and retries it later under the same Message-ID', async () => {
    const down = new OutboxDispatcher(db.dataSource, new SmtpMailer('smtp://127.0.0.1:1', 'x@kinerja.test'), logger);
    expect(await down.dispatchDue(t0)).toEqual({ sent: 0, skipped: 0, failed: 2 });
    expect(await row('digest-a')).toMatchObject({ attempts: 1, sent_at: null, next_attempt_at: minutes(1) });
    const up = new OutboxDispatcher(db.dataSource, new SmtpMailer(smtp.url, 'x@kinerja.test'), logger);
    expect(await up.dispatchDue(minutes(0.5))).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(await up.dispatchDue(minutes(1))).toEqual({ sent: 2, skipped: 0, failed: 0 });
    expect(await row('digest-a')).toMatchObject({ attempts: 2, sent_at: minutes(1), skipped: false, last_error: null });
    expect(smtp.received.map((m) => m.messageId).sort()).toEqual(
      [reminderMessageId('digest-a', sekretaris.userId), reminderMessageId('digest-b', sekretaris.userId)].sort(),
    );
    expect(await up.dispatchDue(minutes(10))).toEqual({ sent: 0, skipped: 0, failed: 0 });
  });

  it('without SMTP configured, marks the e-mail skipped (the inbox still has it)', async () => {
    await recorder.record(reminder('digest-c'), message, [sekretaris], t0);
    const none = new OutboxDispatcher(db.dataSource, new LogOnlyMailer(logger), logger);
    expect(await none.dispatchDue(t0)).toEqual({ sent: 0, skipped: 1, failed: 0 });
    expect(await row('digest-c')).toMatchObject({ skipped: true, sent_at: t0 });
    const [{ n }] = await db.dataSource.query(`SELECT count(*) AS n FROM notifications WHERE reminder_key = 'digest-c'`);
    expect(Number(n)).toBe(1);
  });
});
