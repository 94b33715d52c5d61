import { randomUUID } from 'node:crypto';
import { realisasiStreamId, type RealisasiEvent } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import pino from 'pino';
import { aStructure } from '../../../domain/testing/builders';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { LogOnlyMailer } from '../mail/mailer';
import { notificationStreamId } from '../notifications/reminder-recorder';
import { localInstant } from './plan/office-time';
import type { ReminderRunner } from './reminder-runner';
import { reminderRunnerOn, seedOffice, YEAR, type ScenarioOffice } from './reminders-year.scenario.testing';

/**
 * The approval digest never asks someone to approve a report they submitted themselves (maker-checker,
 * REALISASI.OWN_SUBMISSION): Eko, Kasubbag KUL, sends January's report, then the admin makes him Plh
 * Sekretaris beside Siti. His digest leaves his report out (counted apart); Siti's lists it; once Siti
 * is gone nobody may approve it, so it reaches the Ketua, who can have another Sekretaris appointed.
 */
const SATKER = 'kpu-lumajang';
const office: ScenarioOffice = {
  code: SATKER, name: 'KPU Kabupaten Lumajang', zone: 'Asia/Jakarta', deadlineDay: 5, subbagian: ['KUL', 'PDI'], structure: aStructure(),
  users: [
    { id: randomUUID(), username: 'eko', role: 'KASUBBAG', subbagian: 'KUL', email: 'eko@lumajang.test' },
    { id: randomUUID(), username: 'kasubbag.pdi', role: 'KASUBBAG', subbagian: 'PDI', email: 'pdi@lumajang.test' },
    { id: randomUUID(), username: 'siti', role: 'SEKRETARIS', subbagian: null, email: 'siti@lumajang.test' },
  ],
};
const [eko, kasubbagPdi, siti] = office.users;
const ketua = { id: randomUUID(), username: 'ketua', email: 'ketua@lumajang.test' };
const wib = (iso: string, hour = 8) => {
  const [year, month, day] = iso.split('-').map(Number);
  return localInstant({ year, month, day }, hour, 'Asia/Jakarta');
};

describe('the approval digest leaves out, for each Sekretaris, the reports they submitted themselves', () => {
  let db: TestDatabase;
  let events: EventStore;
  let runner: ReminderRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    events = new EventStore(db.dataSource);
    const logger = pino({ level: 'silent' });
    runner = reminderRunnerOn(db.dataSource, events, new LogOnlyMailer(logger), logger);
    await seedOffice(db.dataSource, events, office);
    await db.dataSource.query(
      `INSERT INTO users (satker_code, id, username, full_name, email, role, subbagian_code, password_hash, password_changed_at, created_at, updated_at)
       VALUES ($1, $2, $3, $3, $4, 'KETUA', NULL, 'not-a-login', now(), now(), now())`,
      [SATKER, ketua.id, ketua.username, ketua.email],
    );
    await submit('KUL', eko.id, wib('2025-02-03', 10));
    await submit('PDI', kasubbagPdi.id, wib('2025-02-03', 11));
    // The admin makes Eko Plh Sekretaris (PATCH users/{id} {role: SEKRETARIS, subbagian: null}).
    await db.dataSource.query(`UPDATE users SET role = 'SEKRETARIS', subbagian_code = NULL WHERE id = $1`, [eko.id]);
  });

  afterAll(() => db?.drop());

  async function submit(subbagian: string, by: string, at: Date) {
    const key = { satker: SATKER, year: YEAR, month: 1, subbagian };
    const lines = aStructure().programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators)).filter((i) => i.picSubbagian === subbagian)
      .map((i) => ({ indicatorCode: i.code, value: '1', narrative: '', kendala: '', solusi: '', evidence: [] }));
    const submitted: RealisasiEvent[] = [
      { type: 'RealisasiDraftSaved', data: { key, revision: 0, pkVersion: 1, lines, budget: [], savedBy: by, savedAt: at.toISOString() } },
      { type: 'RealisasiSubmitted', data: { revision: 0, resubmission: false, submittedBy: by, submittedAt: at.toISOString() } },
    ];
    await events.append(realisasiStreamId(SATKER, YEAR, 1, subbagian), 'any', submitted, { tenantId: SATKER, actorId: by, actorRole: 'KASUBBAG', correlationId: randomUUID() });
  }

  async function digestOf(date: string) {
    const key = `approval-digest:${SATKER}:${date}`;
    const [row] = await db.dataSource.query(`SELECT recipients, payload FROM reminders WHERE satker_code = $1 AND reminder_key = $2`, [SATKER, key]);
    const inbox: Array<{ recipient_id: string; subject: string; body: string; data: { reports: Array<{ subbagian: string }>; delivery: unknown } }> =
      await db.dataSource.query(`SELECT recipient_id, subject, body, data FROM notifications WHERE satker_code = $1 AND reminder_key = $2`, [SATKER, key]);
    const outbox: Array<{ recipient_id: string; body: string }> = await db.dataSource.query(
      `SELECT recipient_id, body FROM notification_outbox WHERE satker_code = $1 AND reminder_key = $2`, [SATKER, key],
    );
    const sent = (await events.readStream(notificationStreamId(SATKER))).find((e) => (e.data as { key: string }).key === key);
    const to = (id: string) => inbox.find((n) => n.recipient_id === id);
    return { row, inbox, outbox, sent, to };
  }

  it('given Eko and Siti are Sekretaris, then Eko\'s digest lists only PDI and counts his own report apart; Siti\'s lists both; the Ketua none', async () => {
    await runner.run(wib('2025-02-04')); // Tuesday
    const { row, inbox, outbox, sent, to } = await digestOf('2025-02-04');
    expect(row.recipients).toBe(2);
    expect(inbox.map((n) => n.recipient_id).sort()).toEqual([eko.id, siti.id].sort());
    expect(to(siti.id)!.body).toContain('1. Subbagian KUL — Januari 2025');
    expect(to(siti.id)!.body).toContain('2. Subbagian PDI — Januari 2025');
    const mine = to(eko.id)!;
    expect(mine.subject).toBe('Ringkasan: 1 laporan realisasi menunggu persetujuan — KPU Kabupaten Lumajang');
    expect(mine.body).toContain('menunggu persetujuan Anda (yang terlama lebih dahulu):\n1. Subbagian PDI — Januari 2025');
    expect(mine.body).not.toContain('Subbagian KUL');
    expect(mine.body).toContain('Selain itu, 1 laporan yang Anda ajukan sendiri juga menunggu persetujuan; laporan tersebut tidak dicantumkan di sini');
    expect(mine.data.reports.map((r) => r.subbagian)).toEqual(['PDI']);
    // His e-mail is his copy too.
    expect(outbox.find((o) => o.recipient_id === eko.id)!.body).toBe(mine.body);
    // The record keeps the digest as planned, and who read a copy of their own.
    expect(sent!.data).toMatchObject({ recipientIds: expect.arrayContaining([eko.id, siti.id]), copies: [{ recipientId: eko.id, role: 'SEKRETARIS', reports: [{ subbagian: 'PDI' }] }] });
    expect((sent!.data as { reports: unknown[] }).reports).toHaveLength(2);
  });

  it('given Siti has left, then no Sekretaris may approve KUL: Eko still gets PDI alone, and the Ketua gets KUL, told why and what to do', async () => {
    await db.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [siti.id]);
    await runner.run(wib('2025-02-05'));
    const { row, inbox, to } = await digestOf('2025-02-05');
    expect(row.recipients).toBe(2);
    expect(inbox.map((n) => n.recipient_id).sort()).toEqual([eko.id, ketua.id].sort());
    expect(to(eko.id)!.data.reports.map((r) => r.subbagian)).toEqual(['PDI']);
    const forKetua = to(ketua.id)!;
    expect(forKetua.subject).toBe('Ringkasan: 1 laporan realisasi menunggu persetujuan Sekretaris lain — KPU Kabupaten Lumajang');
    expect(forKetua.body).toMatch(/^Yth\. Ketua,\n\nLaporan realisasi kinerja berikut pada KPU Kabupaten Lumajang menunggu persetujuan, tetapi diajukan oleh satu-satunya Sekretaris aktif, eko \(dari akunnya sendiri atau akun lain miliknya\), yang tidak dapat menyetujui/);
    expect(forKetua.body).toContain('1. Subbagian KUL — Januari 2025');
    expect(forKetua.body).not.toContain('Subbagian PDI');
    expect(forKetua.body).toContain('Mohon minta Admin Kinerja menetapkan Sekretaris lain (atau Plh. Sekretaris) untuk KPU Kabupaten Lumajang.');
    expect(forKetua.data.delivery).toEqual({ role: 'KETUA', vacantRoles: [] });
    // Its e-mail went to the Ketua as Ketua, not re-routed as if he were a Sekretaris who left (to Eko, its submitter).
    const mails: Array<{ recipient_id: string; to_address: string; sent_at: Date | null; skip_reason: string | null; rerouted_from: string | null }> =
      await db.dataSource.query(
        `SELECT recipient_id, to_address, sent_at, skip_reason, rerouted_from FROM notification_outbox WHERE satker_code = $1 AND reminder_key = $2`,
        [SATKER, `approval-digest:${SATKER}:2025-02-05`],
      );
    expect(mails.find((m) => m.recipient_id === ketua.id)).toMatchObject({ to_address: ketua.email, skip_reason: null, sent_at: expect.any(Date) });
    expect(mails.filter((m) => m.rerouted_from !== null)).toEqual([]);
  });

  it('given only his own report still waits, then Eko gets no digest at all; the Ketua still does', async () => {
    await events.append(realisasiStreamId(SATKER, YEAR, 1, 'PDI'), 'any',
      [{ type: 'RealisasiApproved', data: { revision: 0, approvedBy: eko.id, approvedAt: wib('2025-02-05', 9).toISOString() } }],
      { tenantId: SATKER, actorId: eko.id, actorRole: 'SEKRETARIS', correlationId: randomUUID() });
    await runner.run(wib('2025-02-06'));
    const { row, inbox } = await digestOf('2025-02-06');
    expect(row.recipients).toBe(1);
    expect(inbox.map((n) => n.recipient_id)).toEqual([ketua.id]);
  });
});
