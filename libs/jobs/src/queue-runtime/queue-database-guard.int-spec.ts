import { Worker } from 'bullmq';
import Redis from 'ioredis';
import pino from 'pino';
import { Client } from 'pg';
import { EventStore } from '@kinerja/event-store';
import { createDataSource, redisOptions } from '@kinerja/platform';
import { testRedisUrl } from '../../../../test/support/test-database';
import { createLkjParts } from '../lkj/demo-lkj';
import { LkjEnqueuer } from '../lkj/lkj-enqueuer';
import { JEMBER, LkjScenario, waitFor } from '../lkj/testing/lkj-scenario.testing';
import { YearDriver } from '../lkj/testing/year-driver.testing';
import { IntegrityAlertNoticeOutbox, type IntegrityAlertNoticeIntent } from '../reminders/integrity-alert/integrity-alert-notice-outbox';
import { JobOutboxRelay } from './job-outbox-relay';
import { JobQueues } from './job-queues';
import { QueueDatabaseGuard, type QueueDatabaseCheck } from './queue-database-guard';

/** A correction of a narrative (an unchanged one is REALISASI.REVISION_UNCHANGED). */
function corrected<L extends { narrative: string }>(lines: L[], note: string): L[] {
  return lines.map((l, i) => (i === 0 ? { ...l, narrative: `${l.narrative} (${note})` } : l));
}

/**
 * A database restored from a backup the README's way (the database replaced, Redis kept) reuses the
 * numbers its job ids are made of: the next LKj version, the next integrity alert. Through the real
 * PostgreSQL (the restore is a copy taken with CREATE DATABASE … TEMPLATE and put back the same way),
 * the real Redis and BullMQ: the worker's check at start empties the queues, so the new request is
 * carried out exactly once; workers starting together empty them once; a normal restart keeps them.
 */
describe('QueueDatabaseGuard: after a restore, no job is held back by a stale job id in Redis', () => {
  const s = new LkjScenario();
  const silent = pino({ level: 'silent' });
  const announced: string[] = [];
  const extraRedis: Redis[] = [];
  const extraQueues: JobQueues[] = [];
  let redis: Redis;
  let alerts: IntegrityAlertNoticeOutbox;
  let lkjWorker: Worker | null = null;
  let noticeWorker: Worker | null = null;
  const produced: string[] = [];
  const announcedAlerts: number[] = [];
  const snapshot = () => `${s.db.name}_backup`;

  const guard = (redisClient = redis, queues = s.queues) => new QueueDatabaseGuard(s.db.dataSource, redisClient, queues, silent, (line) => announced.push(line));
  async function admin(sql: string): Promise<void> {
    const url = new URL(s.db.url);
    url.pathname = '/postgres';
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
  /** The processes' connections closed while `work` runs on the database, then opened anew (as a restarted worker opens them). */
  async function reconnectedAround(work: () => Promise<void>): Promise<void> {
    await s.db.dataSource.destroy();
    await work();
    s.db = { ...s.db, dataSource: await createDataSource({ url: s.db.url, poolSize: 5, applicationName: 'kinerja-test' }).initialize() };
    restartWorkerParts();
  }
  /** pg_dump's moment: a copy of the database as it is now (no session may be connected to it meanwhile). */
  const backup = () => reconnectedAround(() => admin(`CREATE DATABASE ${snapshot()} TEMPLATE ${s.db.name}`));
  /** dropdb, createdb, pg_restore: the database replaced by the copy, under the same name; Redis untouched. */
  const restore = () => reconnectedAround(async () => {
    await admin(`DROP DATABASE ${s.db.name} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${s.db.name} TEMPLATE ${snapshot()}`);
  });
  /** What a worker process holds in memory starts afresh over the (re)opened database. */
  function restartWorkerParts(): void {
    alerts = new IntegrityAlertNoticeOutbox(s.db.dataSource);
    s.store = new EventStore(s.db.dataSource);
    s.parts = createLkjParts(s.db.dataSource, { DATA_DIR: s.dataDir }, s.clock, s.store, silent);
    s.enqueuer = new LkjEnqueuer(s.queues, s.parts.outbox, s.clock);
    s.driver = new YearDriver(s.db.dataSource, s.store, JEMBER);
  }
  async function stopWorkers(): Promise<void> {
    await lkjWorker?.close();
    await noticeWorker?.close();
    lkjWorker = noticeWorker = null;
  }
  function startWorkers(): void {
    lkjWorker = s.startWorker((id) => produced.push(id));
    noticeWorker = new Worker('reminders', async (job) => {
      if (job.name !== 'reminders.integrity-alert') throw new Error(`unexpected job ${job.name}`);
      announcedAlerts.push(job.data.alertId);
      await alerts.markDone({ satker: job.data.satker, alertId: job.data.alertId }, s.clock.now());
    }, { connection: redisOptions(testRedisUrl) as never, prefix: s.prefix });
  }
  const alertRelay = () => new JobOutboxRelay(s.queues, alerts, s.clock, {
    name: 'reminders.integrity-alert', payload: (i: IntegrityAlertNoticeIntent) => ({ satker: i.satker, alertId: i.alertId }),
  });
  /** An alert about a stored file (it holds no LKj back), recorded with its notice row, relayed as the worker's poll does. */
  async function recordAlert(damage: string): Promise<number> {
    await s.db.dataSource.query(
      `INSERT INTO integrity_alerts (satker_code, detected_at, source, kind, detail, subject) VALUES ($1, $2, 'verify', 'file_missing', 'hilang', $3)`,
      [JEMBER, s.clock.now(), `evidence:${damage}`],
    );
    const intents = await alerts.recordUnannounced();
    await alertRelay().enqueue(intents);
    return intents[0].alertId;
  }
  async function requestLkjAgain(note: string): Promise<number> {
    const report = s.reports.find((r) => r.month === 3 && r.subbagian === 'KUL')!;
    await s.driver.reviseReport(s.pk, 3, 'KUL', { lines: corrected(report.lines, note), budget: report.budget }, `Koreksi ${note}`);
    const intents = await s.parts.processManager.catchUpThroughNow();
    await s.enqueuer.enqueue(intents);
    return intents[0].version;
  }
  const countOf = (items: readonly unknown[], item: unknown) => items.filter((i) => i === item).length;

  beforeAll(async () => {
    await s.start();
    redis = new Redis(testRedisUrl);
    alerts = new IntegrityAlertNoticeOutbox(s.db.dataSource);
    await s.approveYear();
    await s.enqueuer.enqueue(await s.parts.processManager.catchUpThroughNow());
    startWorkers();
    await waitFor(() => produced.includes('lkj.kpu-kab-jember.2024.v1'), 'LKj v1');
  });

  afterAll(async () => {
    await stopWorkers();
    if (s.db?.dataSource.isInitialized) await s.db.dataSource.destroy();
    for (const q of extraQueues) await q.onApplicationShutdown();
    for (const r of extraRedis) await r.quit();
    for (const name of ['reminders', 'audit', 'files'] as const) await s.queues.queue(name).obliterate({ force: true }).catch(() => undefined);
    const keys = await redis.keys(`${s.prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await s.stop();
    await admin(`DROP DATABASE IF EXISTS ${snapshot()} WITH (FORCE)`);
  });

  it('binds the queues to the database at the first start, emptying nothing', async () => {
    expect((await guard().checkAtStart()).outcome).toBe('first-start');
    expect(await s.queues.queue('lkj').getJob('lkj.kpu-kab-jember.2024.v1')).toBeDefined();
    expect(announced).toEqual([]);
  });

  it('leaves waiting and delayed jobs and the schedulers alone at a normal restart', async () => {
    await s.queues.add('files.sweep', { reason: 'manual' }, { jobId: 'sweep.by-hand' });
    await s.queues.add('audit.digest-office', { satker: JEMBER, day: '2025-01-10' }, { jobId: 'digest.later', delay: 3_600_000 });
    await s.queues.queue('files').upsertJobScheduler('files-sweep-daily', { pattern: '0 30 3 * * *' }, { name: 'files.sweep', data: { reason: 'schedule' } });
    const check = await guard().checkAtStart();
    expect(check.outcome).toBe('same-database');
    expect(await (await s.queues.queue('files').getJob('sweep.by-hand'))?.getState()).toBe('waiting');
    expect(await (await s.queues.queue('audit').getJob('digest.later'))?.getState()).toBe('delayed');
    expect((await s.queues.queue('files').getJobSchedulers()).map((j) => j.key)).toEqual(['files-sweep-daily']);
    expect(await s.queues.queue('lkj').getJob('lkj.kpu-kab-jember.2024.v1')).toBeDefined();
    expect(announced).toEqual([]);
  });

  it('after a restore, the next LKj version and the next alert notice, whose ids Redis has seen finish, are each carried out once', async () => {
    await backup();
    // After the backup: LKj v2 produced and alert 1 announced; their finished jobs stay in Redis.
    expect(await requestLkjAgain('sebelum pemulihan')).toBe(2);
    const first = await recordAlert('before-restore');
    await waitFor(() => produced.includes('lkj.kpu-kab-jember.2024.v2') && announcedAlerts.includes(first), 'LKj v2 and alert 1 before the restore');
    await guard().raiseMark();

    await stopWorkers();
    await restore();
    const check = await guard().checkAtStart(); // the worker's start, before it enqueues anything
    expect(check).toMatchObject({ outcome: 'emptied', reason: 'another-database' });
    expect((check as Extract<QueueDatabaseCheck, { outcome: 'emptied' }>).jobsRemoved).toBeGreaterThanOrEqual(4);
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatch(/^PERHATIAN: basis data ini bukan basis data yang mengisi antrean .* Antrean pekerjaan di Redis dikosongkan \(\d+ pekerjaan dibuang\)/);
    startWorkers();

    // The restored database asks for v2 again and numbers the next alert 1 again.
    expect(await requestLkjAgain('setelah pemulihan')).toBe(2);
    const again = await recordAlert('after-restore');
    expect(again).toBe(first);
    await waitFor(() => countOf(produced, 'lkj.kpu-kab-jember.2024.v2') === 2 && countOf(announcedAlerts, first) === 2, 'LKj v2 and alert 1 after the restore', 20_000);
    expect((await s.parts.streams.load(JEMBER, 2024)).state.versions.map((v) => [v.version, v.produced !== null])).toEqual([[1, true], [2, true]]);
    expect(await s.lkjEventTypes()).toEqual(['LkjRequested', 'LkjProduced', 'LkjMarkedStale', 'LkjRequested', 'LkjProduced']);
    expect(await alerts.pending()).toEqual([]);
    // The Job Schedulers went with the rest: every worker start upserts them again.
    expect(await s.queues.queue('files').getJobSchedulers()).toEqual([]);
  });

  it('catches a backup restored into the same database: the event log went back below the mark the queues saw', async () => {
    const now = await guard().check();
    expect(now.outcome).toBe('same-database');
    // What Redis holds when this very database had gone further before a backup of it was restored in place.
    await redis.hset(`${s.prefix}:queues:database`, 'position', String(now.database.position + 25));
    const check = await guard().checkAtStart();
    expect(check).toMatchObject({ outcome: 'emptied', reason: 'log-went-back', before: { position: now.database.position + 25 } });
    expect(announced.at(-1)).toContain(`log peristiwa basis data mundur (posisi ${now.database.position}, antrean terakhir melihat ${now.database.position + 25})`);
    expect(await s.queues.queue('lkj').getJob('lkj.kpu-kab-jember.2024.v2')).toBeUndefined();
    // The mark then follows the log again, and a restart finds nothing to empty.
    expect((await guard().check()).outcome).toBe('same-database');
  });

  it('workers starting together after a restore empty the queues once, and never the jobs another one has just enqueued', async () => {
    await stopWorkers();
    await restore();
    const workers = Array.from({ length: 4 }, () => {
      const client = new Redis(testRedisUrl);
      const queues = new JobQueues({ connection: redisOptions(testRedisUrl) as never, prefix: s.prefix });
      extraRedis.push(client);
      extraQueues.push(queues);
      return { client, queues };
    });
    const outcomes = await Promise.all(workers.map(async ({ client, queues }, i) => {
      const check = await guard(client, queues).check();
      // Each worker's start enqueues its fresh jobs right after its check.
      await queues.add('files.sweep', { reason: 'manual' }, { jobId: `fresh.${i}`, delay: 3_600_000 });
      return check.outcome;
    }));
    expect(outcomes.filter((o) => o === 'emptied')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'same-database')).toHaveLength(3);
    const fresh = await s.queues.queue('files').getJobs(['delayed']);
    expect(fresh.map((j) => j.id).sort()).toEqual(['fresh.0', 'fresh.1', 'fresh.2', 'fresh.3']);
  });
});
