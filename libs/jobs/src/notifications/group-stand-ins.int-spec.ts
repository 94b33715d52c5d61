import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { lkjStreamId } from '@kinerja/domain/lkj/lkj.events';
import { pkStreamId } from '@kinerja/domain/perjanjian-kinerja/pk-stream-id';
import { EventStore } from '@kinerja/event-store';
import { ControllableClock, createRootLogger } from '@kinerja/platform';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { createTestDatabase, TestDatabase, testRedisPrefix } from '../../../../test/support/test-database';
import { waitFor } from '../lkj/testing/lkj-scenario.testing';
import { InProcessSmtp, startInProcessSmtp } from '../mail/in-process-smtp.testing';
import { JobQueues } from '../queue-runtime/job-queues';
import { closeNoticeWorkers, insertOffices, insertUser, startNoticeWorker } from '../reminders/notice-worker.testing';

/**
 * Notices told to a group of roles at once (whoever may approve a PK, the Ketua and Sekretaris told
 * of an LKj, the Inspektorat in scope and the office's ADMIN told of an integrity alert), whose e-mail
 * to a member could not be sent at first (the server said 451) and is retried after the member was
 * deactivated or moved: through the worker, BullMQ and a real SMTP server, the member is not sent it,
 * and whoever holds the member's role at their office now and has not got it receives it instead,
 * each once, never the PK's submitter; the row's `skip_reason` says which.
 */
describe('send-time stand-ins for group audiences', () => {
  let db: TestDatabase;
  let smtp: InProcessSmtp;
  let events: EventStore;
  let worker: TestingModule;
  const prefix = testRedisPrefix();
  // The alerts are detected at the database's now(): the notices' 24 hours run from the real time.
  const clock = new ControllableClock(new Date());
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-group-stand-ins-'));
  const JEMBER = 'kpu-kab-jember';
  const year = clock.now().getUTCFullYear();
  const person = (username: string, role: string, satker: string, fullName: string) => ({ id: randomUUID(), username, role, satker, fullName });
  const people = {
    ketua: person('ketua', 'KETUA', JEMBER, 'Ali Ketua'),
    sekretaris: person('sekretaris', 'SEKRETARIS', JEMBER, 'Siti Sekretaris'),
    plh: person('plh', 'SEKRETARIS', JEMBER, 'Plh Sekretaris'),
    inspJember: person('insp.jember', 'INSPEKTORAT', JEMBER, 'Inspektorat Jember'),
    adminJember: person('admin.jember', 'ADMIN', JEMBER, 'Admin Jember'),
    inspJatim: person('insp.jatim', 'INSPEKTORAT', 'kpu-prov-jatim', 'Inspektorat Jatim'),
    inspRi: person('insp.ri', 'INSPEKTORAT', 'kpu-ri', 'Inspektorat RI'),
  };
  let jobs = 0;

  const address = (username: string) => `${username}@kinerja.test`;
  /** `about`: how the notice's subject starts ('PK ', 'LKj ', 'Peringatan integritas'). */
  const mailsTo = (username: string, about: string) => smtp.received.filter((m) => m.to[0] === address(username) && m.subject.startsWith(about));
  const addUser = (p: ReturnType<typeof person>) => insertUser(db, p);
  const deactivate = (p: { id: string }) => db.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [p.id]);
  const outbox = async (key: string) => (await db.dataSource.query(
    `SELECT recipient_id, attempts, sent_at, skipped, skip_reason, rerouted_from IS NOT NULL AS rerouted FROM notification_outbox WHERE reminder_key = $1`, [key],
  )) as Array<{ recipient_id: string; attempts: number; sent_at: Date | null; skipped: boolean; skip_reason: string | null; rerouted: boolean }>;
  const rowOf = async (key: string, p: { id: string }) => (await outbox(key)).find((r) => r.recipient_id === p.id);
  const keyOf = async (kind: string) => ((await db.dataSource.query(`SELECT reminder_key FROM reminders WHERE kind = $1`, [kind]))[0] as { reminder_key: string }).reminder_key;
  const refuse = (...usernames: string[]) => usernames.forEach((u) => smtp.refuse.set(address(u), { code: 451, text: '4.3.0 Coba lagi nanti' }));
  /** The refused e-mails tried once; then the server accepts again and the retry is due. */
  async function retryLater(key: string, ...refused: Array<{ id: string; username: string }>): Promise<void> {
    await waitFor(async () => {
      const rows = await outbox(key);
      return refused.every((p) => rows.some((r) => r.recipient_id === p.id && r.attempts >= 1 && r.sent_at === null));
    }, 'the refused e-mails tried once', 20_000);
    refused.forEach((p) => smtp.refuse.delete(address(p.username)));
    clock.advance(2 * 60_000);
  }
  /** One `notifications.dispatch` job through BullMQ, as the schedule runs it, waited for until it has run. */
  async function dispatch(): Promise<void> {
    const job = await worker.get(JobQueues, { strict: false }).add('notifications.dispatch', {}, { jobId: `dispatch-${++jobs}` });
    await waitFor(async () => (await job.getState()) === 'completed', 'the dispatch job run', 20_000);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startInProcessSmtp();
    events = new EventStore(db.dataSource);
    await insertOffices(db, [
      ['kpu-ri', 'KPU Republik Indonesia', null], ['kpu-prov-jatim', 'KPU Provinsi Jawa Timur', 'kpu-ri'],
      [JEMBER, 'KPU Kabupaten Jember', 'kpu-prov-jatim'], ['kpu-kab-banyuwangi', 'KPU Kabupaten Banyuwangi', 'kpu-prov-jatim'],
    ]);
    for (const p of Object.values(people)) await addUser(p);
    worker = await startNoticeWorker({ db, smtp, clock, prefix, dataDir, pkLkjPollMs: 100, integrityAlertPollMs: 100 });
  });

  afterAll(() => closeNoticeWorkers([worker], { db, smtp, prefix, dataDir }));

  it('given a PK reviewer deactivated before the e-mail asking to approve it went out, then a Sekretaris appointed since receives it, never its submitter, and nobody twice', async () => {
    const pk = pkStreamId(JEMBER, year);
    const as = (p: { id: string; role: string }) => ({ tenantId: JEMBER, actorId: p.id, actorRole: p.role, correlationId: randomUUID() });
    const at = clock.now().toISOString();
    await events.append(pk, 'any', [{ type: 'PkDrafted', data: { satker: JEMBER, year, version: 1, structure: { programs: [] }, draftedBy: people.sekretaris.id, draftedAt: at } }], as(people.sekretaris));
    refuse('plh');
    await events.append(pk, 'any', [{ type: 'PkSubmitted', data: { version: 1, submittedBy: people.sekretaris.id, submittedAt: at } }], as(people.sekretaris));
    await waitFor(async () => smtp.received.some((m) => m.to[0] === address('ketua')), 'the Ketua asked to approve', 20_000);
    const key = await keyOf('PK_SUBMITTED');
    await retryLater(key, people.plh);
    await deactivate(people.plh);
    const baru = person('baru', 'SEKRETARIS', JEMBER, 'Baru Sekretaris');
    await addUser(baru);

    await dispatch();
    expect(await rowOf(key, people.plh)).toMatchObject({
      skipped: true, skip_reason: 'Dialihkan: akun Plh Sekretaris sudah dinonaktifkan; dikirim kepada Baru Sekretaris (Sekretaris) sebagai pengganti.',
    });
    expect(mailsTo('baru', 'PK ')[0].text).toMatch(
      /^Pemberitahuan ini semula ditujukan kepada Plh Sekretaris, tetapi akun Plh Sekretaris sudah dinonaktifkan; karena itu dikirimkan kepada Anda sebagai Sekretaris\.\n\nYth\. Ketua dan Sekretaris,\n/,
    );
    await dispatch();
    expect(mailsTo('baru', 'PK ')).toHaveLength(1);
    expect(mailsTo('ketua', 'PK ')).toHaveLength(1);
    expect(mailsTo('sekretaris', 'PK ')).toEqual([]);
    expect(mailsTo('plh', 'PK ')).toEqual([]);
  });

  it('given two of the Sekretaris told of an LKj gone before its e-mail went out, one moved to another office, then the Sekretaris appointed since receives it once', async () => {
    const lkj = lkjStreamId(JEMBER, year);
    const system = { tenantId: JEMBER, actorId: 'system', actorRole: 'SYSTEM', correlationId: randomUUID() };
    const at = clock.now().toISOString();
    refuse('sekretaris', 'baru');
    await events.append(lkj, 'any', [
      { type: 'LkjRequested', data: { satker: JEMBER, year, version: 1, draft: false, reason: 'ALL_APPROVED', suggestions: [], requestedBy: 'system', requestedAt: at } },
      { type: 'LkjProduced', data: { version: 1, draft: false, files: [], modelDigest: 'abc', producedAt: at } },
    ], system);
    await waitFor(async () => smtp.received.some((m) => m.to[0] === address('ketua') && m.subject.startsWith('LKj')), 'the Ketua told of the LKj', 20_000);
    const key = await keyOf('LKJ_PRODUCED');
    const sekretaris = people.sekretaris;
    const baru = { id: (await db.dataSource.query(`SELECT id FROM users WHERE username = 'baru'`))[0].id as string, username: 'baru' };
    await retryLater(key, sekretaris, baru);
    await db.dataSource.query(`UPDATE users SET satker_code = 'kpu-kab-banyuwangi' WHERE id = $1`, [sekretaris.id]);
    await deactivate(baru);
    const citra = person('citra', 'SEKRETARIS', JEMBER, 'Citra Sekretaris');
    await addUser(citra);

    await dispatch();
    // Whichever row is sent first finds Citra without it; the other finds that she has it.
    const why = ['Siti Sekretaris sudah dipindahkan ke satker lain', 'akun Baru Sekretaris sudah dinonaktifkan'];
    const reasons = [(await rowOf(key, sekretaris))?.skip_reason, (await rowOf(key, baru))?.skip_reason];
    const said = (i: number, j: number) => [
      `Dialihkan: ${why[i]}; dikirim kepada Citra Sekretaris (Sekretaris) sebagai pengganti.`,
      `Tidak dikirim: ${why[j]}; pemberitahuan ini sudah diterima Ali Ketua (Ketua) dan Citra Sekretaris (Sekretaris).`,
    ];
    expect([said(0, 1), said(1, 0).reverse()]).toContainEqual(reasons);
    expect((await outbox(key)).filter((r) => r.rerouted).map((r) => r.recipient_id)).toEqual([citra.id]);
    await dispatch();
    expect(mailsTo('citra', 'LKj ')).toHaveLength(1);
    expect(mailsTo('ketua', 'LKj ')).toHaveLength(1);
    expect([...mailsTo('sekretaris', 'LKj '), ...mailsTo('baru', 'LKj ')]).toEqual([]);
  });

  it('given an integrity alert\'s watchers gone before its e-mail went out, then the office\'s new ADMIN receives it, and an Inspektorat who moved to the province and has it is not sent it again', async () => {
    const integrity = new IntegrityService(db.dataSource, events, createRootLogger({ level: 'fatal', format: 'json' }));
    refuse('insp.jatim', 'admin.jember');
    await integrity.recordDamage(JEMBER, 'cli', null, { kind: 'modified', sequence: 169, eventId: randomUUID(), detail: 'isi peristiwa tidak cocok dengan hash-nya' });
    await waitFor(async () => ['insp.jember', 'insp.ri'].every((u) => smtp.received.some((m) => m.to[0] === address(u) && m.subject.startsWith('Peringatan'))), 'the Inspektorat told', 20_000);
    const key = await keyOf('INTEGRITY_ALERT');
    await retryLater(key, people.inspJatim, people.adminJember);
    await deactivate(people.inspJatim);
    await db.dataSource.query(`UPDATE users SET satker_code = 'kpu-prov-jatim' WHERE id = $1`, [people.inspJember.id]);
    await deactivate(people.adminJember);
    const admin = person('admin.baru', 'ADMIN', JEMBER, 'Admin Baru');
    await addUser(admin);

    await dispatch();
    expect(await rowOf(key, people.adminJember)).toMatchObject({
      skip_reason: 'Dialihkan: akun Admin Jember sudah dinonaktifkan; dikirim kepada Admin Baru (Administrator) sebagai pengganti.',
    });
    expect(mailsTo('admin.baru', 'Peringatan integritas')[0].text).toMatch(/karena itu dikirimkan kepada Anda sebagai Administrator\.\n\nYth\. Inspektorat dan Administrator,\n/);
    expect(await rowOf(key, people.inspJatim)).toMatchObject({
      skip_reason: 'Tidak dikirim: akun Inspektorat Jatim sudah dinonaktifkan; pemberitahuan ini sudah diterima Inspektorat Jember (Inspektorat).',
    });
    await dispatch();
    expect(mailsTo('insp.jember', 'Peringatan integritas')).toHaveLength(1);
    expect(mailsTo('insp.ri', 'Peringatan integritas')).toHaveLength(1);
    expect(mailsTo('admin.baru', 'Peringatan integritas')).toHaveLength(1);
    expect([...mailsTo('insp.jatim', 'Peringatan integritas'), ...mailsTo('admin.jember', 'Peringatan integritas')]).toEqual([]);
  });
});
