import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { lkjStreamId } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import { JobQueues, LkjService } from '@kinerja/jobs';
import { createRootLogger, loadConfig, PrivateRedis, startPrivateRedis } from '@kinerja/platform';
import { JEMBER_2024_PK_IN_FORCE, jember2024ApprovedReports } from '@kinerja/reporting';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { waitFor } from '../../libs/jobs/src/lkj/testing/lkj-scenario.testing';
import { YearDriver } from '../../libs/jobs/src/lkj/testing/year-driver.testing';
import { freePort } from '../support/processes';
import { createTestDatabase, TestDatabase, testRedisPrefix } from '../support/test-database';

const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SUBBAGIAN = [
  { code: 'PDI', name: 'Sub. Bagian PDI' }, { code: 'KUL', name: 'Sub. Bagian KUL' }, { code: 'HSDM', name: 'Sub. Bagian HSDM' }, { code: 'TPH', name: 'Sub. Bagian TPH' },
];
/** Longer than a job's 3 attempts (5 s and 10 s apart): before the change, every job running then used them all. */
const DATABASE_OUTAGE_MS = 18_000;

/**
 * The worker recovers by itself, without a restart and long before the daily reconciliation (18:30
 * UTC), from what the QA round found left behind by outages (H1, M1, L2): an LKj whose job failed its
 * attempts, Job Schedulers and a queued LKj lost with Redis's data, a job running while PostgreSQL is
 * stopped. Its own database and a private redis-server on a port of its own: the shared services are
 * never stopped. The recovery checks every second here (JOB_RECOVERY_INTERVAL_SECONDS) and retries a
 * failed job 2 s after it failed (JOB_RETRY_FAILED_AFTER_SECONDS).
 */
describe('the worker recovering from outages by itself', () => {
  let db: TestDatabase;
  let admin: Client;
  let dataDir: string;
  let store: EventStore;
  let redis: PrivateRedis | undefined;
  let redisUrl: string;
  let worker: INestApplicationContext | undefined;
  const lines: Array<{ level: number; msg: string; [field: string]: unknown }> = [];

  const lkjTypes = async (satker: string) => (await store.readStream(lkjStreamId(satker, 2024), { tenantId: satker })).map((e) => e.type);
  const lkjQueue = () => worker!.get(JobQueues).queue('lkj');
  const produceJobs = async () => (await lkjQueue().getJobs(['completed', 'waiting', 'active', 'failed', 'delayed'])).filter((j) => j.name === 'lkj.produce');

  /** An office with its PK of 2024 and every report but the year's last approved. */
  async function officeAlmostDone(satker: string, name: string) {
    const driver = new YearDriver(db.dataSource, store, satker);
    await driver.createOffice(name, SUBBAGIAN);
    const pk = await driver.approvePk(2024, JEMBER_2024_PK_IN_FORCE.structure);
    const reports = jember2024ApprovedReports();
    for (const r of reports.slice(0, -1)) await driver.approveReport(pk, r.month, r.subbagian, { lines: r.lines, budget: r.budget });
    const last = reports[reports.length - 1];
    return { driver, approveLast: () => driver.approveReport(pk, last.month, last.subbagian, { lines: last.lines, budget: last.budget }) };
  }

  async function setDatabaseOpen(open: boolean): Promise<void> {
    await admin.query(`ALTER DATABASE ${db.name} WITH ALLOW_CONNECTIONS ${open ? 'true' : 'false'}`);
    // The worker's sessions end, as a restart does; the test's own pool (kinerja-test) checks the outcome.
    if (!open) await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name <> 'kinerja-test'", [db.name]);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    dataDir = await mkdtemp(join(tmpdir(), 'kinerja-worker-recovery-'));
    store = new EventStore(db.dataSource);
    redisUrl = `redis://127.0.0.1:${await freePort()}`;
    redis = await startPrivateRedis(redisUrl, join(dataDir, 'redis-1'));

    const config = loadConfig({
      NODE_ENV: 'test', LOG_LEVEL: 'info', LOG_FORMAT: 'json', DATABASE_URL: db.url, REDIS_URL: redisUrl, REDIS_PREFIX: testRedisPrefix(),
      REDIS_AUTOSTART: 'false', JWT_SECRET: 'test-secret-that-is-long-enough-0123456789', ADMIN_PASSWORD: 'admin-password-for-tests',
      SEED_DEMO_ON_EMPTY: 'false', DATA_DIR: dataDir, JOB_RECOVERY_INTERVAL_SECONDS: '1', JOB_RETRY_FAILED_AFTER_SECONDS: '2',
    });
    const logger = createRootLogger({ level: 'info', format: 'json', name: 'kinerja-test', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
    worker = await createWorkerApp({ config, logger, runtime: { databaseUrl: db.url, poolSize: 10, redisUrl, embeddedDatabase: false } });
    await worker.init();
  }, 60_000);

  afterAll(async () => {
    await setDatabaseOpen(true).catch(() => undefined);
    await worker?.close();
    await redis?.stop();
    await admin?.end();
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('given the LKj files cannot be written until the job used its 3 attempts, then GET says it is retried, and it is produced once as soon as they can (H1)', async () => {
    const satker = 'kpu-kab-jember';
    const { approveLast } = await officeAlmostDone(satker, 'Sekretariat KPU Kabupaten Jember');
    // The office's folder under DATA_DIR/lkj is a file: every write fails (as EPERM or ENOSPC would).
    mkdirSync(join(dataDir, 'lkj'), { recursive: true });
    await writeFile(join(dataDir, 'lkj', satker), 'not a folder');
    const began = Date.now();
    await approveLast();

    const lkj = worker!.get(LkjService);
    const retrying = await waitFor(async () => (await lkj.overview(satker, 2024)).retrying !== null, 'GET to say the LKj is being retried', 60_000)
      .then(() => lkj.overview(satker, 2024));
    expect(retrying).toMatchObject({ status: 'pending', blocked: null });
    expect(retrying.retrying).toMatchObject({
      code: 'LKJ.PRODUCTION_RETRYING', versions: [1], failedAttempts: expect.any(Number),
      message: expect.stringMatching(/^LKj 2024 versi 1 belum berhasil dibuat: \d+ kali percobaan .* Kinerja mencobanya lagi secara otomatis/),
    });
    expect(retrying.retrying!.failedAttempts).toBeGreaterThanOrEqual(3);
    const [failing] = await db.dataSource.query(`SELECT failed_attempts, last_error FROM lkj_outbox WHERE satker_code = $1`, [satker]);
    expect(failing.last_error).toEqual(expect.any(String)); // for operators; the Sekretaris reads the message

    await rm(join(dataDir, 'lkj', satker));
    await waitFor(async () => (await lkjTypes(satker)).includes('LkjProduced'), 'LkjProduced once the files can be written', 60_000);
    // Minutes, not the next 18:30 UTC, and no worker restart (the same application throughout).
    expect(Date.now() - began).toBeLessThan(90_000);
    expect(await lkjTypes(satker)).toEqual(['LkjRequested', 'LkjProduced']);
    const view = await lkj.overview(satker, 2024);
    expect(view).toMatchObject({ status: 'produced', retrying: null, blocked: null });
    expect((await produceJobs()).filter((j) => j.data.satker === satker).map((j) => j.id)).toEqual(['lkj.kpu-kab-jember.2024.v1']);
    const [row] = await db.dataSource.query(`SELECT produced_at FROM lkj_outbox WHERE satker_code = $1`, [satker]);
    expect(row.produced_at).not.toBeNull();
  }, 150_000);

  it('given PostgreSQL stopped longer than a job\'s attempts while the LKj job runs, then it is produced once within seconds of its return, no job failing its last attempt (L2)', async () => {
    const satker = 'kpu-kab-bondowoso';
    const { approveLast } = await officeAlmostDone(satker, 'Sekretariat KPU Kabupaten Bondowoso');
    // Held in the queue until the database is gone, so that the job surely runs during the outage.
    await lkjQueue().pause();
    await approveLast();
    await waitFor(async () => (await produceJobs()).some((j) => j.data.satker === satker), 'the LKj job queued', 60_000);

    await setDatabaseOpen(false);
    const outageLines = lines.length;
    await lkjQueue().resume();
    // (The test's own pool may not open a session either meanwhile: nothing is read until it is back.)
    await new Promise((resolve) => setTimeout(resolve, DATABASE_OUTAGE_MS));
    await setDatabaseOpen(true);
    const back = Date.now();

    await waitFor(async () => (await lkjTypes(satker)).includes('LkjProduced'), 'LkjProduced after the database came back', 60_000);
    expect(Date.now() - back).toBeLessThan(30_000);
    expect(await lkjTypes(satker)).toEqual(['LkjRequested', 'LkjProduced']);
    const during = lines.slice(outageLines);
    expect(during.filter((l) => /Job failed/.test(l.msg))).toEqual([]);
    expect(during).toContainEqual(expect.objectContaining({ level: 40, msg: 'Jobs postponed until the database answers (database unavailable)', queue: 'lkj' }));
    const [job] = (await produceJobs()).filter((j) => j.data.satker === satker);
    expect(job.id).toBe('lkj.kpu-kab-bondowoso.2024.v1');
    expect(job.attemptsMade).toBe(1);
  }, 150_000);

  it('given Redis restarted without its data, then the Job Schedulers come back and a queued LKj lost with it is produced once, without a restart (M1)', async () => {
    const satker = 'kpu-kab-jember';
    const lkj = worker!.get(LkjService);
    const driver = new YearDriver(db.dataSource, store, satker);
    // A draft asked for while the queue holds its job: enqueued (PostgreSQL says so), not run.
    await lkjQueue().pause();
    const asked = await lkj.request(satker, 2024, true, null, { id: driver.sekretaris.userId, role: 'SEKRETARIS' });
    expect(asked.view).toMatchObject({ version: 2, draft: true, status: 'pending' });
    const [queued] = await db.dataSource.query(`SELECT enqueued_at FROM lkj_outbox WHERE satker_code = $1 AND version = 2`, [satker]);
    expect(queued.enqueued_at).not.toBeNull();
    expect((await produceJobs()).map((j) => j.id)).toContain('lkj.kpu-kab-jember.2024.v2');

    // Redis goes away and comes back empty (`shutdown nosave`, a failover to an empty replica).
    await redis!.stop();
    redis = await startPrivateRedis(redisUrl, join(dataDir, 'redis-2'));

    const schedulers = async (queue: 'audit' | 'lkj' | 'files' | 'reminders') => (await worker!.get(JobQueues).queue(queue).getJobSchedulers(0, -1)).map((s) => s.key);
    await waitFor(async () => {
      const present = [...await schedulers('audit'), ...await schedulers('lkj'), ...await schedulers('files'), ...await schedulers('reminders')];
      return ['audit-digest-daily', 'lkj-reconcile-daily', 'files-sweep-daily', 'reminders-catch-up', 'notifications-dispatch'].every((id) => present.includes(id));
    }, 'every Job Scheduler registered again', 60_000);
    expect(await schedulers('lkj')).toEqual(['lkj-reconcile-daily']);

    await waitFor(async () => (await lkjTypes(satker)).filter((t) => t === 'LkjProduced').length === 2, 'the lost draft produced', 60_000);
    expect(await lkjTypes(satker)).toEqual(['LkjRequested', 'LkjProduced', 'LkjRequested', 'LkjProduced']);
    expect((await produceJobs()).map((j) => j.id)).toEqual(['lkj.kpu-kab-jember.2024.v2']);
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, msg: 'Jobs Redis no longer had were enqueued again', jobIds: ['lkj.kpu-kab-jember.2024.v2'] }));
  }, 150_000);
});
