import { randomUUID } from 'node:crypto';
import { reportDeadlinesStreamId } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import pino from 'pino';
import { aStructure } from '../../../domain/testing/builders';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { InProcessSmtp, startInProcessSmtp } from '../mail/in-process-smtp.testing';
import { SmtpMailer } from '../mail/mailer';
import { OfficeDirectory } from './facts/office-directory';
import { localInstant } from './plan/office-time';
import type { ReminderRunner } from './reminder-runner';
import { perform, reminderRunnerOn, seedOffice, type ScenarioOffice } from './reminders-year.scenario.testing';

/**
 * A dispensasi for January 2025 (due 5 February) until 20 February, granted on 10 February at 10:00 WIB,
 * announced by the reminder runs from the office's stream: once to the Kasubbag of each report it
 * reaches (still owed at the grant) and once to the Sekretaris — also when the worker is killed between
 * recording the announcement and sending its e-mails, and when runs repeat or overlap.
 */
const wib = (day: number, hour: number, minute = 0) =>
  new Date(localInstant({ year: 2025, month: 2, day }, hour, 'Asia/Jakarta').getTime() + minute * 60_000);
const user = (code: string, username: string, role: 'KASUBBAG' | 'SEKRETARIS', subbagian: string | null) =>
  ({ id: randomUUID(), username: `${username}.${code}`, role, subbagian, email: `${username}@${code}.test` });

// Jember: KUL has a draft (reached); PDI sent January on 4 February, in time (not reached). Two Sekretaris.
const jember: ScenarioOffice = {
  code: 'kpu-jember', name: 'KPU Kabupaten Jember', zone: 'Asia/Jakarta', deadlineDay: 5, subbagian: ['KUL', 'PDI'], structure: aStructure(),
  users: [user('kpu-jember', 'kasubbag.kul', 'KASUBBAG', 'KUL'), user('kpu-jember', 'kasubbag.pdi', 'KASUBBAG', 'PDI'),
    user('kpu-jember', 'sekretaris', 'SEKRETARIS', null), user('kpu-jember', 'plh.sekretaris', 'SEKRETARIS', null)],
};
// Bondowoso: nothing sent; PDI has no Kasubbag account: its Sekretaris gets the Sekretaris announcement
// (listing PDI) and not a second one standing in for PDI's Kasubbag.
const bondowoso: ScenarioOffice = {
  code: 'kpu-bondowoso', name: 'KPU Kabupaten Bondowoso', zone: 'Asia/Jakarta', deadlineDay: 5, subbagian: ['KUL', 'PDI'], structure: aStructure(),
  users: [user('kpu-bondowoso', 'kasubbag.kul', 'KASUBBAG', 'KUL'), user('kpu-bondowoso', 'sekretaris', 'SEKRETARIS', null)],
};
const GRANTED_AT = wib(10, 10).toISOString();

describe('a dispensasi announced exactly once to those it concerns, despite a kill between recording and sending', () => {
  let db: TestDatabase;
  let smtp: InProcessSmtp;
  let events: EventStore;
  const logger = pino({ level: 'silent' });
  const mailers: SmtpMailer[] = [];

  /** A worker as it starts: its own runner and dispatcher over the same PostgreSQL. */
  function worker(): ReminderRunner {
    const mailer = new SmtpMailer(smtp.url, 'Kinerja <no-reply@kinerja.test>');
    mailers.push(mailer);
    return reminderRunnerOn(db.dataSource, events, mailer, logger);
  }

  async function grant(office: ScenarioOffice) {
    const sekretaris = office.users.find((u) => u.role === 'SEKRETARIS')!;
    await events.append(reportDeadlinesStreamId(office.code), 'any', [{
      type: 'ReportDeadlineExtended',
      data: {
        satker: office.code, year: 2025, month: 1, until: '2025-02-20', previousDeadline: '2025-02-05', reason: 'Gangguan jaringan di kantor',
        grantedBy: sekretaris.id, grantedByRole: 'SEKRETARIS', grantedAt: GRANTED_AT,
      },
    }], { tenantId: office.code, actorId: sekretaris.id, actorRole: 'SEKRETARIS', correlationId: randomUUID() });
  }

  const announcements = (keys: string[]) => keys.filter((k) => k.startsWith('dispensasi:')).sort();
  const mailsOf = (prefix: string) => smtp.received.filter((m) => m.subject.startsWith('Dispensasi:') && m.to[0].endsWith(prefix));

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startInProcessSmtp();
    events = new EventStore(db.dataSource);
    for (const office of [jember, bondowoso]) await seedOffice(db.dataSource, events, office);
    await perform(events, { at: wib(3, 9), office: jember, month: 1, subbagian: 'KUL', kind: 'draft' });
    await perform(events, { at: wib(4, 9), office: jember, month: 1, subbagian: 'PDI', kind: 'submit' });
    // The runs before the grant: nothing of the dispensasi yet.
    const before = await worker().run(wib(10, 9));
    expect(announcements(before.recorded)).toEqual([]);
    for (const office of [jember, bondowoso]) await grant(office);
  });

  afterAll(async () => {
    for (const m of mailers) m.close();
    await smtp?.close();
    await db?.drop();
  });

  it('records each announcement once, then the worker is killed before any e-mail goes out', async () => {
    const first = worker();
    const recorded: string[] = [];
    for (const office of (await new OfficeDirectory(db.dataSource).activeOffices())) recorded.push(...(await first.runOffice(office, wib(10, 10, 20))).recorded);
    expect(announcements(recorded)).toEqual([
      'dispensasi:kpu-bondowoso:2025-01:2025-02-20:kasubbag-KUL',
      'dispensasi:kpu-bondowoso:2025-01:2025-02-20:sekretaris',
      'dispensasi:kpu-jember:2025-01:2025-02-20:kasubbag-KUL',
      'dispensasi:kpu-jember:2025-01:2025-02-20:sekretaris',
    ]);
    expect(mailsOf('.test')).toEqual([]);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE reminder_key LIKE 'dispensasi:%' AND sent_at IS NULL`);
    expect(n).toBe(5);
  });

  it('after a restart, two workers running at once record nothing more and send each e-mail once', async () => {
    const [a, b] = await Promise.all([worker().run(wib(10, 11)), worker().run(wib(10, 11))]);
    expect(announcements([...a.recorded, ...b.recorded])).toEqual([]);
    const next = await worker().run(wib(12, 8));
    expect(announcements(next.recorded)).toEqual([]);
    const received = mailsOf('.test').map((m) => `${m.to[0]} ${m.subject}`).sort();
    expect(received).toEqual([
      'kasubbag.kul@kpu-bondowoso.test Dispensasi: batas waktu laporan realisasi Januari 2025 diperpanjang sampai Kamis, 20 Februari 2025 — KPU Kabupaten Bondowoso',
      'kasubbag.kul@kpu-jember.test Dispensasi: batas waktu laporan realisasi Januari 2025 diperpanjang sampai Kamis, 20 Februari 2025 — KPU Kabupaten Jember',
      'plh.sekretaris@kpu-jember.test Dispensasi: batas waktu laporan realisasi Januari 2025 diperpanjang sampai Kamis, 20 Februari 2025 — KPU Kabupaten Jember',
      'sekretaris@kpu-bondowoso.test Dispensasi: batas waktu laporan realisasi Januari 2025 diperpanjang sampai Kamis, 20 Februari 2025 — KPU Kabupaten Bondowoso',
      'sekretaris@kpu-jember.test Dispensasi: batas waktu laporan realisasi Januari 2025 diperpanjang sampai Kamis, 20 Februari 2025 — KPU Kabupaten Jember',
    ]);
    expect(new Set(mailsOf('.test').map((m) => m.messageId)).size).toBe(5);
  });

  it('tells the Sekretaris who granted it, why, both deadlines, and only the reports it reaches; the inbox holds it for each', async () => {
    const mail = mailsOf('sekretaris@kpu-jember.test').find((m) => m.to[0] === 'sekretaris@kpu-jember.test')!;
    expect(mail.text).toContain('sekretaris.kpu-jember (Sekretaris) memberikan dispensasi batas waktu laporan realisasi kinerja bulan Januari 2025 untuk KPU Kabupaten Jember');
    expect(mail.text).toContain('Batas waktu semula: Rabu, 5 Februari 2025.');
    expect(mail.text).toContain('Alasan: Gangguan jaringan di kantor');
    expect(mail.text).toContain('- Subbagian KUL');
    expect(mail.text).not.toContain('- Subbagian PDI');
    // Bondowoso's Sekretaris, with no Kasubbag PDI to reach, reads PDI in their own announcement.
    expect(mailsOf('sekretaris@kpu-bondowoso.test')[0].text).toContain('- Subbagian PDI');
    const inbox: Array<{ kind: string; n: number }> = await db.dataSource.query(
      `SELECT kind, count(*)::int AS n FROM notifications WHERE reminder_key LIKE 'dispensasi:%' GROUP BY kind`,
    );
    expect(inbox).toEqual([{ kind: 'DEADLINE_EXTENDED', n: 5 }]);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE type = 'ReminderSent' AND data->>'kind' = 'DEADLINE_EXTENDED'`);
    expect(n).toBe(4);
  });
});
