import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { EventStore } from '@kinerja/event-store';
import { AuditTrailState } from '@kinerja/projections/audit-trail/audit-trail.state';
import { describeEvent } from '@kinerja/projections/audit-trail/describe-event';
import pino from 'pino';
import { aStructure } from '../../../domain/testing/builders';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { InProcessSmtp, startInProcessSmtp } from '../mail/in-process-smtp.testing';
import { SmtpMailer } from '../mail/mailer';
import { notificationStreamId, reminderMessageId } from '../notifications/reminder-recorder';
import { localInstant } from './plan/office-time';
import type { ReminderRunner } from './reminder-runner';
import { reminderRunnerOn, seedOffice, type ScenarioOffice } from './reminders-year.scenario.testing';

/**
 * Reminders whose audience has nobody active: a subbagian whose Kasubbag left, an office without a
 * Sekretaris. Each still reaches someone who answers for it, once, and the record says who and why.
 */
const SATKER = 'kpu-bondowoso';
const office: ScenarioOffice = {
  code: SATKER, name: 'KPU Kabupaten Bondowoso', zone: 'Asia/Jakarta', deadlineDay: 5, subbagian: ['KUL', 'PDI'], structure: aStructure(),
  users: [
    { id: randomUUID(), username: 'kasubbag.kul', role: 'KASUBBAG', subbagian: 'KUL', email: 'kul@bondowoso.test' },
    // PDI's Kasubbag retired: the account is kept, deactivated.
    { id: randomUUID(), username: 'kasubbag.pdi.lama', role: 'KASUBBAG', subbagian: 'PDI', email: 'pdi.lama@bondowoso.test' },
    { id: randomUUID(), username: 'sekretaris', role: 'SEKRETARIS', subbagian: null, email: 'sekretaris@bondowoso.test' },
  ],
};
const [kasubbagKul, kasubbagPdiLama, sekretaris] = office.users;
const ketua = { id: randomUUID(), username: 'ketua', email: 'ketua@bondowoso.test' };
const penggantiPdi = { id: randomUUID(), username: 'kasubbag.pdi', email: 'pdi@bondowoso.test' };

const wib = (iso: string, hour = 8) => {
  const [year, month, day] = iso.split('-').map(Number);
  return localInstant({ year, month, day }, hour, 'Asia/Jakarta');
};

describe('a reminder whose audience has nobody active reaches whoever answers for it, once', () => {
  let db: TestDatabase;
  let smtp: InProcessSmtp;
  let events: EventStore;
  let runner: ReminderRunner;
  const logged: Array<{ level: number; msg: string; key?: string; vacantRoles?: string[] }> = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startInProcessSmtp();
    events = new EventStore(db.dataSource);
    const logger = pino({ level: 'info', base: undefined }, new Writable({ write(chunk, _enc, done) { logged.push(JSON.parse(String(chunk))); done(); } }));
    runner = reminderRunnerOn(db.dataSource, events, new SmtpMailer(smtp.url, 'Kinerja <no-reply@kinerja.test>'), logger);
    await seedOffice(db.dataSource, events, office);
    await db.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [kasubbagPdiLama.id]);
    await addUser(ketua, 'KETUA', null);
  });

  afterAll(async () => {
    await smtp?.close();
    await db?.drop();
  });

  async function addUser(u: { id: string; username: string; email: string }, role: string, subbagian: string | null) {
    await db.dataSource.query(
      `INSERT INTO users (satker_code, id, username, full_name, email, role, subbagian_code, password_hash, password_changed_at, created_at, updated_at)
       VALUES ($1, $2, $3, $3, $4, $5, $6, 'not-a-login', now(), now(), now())`,
      [SATKER, u.id, u.username, u.email, role, subbagian],
    );
  }
  const deactivate = (id: string) => db.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [id]);

  async function reminder(key: string) {
    const [row] = await db.dataSource.query(`SELECT recipients, payload FROM reminders WHERE satker_code = $1 AND reminder_key = $2`, [SATKER, key]);
    const inbox: Array<{ recipient_id: string; subject: string; body: string; data: { delivery: unknown } }> = await db.dataSource.query(
      `SELECT recipient_id, subject, body, data FROM notifications WHERE satker_code = $1 AND reminder_key = $2 ORDER BY recipient_id`, [SATKER, key],
    );
    const outbox: Array<{ recipient_id: string; to_address: string }> = await db.dataSource.query(
      `SELECT recipient_id, to_address FROM notification_outbox WHERE satker_code = $1 AND reminder_key = $2`, [SATKER, key],
    );
    const sent = (await events.readStream(notificationStreamId(SATKER))).filter((e) => (e.data as { key: string }).key === key);
    return { row, inbox, outbox, sent };
  }

  /** The trail's words for the reminder's event, as the Inspektorat reads them. */
  async function trailOf(key: string): Promise<string> {
    const state = new AuditTrailState();
    const event = (await events.readStream(notificationStreamId(SATKER))).find((e) => (e.data as { key: string }).key === key)!;
    return describeEvent(event, state).row.summary;
  }

  const pdiFeb1 = `before-deadline:${SATKER}:2025-01:PDI:2025-02-01`;
  const pdiFeb3 = `before-deadline:${SATKER}:2025-01:PDI:2025-02-03`;

  it('given PDI has no active Kasubbag, when its pre-deadline reminder falls due, then the Sekretaris receives it, saying why, and the record says so', async () => {
    const run = await runner.run(wib('2025-02-01'));
    expect(run.recorded.sort()).toEqual([`before-deadline:${SATKER}:2025-01:KUL:2025-02-01`, pdiFeb1]);
    const { row, inbox, outbox, sent } = await reminder(pdiFeb1);
    const delivery = { role: 'SEKRETARIS', vacantRoles: ['KASUBBAG'] };
    expect(row).toMatchObject({ recipients: 1, payload: { audience: { role: 'KASUBBAG', subbagian: 'PDI' }, delivery } });
    expect(inbox.map((n) => n.recipient_id)).toEqual([sekretaris.id]);
    expect(inbox[0].data.delivery).toEqual(delivery);
    expect(inbox[0].subject).toBe('Pengingat: laporan realisasi Januari 2025 Subbagian PDI belum dikirim (tidak ada Kasubbag aktif) — KPU Kabupaten Bondowoso');
    expect(inbox[0].body).toContain('Subbagian PDI pada KPU Kabupaten Bondowoso tidak memiliki Kasubbag aktif;');
    expect(inbox[0].body).toContain('Mohon minta Admin Kinerja menetapkan Kasubbag untuk Subbagian PDI');
    expect(outbox).toEqual([{ recipient_id: sekretaris.id, to_address: sekretaris.email }]);
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ audience: { role: 'KASUBBAG', subbagian: 'PDI' }, delivery, recipientIds: [sekretaris.id] });
    expect(await trailOf(pdiFeb1)).toBe(
      'Mengirim pengingat untuk Kasubbag PDI kepada Sekretaris sebagai pengganti, karena tidak ada Kasubbag PDI aktif (1 penerima): ' +
        'laporan realisasi Januari 2025 belum diajukan, batas waktu 5 Februari 2025.',
    );
    // KUL's own Kasubbag is active: their reminder is theirs, as before.
    const kul = await reminder(`before-deadline:${SATKER}:2025-01:KUL:2025-02-01`);
    expect(kul.inbox.map((n) => n.recipient_id)).toEqual([kasubbagKul.id]);
    expect(kul.row.payload.delivery).toEqual({ role: 'KASUBBAG', vacantRoles: [] });
    expect(smtp.received.filter((m) => m.messageId === reminderMessageId(pdiFeb1, sekretaris.id)).map((m) => m.to)).toEqual([[sekretaris.email]]);
  });

  it('when a successor gets an account after that, then a rerun neither sends it again to anyone nor loses it, and the next occasion is theirs', async () => {
    await addUser(penggantiPdi, 'KASUBBAG', 'PDI');
    expect((await runner.run(wib('2025-02-01', 9))).recorded).toEqual([]);
    expect((await runner.run(wib('2025-02-02', 10))).recorded).toEqual([]);
    const first = await reminder(pdiFeb1);
    expect(first.inbox.map((n) => n.recipient_id)).toEqual([sekretaris.id]);
    expect(first.outbox).toHaveLength(1);
    expect(first.sent).toHaveLength(1);

    expect((await runner.run(wib('2025-02-03'))).recorded.sort()).toEqual([`before-deadline:${SATKER}:2025-01:KUL:2025-02-03`, pdiFeb3]);
    const next = await reminder(pdiFeb3);
    expect(next.inbox.map((n) => n.recipient_id)).toEqual([penggantiPdi.id]);
    expect(next.row.payload.delivery).toEqual({ role: 'KASUBBAG', vacantRoles: [] });
    expect(next.inbox[0].subject).toBe('Pengingat: laporan realisasi Januari 2025 belum dikirim — KPU Kabupaten Bondowoso');
    const mails = smtp.received.map((m) => m.messageId);
    expect(mails.filter((id) => id === reminderMessageId(pdiFeb1, sekretaris.id))).toHaveLength(1);
    expect(mails).not.toContain(reminderMessageId(pdiFeb1, penggantiPdi.id));
  });

  it('given the office has no active Sekretaris, when the reports are overdue, then the Ketua receives the escalation', async () => {
    await deactivate(sekretaris.id);
    const key = `overdue:${SATKER}:2025-01`;
    expect((await runner.run(wib('2025-02-06'))).recorded).toEqual([key]);
    const { row, inbox, outbox, sent } = await reminder(key);
    expect(row).toMatchObject({ recipients: 1, payload: { audience: { role: 'SEKRETARIS' }, delivery: { role: 'KETUA', vacantRoles: ['SEKRETARIS'] } } });
    expect(inbox.map((n) => n.recipient_id)).toEqual([ketua.id]);
    expect(inbox[0].subject).toBe('Eskalasi: 2 laporan realisasi Januari 2025 terlambat (tidak ada Sekretaris aktif) — KPU Kabupaten Bondowoso');
    expect(inbox[0].body).toMatch(/^Yth\. Ketua,\n\nKPU Kabupaten Bondowoso tidak memiliki Sekretaris aktif;/);
    expect(outbox).toEqual([{ recipient_id: ketua.id, to_address: ketua.email }]);
    expect(sent[0].data).toMatchObject({ delivery: { role: 'KETUA', vacantRoles: ['SEKRETARIS'] }, recipientIds: [ketua.id] });
    expect(await trailOf(key)).toContain('Mengirim eskalasi keterlambatan untuk Sekretaris kepada Ketua sebagai pengganti, karena tidak ada Sekretaris aktif (1 penerima)');
  });

  it('given neither a Kasubbag nor a Sekretaris, then the Ketua receives the Kasubbag reminder; given nobody at all, the row is kept with a single warning', async () => {
    await deactivate(penggantiPdi.id);
    const toKetua = `before-deadline:${SATKER}:2025-02:PDI:2025-03-01`;
    expect((await runner.run(wib('2025-03-01'))).recorded).toContain(toKetua);
    const viaKetua = await reminder(toKetua);
    expect(viaKetua.inbox.map((n) => n.recipient_id)).toEqual([ketua.id]);
    expect(viaKetua.row.payload.delivery).toEqual({ role: 'KETUA', vacantRoles: ['KASUBBAG', 'SEKRETARIS'] });
    expect(viaKetua.inbox[0].body).toContain('tidak memiliki Kasubbag aktif, dan kantor ini juga tidak memiliki Sekretaris aktif');

    await deactivate(ketua.id);
    const nobody = `before-deadline:${SATKER}:2025-02:PDI:2025-03-03`;
    const warningsBefore = logged.filter((l) => l.level === 40).length;
    expect((await runner.run(wib('2025-03-03'))).recorded).toContain(nobody);
    await runner.run(wib('2025-03-03', 9));
    await runner.run(wib('2025-03-04'));
    const { row, inbox, outbox, sent } = await reminder(nobody);
    expect(row).toMatchObject({ recipients: 0, payload: { delivery: { role: null, vacantRoles: ['KASUBBAG', 'SEKRETARIS', 'KETUA'] } } });
    expect(inbox).toEqual([]);
    expect(outbox).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ recipientIds: [] });
    expect(await trailOf(nobody)).toContain('Mencatat pengingat untuk Kasubbag PDI tanpa penerima, karena tidak ada Kasubbag PDI, Sekretaris maupun Ketua aktif');
    const warnings = logged.filter((l) => l.level === 40).slice(warningsBefore);
    expect(warnings.map((w) => [w.key, w.vacantRoles])).toEqual([[nobody, ['KASUBBAG', 'SEKRETARIS', 'KETUA']]]);
  });
});
