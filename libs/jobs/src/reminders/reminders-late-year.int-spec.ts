import { randomUUID } from 'node:crypto';
import { reportDeadlinesStreamId } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import pino from 'pino';
import { aStructure } from '../../../domain/testing/builders';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { LogOnlyMailer } from '../mail/mailer';
import { localInstant } from './plan/office-time';
import type { ReminderRunner } from './reminder-runner';
import { reminderRunnerOn, seedOffice, type ScenarioOffice } from './reminders-year.scenario.testing';

/**
 * The PK of 2025 first approved on 7 December 2026 (day 5): every month of 2025 is due 5 January 2027
 * (catch-up), a year after the year the runs would otherwise read. Pasuruan is reminded on 1 and
 * 3 January and escalated once on 6 January; a dispensasi for March 2025 then reaches its Kasubbag.
 * Malang (no Kasubbag PDI) is given a dispensasi for March and April 2025 until 15 January by the
 * ADMIN on 7 January: nobody is reminded again of 1 January, and its Sekretaris gets no stand-in
 * announcement on top of their own.
 */
const APPROVED = '2026-12-07T03:00:00.000Z';
const GRANTED = localInstant({ year: 2027, month: 1, day: 7 }, 10, 'Asia/Jakarta').toISOString();
const wib = (day: number, hour = 8) => localInstant({ year: 2027, month: 1, day }, hour, 'Asia/Jakarta');
const user = (code: string, username: string, role: 'KASUBBAG' | 'SEKRETARIS', subbagian: string | null) =>
  ({ id: randomUUID(), username: `${username}.${code}`, role, subbagian, email: `${username}@${code}.test` });

const pasuruan: ScenarioOffice = {
  code: 'kpu-pasuruan', name: 'KPU Kabupaten Pasuruan', zone: 'Asia/Jakarta', deadlineDay: 5, subbagian: ['KUL', 'PDI'], structure: aStructure(),
  users: [user('kpu-pasuruan', 'kasubbag.kul', 'KASUBBAG', 'KUL'), user('kpu-pasuruan', 'kasubbag.pdi', 'KASUBBAG', 'PDI'), user('kpu-pasuruan', 'sekretaris', 'SEKRETARIS', null)],
};
const malang: ScenarioOffice = {
  code: 'kpu-malang', name: 'KPU Kabupaten Malang', zone: 'Asia/Jakarta', deadlineDay: 5, subbagian: ['KUL', 'PDI'], structure: aStructure(),
  users: [user('kpu-malang', 'kasubbag.kul', 'KASUBBAG', 'KUL'), user('kpu-malang', 'sekretaris', 'SEKRETARIS', null)],
};

describe('a year whose PK was approved late in the following year: reminded, escalated, and its dispensasi announced without repeats', () => {
  let db: TestDatabase;
  let events: EventStore;
  let runner: ReminderRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    events = new EventStore(db.dataSource);
    const logger = pino({ level: 'silent' });
    runner = reminderRunnerOn(db.dataSource, events, new LogOnlyMailer(logger), logger);
    for (const office of [pasuruan, malang]) await seedOffice(db.dataSource, events, office, APPROVED);
  });

  afterAll(() => db?.drop());

  async function grant(office: ScenarioOffice, month: number) {
    await events.append(reportDeadlinesStreamId(office.code), 'any', [{
      type: 'ReportDeadlineExtended',
      data: {
        satker: office.code, year: 2025, month, until: '2027-01-15', previousDeadline: '2027-01-05', reason: 'Gangguan jaringan di kantor',
        grantedBy: 'admin', grantedByRole: 'ADMIN', grantedAt: GRANTED,
      },
    }], { tenantId: office.code, actorId: 'admin', actorRole: 'ADMIN', correlationId: randomUUID() });
  }

  const of = (keys: string[], office: ScenarioOffice) => keys.filter((k) => k.includes(`:${office.code}:`)).sort();
  /** Messages per person (username kind) recorded from `since` on. */
  async function messages(office: ScenarioOffice, since: Date): Promise<string[]> {
    const rows: Array<{ username: string; kind: string; reminder_key: string }> = await db.dataSource.query(
      `SELECT u.username, n.kind, n.reminder_key FROM notifications n JOIN users u ON u.id = n.recipient_id
        WHERE n.satker_code = $1 AND n.created_at >= $2 ORDER BY u.username, n.kind, n.reminder_key`,
      [office.code, since],
    );
    return rows.map((r) => `${r.username.replace(`.${office.code}`, '')} ${r.kind} ${r.reminder_key}`);
  }

  it('reminds each Kasubbag of 2025 on 1 and 3 January 2027', async () => {
    expect(of((await runner.run(wib(1))).recorded, pasuruan)).toEqual([
      'before-deadline:kpu-pasuruan:2025-01..2026-12:KUL:2027-01-01', 'before-deadline:kpu-pasuruan:2025-01..2026-12:PDI:2027-01-01',
    ]);
    expect(of((await runner.run(wib(3))).recorded, pasuruan)).toEqual([
      'before-deadline:kpu-pasuruan:2025-01..2026-12:KUL:2027-01-03', 'before-deadline:kpu-pasuruan:2025-01..2026-12:PDI:2027-01-03',
    ]);
    const [row] = await db.dataSource.query(`SELECT payload FROM reminders WHERE reminder_key = $1`, ['before-deadline:kpu-pasuruan:2025-01..2026-12:KUL:2027-01-03']);
    expect(row.payload.periods).toHaveLength(12);
  });

  it('escalates once on 6 January 2027, listing every month of 2025, and not again', async () => {
    expect(of((await runner.run(wib(5, 23))).recorded, pasuruan).filter((k) => k.startsWith('overdue:'))).toEqual([]);
    expect(of((await runner.run(wib(6))).recorded, pasuruan)).toEqual(['overdue:kpu-pasuruan:2025-01..2026-12']);
    const [row] = await db.dataSource.query(`SELECT payload FROM reminders WHERE reminder_key = $1`, ['overdue:kpu-pasuruan:2025-01..2026-12']);
    expect(row.payload.periods.map((p: { year: number; month: number }) => `${p.year}-${p.month}`)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2025-${i + 1}`),
    );
    expect(row.payload.reports).toHaveLength(24);
    const [mail] = await db.dataSource.query(`SELECT to_address, subject FROM notification_outbox WHERE reminder_key = $1`, ['overdue:kpu-pasuruan:2025-01..2026-12']);
    expect(mail).toEqual({ to_address: 'sekretaris@kpu-pasuruan.test', subject: 'Eskalasi: 24 laporan realisasi Januari–Desember 2025 terlambat — KPU Kabupaten Pasuruan' });
    expect(of((await runner.run(wib(6, 9))).recorded, pasuruan)).toEqual([]);
    expect(of((await runner.run(wib(7))).recorded, pasuruan)).toEqual([]);
  });

  it('announces a dispensasi for March 2025 to the Kasubbag owing it and to the Sekretaris', async () => {
    await grant(pasuruan, 3);
    await grant(malang, 3);
    await grant(malang, 4);
    expect(of((await runner.run(wib(7, 11))).recorded, pasuruan)).toEqual([
      'dispensasi:kpu-pasuruan:2025-03:2027-01-15:kasubbag-KUL',
      'dispensasi:kpu-pasuruan:2025-03:2027-01-15:kasubbag-PDI',
      'dispensasi:kpu-pasuruan:2025-03:2027-01-15:sekretaris',
    ]);
    const [mail] = await db.dataSource.query(`SELECT body FROM notification_outbox WHERE reminder_key = $1`, ['dispensasi:kpu-pasuruan:2025-03:2027-01-15:sekretaris']);
    expect(mail.body).toContain('- Subbagian KUL');
    expect(mail.body).toContain('- Subbagian PDI');
    expect(mail.body).not.toContain('Tidak ada laporan');
  });

  it('after the dispensasi of March and April, nobody is reminded again of 1 January and the Sekretaris gets no stand-in announcement', async () => {
    // Both months were granted on one day: one notice per person lists them (keyed by the first grant) ...
    expect(await messages(malang, wib(7, 11))).toEqual([
      'kasubbag.kul DEADLINE_EXTENDED dispensasi:kpu-malang:2025-03:2027-01-15:kasubbag-KUL',
      'sekretaris DEADLINE_EXTENDED dispensasi:kpu-malang:2025-03:2027-01-15:sekretaris',
    ]);
    const subjects: Array<{ subject: string }> = await db.dataSource.query(
      `SELECT subject FROM notification_outbox WHERE reminder_key LIKE 'dispensasi:kpu-malang:%' ORDER BY to_address`,
    );
    expect(subjects.map((m) => m.subject)).toEqual([
      'Dispensasi: batas waktu laporan realisasi Maret–April 2025 diperpanjang sampai Jumat, 15 Januari 2027 — KPU Kabupaten Malang',
      'Dispensasi: batas waktu laporan realisasi Maret–April 2025 diperpanjang sampai Jumat, 15 Januari 2027 — KPU Kabupaten Malang',
    ]);
    // ... and April's grant is claimed by it, so no later run announces it on its own.
    const claimed: Array<{ reminder_key: string }> = await db.dataSource.query(
      `SELECT reminder_key FROM reminders WHERE reminder_key LIKE 'dispensasi:kpu-malang:%' ORDER BY reminder_key`,
    );
    expect(claimed.map((r) => r.reminder_key)).toEqual([
      'dispensasi:kpu-malang:2025-03:2027-01-15:kasubbag-KUL', 'dispensasi:kpu-malang:2025-03:2027-01-15:sekretaris',
      'dispensasi:kpu-malang:2025-04:2027-01-15:kasubbag-KUL', 'dispensasi:kpu-malang:2025-04:2027-01-15:sekretaris',
    ]);
    expect(of((await runner.run(wib(8))).recorded, malang)).toEqual([]);
  });

  it('reminds on D−2 of the new deadline and escalates after it, one message per month (months of one dispensasi day are not grouped: README)', async () => {
    await runner.run(wib(13));
    expect(await messages(malang, wib(13))).toEqual([
      'kasubbag.kul BEFORE_DEADLINE before-deadline:kpu-malang:2025-03:KUL:2027-01-13',
      'kasubbag.kul BEFORE_DEADLINE before-deadline:kpu-malang:2025-04:KUL:2027-01-13',
      'sekretaris BEFORE_DEADLINE before-deadline:kpu-malang:2025-03:PDI:2027-01-13',
      'sekretaris BEFORE_DEADLINE before-deadline:kpu-malang:2025-04:PDI:2027-01-13',
    ]);
    await runner.run(wib(16));
    expect(await messages(malang, wib(16))).toEqual([
      'sekretaris OVERDUE_ESCALATION overdue:kpu-malang:2025-03:2027-01-15',
      'sekretaris OVERDUE_ESCALATION overdue:kpu-malang:2025-04:2027-01-15',
    ]);
  });
});
