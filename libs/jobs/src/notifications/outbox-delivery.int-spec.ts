import { randomUUID } from 'node:crypto';
import { EventStore } from '@kinerja/event-store';
import { createRootLogger } from '@kinerja/platform';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { InProcessSmtp, startInProcessSmtp } from '../mail/in-process-smtp.testing';
import { SmtpMailer } from '../mail/mailer';
import type { PlannedReminder } from '../reminders/plan/reminder-plan.types';
import { OutboxDispatcher, RETRY_FOR_MS } from './outbox-dispatcher';
import { ReminderRecorder, reminderMessageId } from './reminder-recorder';

const logger = createRootLogger({ level: 'silent', format: 'json' });
const SATKER = 'kpu-jember';

function digest(key: string, dueAt: Date): PlannedReminder {
  return {
    key, kind: 'APPROVAL_DIGEST', satker: SATKER, audience: { role: 'SEKRETARIS' }, dueAt: dueAt.toISOString(),
    localDate: '2025-03-05', period: null, periods: [], deadline: null, reports: [],
  };
}
const message = { subject: 'Ringkasan: 1 laporan realisasi menunggu persetujuan — KPU Kabupaten Jember', body: 'Yth. Sekretaris,' };

/**
 * What the outbox does with an e-mail whose recipient or server says no: a recipient deactivated
 * before the send is replaced by their stand-in (or by nobody, with the reason), a 5xx is final and
 * visible, a 4xx is retried for a bounded time; every message says it was sent by a program.
 */
describe('e-mail delivery to people who can receive it', () => {
  let db: TestDatabase;
  let smtp: InProcessSmtp;
  let recorder: ReminderRecorder;
  let up: OutboxDispatcher;
  const t0 = new Date('2025-03-05T01:00:00.000Z');
  const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
  const person = (username: string, role: string, fullName: string) => ({ userId: randomUUID(), username, role, fullName, email: `${username}@kpu-jember.test` });
  const siti = person('siti', 'SEKRETARIS', 'Siti Aminah');
  const plh = person('plh', 'SEKRETARIS', 'Plh Sekretaris');
  const ketua = person('ketua', 'KETUA', 'Ahmad Ketua');

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startInProcessSmtp();
    recorder = new ReminderRecorder(db.dataSource, new EventStore(db.dataSource));
    up = new OutboxDispatcher(db.dataSource, new SmtpMailer(smtp.url, 'Kinerja <no-reply@kinerja.test>'), logger);
    await db.dataSource.query(`INSERT INTO satker (code, name, time_zone, report_deadline_day, created_at, updated_at) VALUES ($1, 'KPU Kabupaten Jember', 'Asia/Jakarta', 5, $2, $2)`, [SATKER, t0]);
    for (const p of [siti, plh, ketua]) {
      await db.dataSource.query(
        `INSERT INTO users (satker_code, id, username, full_name, email, role, password_hash, password_changed_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'not-a-login', $7, $7, $7)`,
        [SATKER, p.userId, p.username, p.fullName, p.email, p.role, t0],
      );
    }
  });
  afterAll(async () => {
    await smtp?.close();
    await db?.drop();
  });

  const setActive = (p: { userId: string }, active: boolean) => db.dataSource.query(`UPDATE users SET active = $2 WHERE id = $1`, [p.userId, active]);
  const outbox = async (key: string) => db.dataSource.query(
    `SELECT recipient_id, to_address, body, attempts, sent_at, skipped, skip_reason, rerouted_from IS NOT NULL AS rerouted, failed_at, failure, last_error, next_attempt_at
       FROM notification_outbox WHERE reminder_key = $1 ORDER BY rerouted_from IS NOT NULL, to_address`, [key],
  );
  const mailsOf = (key: string) => smtp.received.filter((m) => [siti, plh, ketua].some((p) => m.messageId === reminderMessageId(key, p.userId)));

  it('given the Sekretaris deactivated while the server was down, when it is back, then the Ketua receives the notice instead, once', async () => {
    await setActive(plh, false);
    await recorder.record(digest('digest-deactivated', t0), message, [{ ...siti, email: siti.email }], t0);
    const down = new OutboxDispatcher(db.dataSource, new SmtpMailer('smtp://127.0.0.1:1', 'x@kinerja.test'), logger);
    expect(await down.dispatchDue(t0)).toEqual({ sent: 0, skipped: 0, failed: 1 });
    await setActive(siti, false);

    expect(await up.dispatchDue(minutes(5))).toEqual({ sent: 1, skipped: 1, failed: 0 });
    const [sitiRow, ketuaRow] = await outbox('digest-deactivated');
    expect(sitiRow).toMatchObject({
      recipient_id: siti.userId, sent_at: minutes(5), skipped: true,
      skip_reason: 'Dialihkan: akun Siti Aminah sudah dinonaktifkan; dikirim kepada Ahmad Ketua (Ketua) sebagai pengganti.',
    });
    expect(ketuaRow).toMatchObject({ recipient_id: ketua.userId, to_address: ketua.email, rerouted: true, sent_at: minutes(5), skipped: false });
    const mails = mailsOf('digest-deactivated');
    expect(mails.map((m) => m.to)).toEqual([[ketua.email]]);
    expect(mails[0].text).toBe(
      'Pemberitahuan ini semula ditujukan kepada Siti Aminah, tetapi akun Siti Aminah sudah dinonaktifkan; karena itu dikirimkan kepada Anda sebagai Ketua.\n\nYth. Sekretaris,',
    );
    // The inbox keeps what was recorded: the Sekretaris's entry, nobody else's.
    const inbox = await db.dataSource.query(`SELECT recipient_id FROM notifications WHERE reminder_key = 'digest-deactivated'`);
    expect(inbox).toEqual([{ recipient_id: siti.userId }]);
    expect(await up.dispatchDue(minutes(60))).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(mailsOf('digest-deactivated')).toHaveLength(1);
    await setActive(siti, true);
  });

  it('given two Sekretaris recorded and one deactivated before the send, then the other alone receives it and nobody twice', async () => {
    await setActive(plh, true);
    await recorder.record(digest('digest-two', minutes(100)), message, [siti, plh], minutes(100));
    await setActive(siti, false);
    expect(await up.dispatchDue(minutes(101))).toEqual({ sent: 1, skipped: 1, failed: 0 });
    const rows = await outbox('digest-two');
    expect(rows.find((r: { recipient_id: string }) => r.recipient_id === siti.userId)).toMatchObject({
      skipped: true, skip_reason: 'Tidak dikirim: akun Siti Aminah sudah dinonaktifkan; pemberitahuan ini sudah diterima Plh Sekretaris (Sekretaris).',
    });
    expect(mailsOf('digest-two').map((m) => m.to)).toEqual([[plh.email]]);
    await setActive(siti, true);
  });

  it('given a notice a day old when its recipient is found deactivated, then nobody receives it and the reason says why', async () => {
    await recorder.record(digest('digest-old', minutes(200)), message, [siti], minutes(200));
    await setActive(siti, false);
    expect(await up.dispatchDue(minutes(200 + 25 * 60))).toEqual({ sent: 0, skipped: 1, failed: 0 });
    expect((await outbox('digest-old'))[0].skip_reason).toBe(
      'Tidak dikirim: akun Siti Aminah sudah dinonaktifkan, dan pemberitahuan ini sudah lebih dari 24 jam sehingga tidak dialihkan kepada pengganti.',
    );
    expect(mailsOf('digest-old')).toEqual([]);
    await setActive(siti, true);
  });

  it('given the recipient’s address changed since the e-mail was written, then it goes to the address as it is now', async () => {
    const at = minutes(1000);
    await recorder.record(digest('digest-moved', at), message, [siti], at);
    await db.dataSource.query(`UPDATE users SET email = 'siti.baru@kpu-jember.test' WHERE id = $1`, [siti.userId]);
    expect(await up.dispatchDue(at)).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(mailsOf('digest-moved').map((m) => m.to)).toEqual([['siti.baru@kpu-jember.test']]);
    expect((await outbox('digest-moved'))[0]).toMatchObject({ to_address: 'siti.baru@kpu-jember.test', skipped: false });
    await db.dataSource.query(`UPDATE users SET email = $2 WHERE id = $1`, [siti.userId, siti.email]);
  });

  it('given a server answering 550 5.1.1 for the address, then the e-mail is failed for good with its reply and never retried', async () => {
    smtp.refuse.set(siti.email, { code: 550, text: '5.1.1 <siti@kpu-jember.test>: Recipient address rejected: User unknown' });
    const at = minutes(3000);
    await recorder.record(digest('digest-550', at), message, [siti], at);
    expect(await up.dispatchDue(at)).toEqual({ sent: 0, skipped: 0, failed: 1 });
    expect((await outbox('digest-550'))[0]).toMatchObject({
      attempts: 1, sent_at: null, failed_at: at, failure: 'REJECTED',
      last_error: expect.stringMatching(/^550 5\.1\.1 <siti@kpu-jember\.test>: Recipient address rejected: User unknown/),
    });
    smtp.refuse.delete(siti.email);
    expect(await up.dispatchDue(new Date(at.getTime() + 86_400_000))).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(mailsOf('digest-550')).toEqual([]);
  });

  it('given a server answering 451 (try later), then the e-mail is retried, and given up once the retry period is over', async () => {
    smtp.refuse.set(siti.email, { code: 451, text: '4.3.0 Mailbox temporarily unavailable' });
    const at = minutes(6000);
    await recorder.record(digest('digest-451', at), message, [siti], at);
    expect(await up.dispatchDue(at)).toEqual({ sent: 0, skipped: 0, failed: 1 });
    expect((await outbox('digest-451'))[0]).toMatchObject({ attempts: 1, failed_at: null, next_attempt_at: new Date(at.getTime() + 60_000) });
    expect(await up.dispatchDue(new Date(at.getTime() + 60_000))).toEqual({ sent: 0, skipped: 0, failed: 1 });
    expect((await outbox('digest-451'))[0]).toMatchObject({ attempts: 2, failed_at: null, last_error: expect.stringMatching(/^451 4\.3\.0/) });
    const end = new Date(at.getTime() + RETRY_FOR_MS);
    expect(await up.dispatchDue(end)).toEqual({ sent: 0, skipped: 0, failed: 1 });
    expect((await outbox('digest-451'))[0]).toMatchObject({ attempts: 3, failed_at: end, failure: 'EXPIRED' });
    smtp.refuse.delete(siti.email);
    expect(await up.dispatchDue(new Date(end.getTime() + 86_400_000))).toEqual({ sent: 0, skipped: 0, failed: 0 });
  });

  it('given a 451 that clears, then the next attempt delivers it', async () => {
    smtp.refuse.set(siti.email, { code: 451, text: '4.3.0 Mailbox temporarily unavailable' });
    const at = minutes(9000);
    await recorder.record(digest('digest-451-ok', at), message, [siti], at);
    expect(await up.dispatchDue(at)).toEqual({ sent: 0, skipped: 0, failed: 1 });
    smtp.refuse.delete(siti.email);
    expect(await up.dispatchDue(new Date(at.getTime() + 60_000))).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(mailsOf('digest-451-ok').map((m) => m.to)).toEqual([[siti.email]]);
  });

  it('marks every e-mail sent as sent by a program (Auto-Submitted, RFC 3834)', () => {
    expect(smtp.received.length).toBeGreaterThan(0);
    expect(smtp.received.map((m) => m.autoSubmitted)).toEqual(smtp.received.map(() => 'auto-generated'));
  });
});
