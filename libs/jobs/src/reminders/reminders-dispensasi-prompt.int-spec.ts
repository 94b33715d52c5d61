import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test, TestingModule } from '@nestjs/testing';
import { reportDeadlinesStreamId } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import { ControllableClock, createRootLogger, loadConfig, PlatformModule } from '@kinerja/platform';
import Redis from 'ioredis';
import { aStructure } from '../../../domain/testing/builders';
import { createTestDatabase, TestDatabase, testRedisPrefix, testRedisUrl } from '../../../../test/support/test-database';
import { waitFor } from '../lkj/testing/lkj-scenario.testing';
import { InProcessSmtp, startInProcessSmtp } from '../mail/in-process-smtp.testing';
import { QueueRuntimeModule } from '../queue-runtime/queue-runtime.module';
import { DispensasiOutbox } from './dispensasi/dispensasi-outbox';
import { DispensasiProcessManager } from './dispensasi/dispensasi-process-manager';
import { localInstant } from './plan/office-time';
import { ReminderRunner } from './reminder-runner';
import { RemindersModule } from './reminders.module';
import { perform, seedOffice, type ScenarioOffice } from './reminders-year.scenario.testing';

/**
 * A dispensasi announced within seconds of its grant by the worker (the process manager following
 * the log, its outbox, BullMQ on the real Redis, the same planner, keys and recorder as the hourly
 * run), exactly once: the hourly run after it sends nothing again, and a worker killed between the
 * append and the send, restarted as two workers at once, sends each notice once. The grants of one
 * day that a run picks up together go out as one notice per recipient listing the months; a grant
 * made after that notice went out gets its own.
 *
 * 10 April 2025 (WIB): January (due 5 February), February (due 5 March) and March (due 5 April) are
 * overdue; KUL and PDI owe all three, except PDI's January, sent in time on 4 February.
 */
const wib = (day: number, hour: number, minute = 0) =>
  new Date(localInstant({ year: 2025, month: 4, day }, hour, 'Asia/Jakarta').getTime() + minute * 60_000);
const user = (code: string, username: string, role: 'KASUBBAG' | 'SEKRETARIS', subbagian: string | null) =>
  ({ id: randomUUID(), username: `${username}.${code}`, role, subbagian, email: `${username}@${code}.test` });
const anOffice = (code: string, name: string): ScenarioOffice => ({
  code, name, zone: 'Asia/Jakarta', deadlineDay: 5, subbagian: ['KUL', 'PDI'], structure: aStructure(),
  users: [user(code, 'kasubbag.kul', 'KASUBBAG', 'KUL'), user(code, 'kasubbag.pdi', 'KASUBBAG', 'PDI'), user(code, 'sekretaris', 'SEKRETARIS', null)],
});
const jember = anOffice('kpu-jember', 'KPU Kabupaten Jember');
const bondowoso = anOffice('kpu-bondowoso', 'KPU Kabupaten Bondowoso');
const lumajang = anOffice('kpu-lumajang', 'KPU Kabupaten Lumajang');
const NOTICE_DELAY_MS = 1500;

describe('a dispensasi announced within seconds of its grant, once, and the grants of one day together', () => {
  let db: TestDatabase;
  let smtp: InProcessSmtp;
  let events: EventStore;
  let redis: Redis;
  const prefix = testRedisPrefix();
  const clock = new ControllableClock(wib(10, 9));
  const workers: TestingModule[] = [];
  const dataDirs: string[] = [];

  /** A worker as it boots: the reminders module over the same PostgreSQL, Redis prefix and SMTP server. */
  async function startWorker(): Promise<TestingModule> {
    const config = loadConfig({
      NODE_ENV: 'test', LOG_LEVEL: 'error', LOG_FORMAT: 'json', DATA_DIR: dataDirs[dataDirs.push(mkdtempSync(join(tmpdir(), 'kinerja-dispensasi-'))) - 1], DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl, REDIS_PREFIX: prefix, REDIS_AUTOSTART: 'false', SMTP_URL: smtp.url, MAIL_FROM: 'Kinerja <no-reply@kinerja.test>',
    });
    const worker = await Test.createTestingModule({
      imports: [
        PlatformModule.forRoot({ config, logger: createRootLogger({ level: 'error', format: 'json' }), clock, runtime: { databaseUrl: db.url, poolSize: 5, redisUrl: testRedisUrl, embeddedDatabase: false } }),
        QueueRuntimeModule.forRoot({ workers: true, queues: ['reminders'] }),
        RemindersModule.forWorker({ leaderIntervalMs: null }, { pollMs: 100, delayMs: NOTICE_DELAY_MS }),
      ],
    }).compile();
    await worker.init();
    workers.push(worker);
    return worker;
  }

  async function stop(worker: TestingModule): Promise<void> {
    await worker.close();
    workers.splice(workers.indexOf(worker), 1);
  }

  async function grant(office: ScenarioOffice, month: number, until: string, grantedAt: Date): Promise<void> {
    const sekretaris = office.users.find((u) => u.role === 'SEKRETARIS')!;
    const previous = { 1: '2025-02-05', 2: '2025-03-05', 3: '2025-04-05' }[month]!;
    await events.append(reportDeadlinesStreamId(office.code), 'any', [{
      type: 'ReportDeadlineExtended',
      data: {
        satker: office.code, year: 2025, month, until, previousDeadline: previous, reason: `Gangguan jaringan (bulan ${month})`,
        grantedBy: sekretaris.id, grantedByRole: 'SEKRETARIS', grantedAt: grantedAt.toISOString(),
      },
    }], { tenantId: office.code, actorId: sekretaris.id, actorRole: 'SEKRETARIS', correlationId: randomUUID() });
  }

  /** "<to> <subject>" of every dispensasi e-mail an office's people received, sorted. */
  const mails = (office: ScenarioOffice) => smtp.received
    .filter((m) => m.subject.startsWith('Dispensasi:') && m.to[0].endsWith(`@${office.code}.test`))
    .map((m) => `${m.to[0]} ${m.subject}`).sort();
  const recordedKeys = async (office: ScenarioOffice): Promise<string[]> => (await db.dataSource.query(
    `SELECT reminder_key FROM reminders WHERE satker_code = $1 AND kind = 'DEADLINE_EXTENDED' ORDER BY reminder_key`, [office.code],
  )).map((r: { reminder_key: string }) => r.reminder_key);
  const hourlyRun = async () => {
    const worker = workers[0] ?? (await startWorker());
    return worker.get(ReminderRunner, { strict: false }).run(clock.now());
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startInProcessSmtp();
    redis = new Redis(testRedisUrl);
    events = new EventStore(db.dataSource);
    for (const office of [jember, bondowoso, lumajang]) {
      await seedOffice(db.dataSource, events, office);
      await perform(events, { at: new Date('2025-02-04T02:00:00Z'), office, month: 1, subbagian: 'PDI', kind: 'submit' });
    }
  });

  afterAll(async () => {
    for (const worker of [...workers]) await stop(worker);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await smtp?.close();
    await db?.drop();
    dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it('sends the notices within seconds of the grant while a worker runs, not at the next hourly run', async () => {
    await startWorker();
    clock.set(wib(10, 10, 1));
    const grantedAt = Date.now();
    await grant(jember, 1, '2025-04-25', wib(10, 10));
    await waitFor(() => mails(jember).length === 2, 'the dispensasi e-mails of Jember', 20_000);
    expect(Date.now() - grantedAt).toBeLessThan(NOTICE_DELAY_MS + 15_000);
    expect(mails(jember)).toEqual([
      'kasubbag.kul@kpu-jember.test Dispensasi: batas waktu laporan realisasi Januari 2025 diperpanjang sampai Jumat, 25 April 2025 — KPU Kabupaten Jember',
      'sekretaris@kpu-jember.test Dispensasi: batas waktu laporan realisasi Januari 2025 diperpanjang sampai Jumat, 25 April 2025 — KPU Kabupaten Jember',
    ]);
    await waitFor(async () => (await new DispensasiOutbox(db.dataSource).pending()).length === 0, 'the grant\'s job marked done', 20_000);
  });

  it('the hourly run after it records and sends nothing of it again', async () => {
    clock.set(wib(10, 11));
    const run = await hourlyRun();
    expect(run.recorded.filter((k) => k.startsWith('dispensasi:'))).toEqual([]);
    expect(mails(jember)).toHaveLength(2);
    expect(await recordedKeys(jember)).toEqual(['dispensasi:kpu-jember:2025-01:2025-04-25:kasubbag-KUL', 'dispensasi:kpu-jember:2025-01:2025-04-25:sekretaris']);
  });

  it('announces two months granted one after the other in one notice per recipient, and a grant later that day in one of its own', async () => {
    clock.set(wib(10, 13, 1));
    await grant(bondowoso, 1, '2025-04-25', wib(10, 13));
    await grant(bondowoso, 2, '2025-04-28', wib(10, 13));
    await waitFor(() => mails(bondowoso).length === 3, 'the grouped notices of Bondowoso', 20_000);
    expect(mails(bondowoso)).toEqual([
      'kasubbag.kul@kpu-bondowoso.test Dispensasi: batas waktu laporan realisasi Januari–Februari 2025 diperpanjang — KPU Kabupaten Bondowoso',
      'kasubbag.pdi@kpu-bondowoso.test Dispensasi: batas waktu laporan realisasi Februari 2025 diperpanjang sampai Senin, 28 April 2025 — KPU Kabupaten Bondowoso',
      'sekretaris@kpu-bondowoso.test Dispensasi: batas waktu laporan realisasi Januari–Februari 2025 diperpanjang — KPU Kabupaten Bondowoso',
    ]);
    const inbox: Array<{ n: number }> = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE satker_code = $1 AND kind = 'DEADLINE_EXTENDED' GROUP BY recipient_id`, [bondowoso.code],
    );
    expect(inbox.map((r) => r.n)).toEqual([1, 1, 1]);

    clock.set(wib(10, 15, 1));
    await grant(bondowoso, 3, '2025-04-30', wib(10, 15));
    await waitFor(() => mails(bondowoso).length === 6, 'the notices of the later grant', 20_000);
    expect(mails(bondowoso).filter((m) => m.includes('Maret 2025'))).toEqual([
      'kasubbag.kul@kpu-bondowoso.test Dispensasi: batas waktu laporan realisasi Maret 2025 diperpanjang sampai Rabu, 30 April 2025 — KPU Kabupaten Bondowoso',
      'kasubbag.pdi@kpu-bondowoso.test Dispensasi: batas waktu laporan realisasi Maret 2025 diperpanjang sampai Rabu, 30 April 2025 — KPU Kabupaten Bondowoso',
      'sekretaris@kpu-bondowoso.test Dispensasi: batas waktu laporan realisasi Maret 2025 diperpanjang sampai Rabu, 30 April 2025 — KPU Kabupaten Bondowoso',
    ]);
    // Every grant's key, once per audience: those of February claimed by the notices that listed it.
    expect(await recordedKeys(bondowoso)).toEqual([
      'dispensasi:kpu-bondowoso:2025-01:2025-04-25:kasubbag-KUL', 'dispensasi:kpu-bondowoso:2025-01:2025-04-25:sekretaris',
      'dispensasi:kpu-bondowoso:2025-02:2025-04-28:kasubbag-KUL', 'dispensasi:kpu-bondowoso:2025-02:2025-04-28:kasubbag-PDI',
      'dispensasi:kpu-bondowoso:2025-02:2025-04-28:sekretaris', 'dispensasi:kpu-bondowoso:2025-03:2025-04-30:kasubbag-KUL',
      'dispensasi:kpu-bondowoso:2025-03:2025-04-30:kasubbag-PDI', 'dispensasi:kpu-bondowoso:2025-03:2025-04-30:sekretaris',
    ]);
    clock.set(wib(10, 16));
    expect((await hourlyRun()).recorded.filter((k) => k.startsWith('dispensasi:'))).toEqual([]);
    expect(mails(bondowoso)).toHaveLength(6);
  });

  it('a worker killed between the append and the send, restarted as two workers at once, sends each notice once', async () => {
    for (const worker of [...workers]) await stop(worker);
    clock.set(wib(10, 17, 1));
    await grant(lumajang, 2, '2025-04-28', wib(10, 17));
    // The worker's process manager commits its outbox row, then the worker dies before enqueueing the job.
    const outbox = new DispensasiOutbox(db.dataSource);
    const intents = await new DispensasiProcessManager(db.dataSource, events, outbox, clock).catchUp();
    expect(intents.map((i) => i.satker)).toEqual([lumajang.code]);
    expect((await outbox.notEnqueued()).map((i) => i.satker)).toEqual([lumajang.code]);
    expect(mails(lumajang)).toEqual([]);

    await Promise.all([startWorker(), startWorker()]);
    await waitFor(() => mails(lumajang).length === 3, 'the notices of Lumajang', 20_000);
    await waitFor(async () => (await outbox.pending()).length === 0, 'the job marked done', 20_000);
    expect(mails(lumajang)).toEqual([
      'kasubbag.kul@kpu-lumajang.test Dispensasi: batas waktu laporan realisasi Februari 2025 diperpanjang sampai Senin, 28 April 2025 — KPU Kabupaten Lumajang',
      'kasubbag.pdi@kpu-lumajang.test Dispensasi: batas waktu laporan realisasi Februari 2025 diperpanjang sampai Senin, 28 April 2025 — KPU Kabupaten Lumajang',
      'sekretaris@kpu-lumajang.test Dispensasi: batas waktu laporan realisasi Februari 2025 diperpanjang sampai Senin, 28 April 2025 — KPU Kabupaten Lumajang',
    ]);
    // Both workers' runs, and the hourly one, find every key taken; no e-mail is left to send.
    clock.set(wib(10, 18));
    const [a, b] = await Promise.all(workers.map((w) => w.get(ReminderRunner, { strict: false }).run(clock.now())));
    expect([...a.recorded, ...b.recorded].filter((k) => k.startsWith('dispensasi:'))).toEqual([]);
    expect(mails(lumajang)).toHaveLength(3);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE sent_at IS NULL`);
    expect(n).toBe(0);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(smtp.received.length);
  });
});
