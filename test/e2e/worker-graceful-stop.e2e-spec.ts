import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import Redis from 'ioredis';
import { LkjEnqueuer, LkjService, workerPresence } from '@kinerja/jobs';
import { LkjScenario } from '../../libs/jobs/src/lkj/testing/lkj-scenario.testing';
import { freePort, projectRoot, RunningProcess, startCompiled, waitFor } from '../support/processes';
import { testRedisUrl } from '../support/test-database';

const JEMBER = 'kpu-kab-jember';
const JOB_ID = 'lkj.kpu-kab-jember.2024.v1';

/**
 * A rolling deploy stops a worker with SIGTERM while it produces an LKj. The worker must stop
 * taking jobs, let the running one finish, and only then close Redis and the database: the job
 * completes on its first attempt, LkjProduced is recorded once, nothing is logged as an error and
 * the process exits 0. The job is held mid-way (its read of `chain_digests` waits for a lock this
 * test holds) so that the signal is sure to arrive while it runs; the lock is let go only well
 * after the signal, when a worker that closes its database first would already have done so.
 * The same holds for `npm start` (API and worker in one process). Meanwhile the worker's heartbeat
 * (docker-compose.yml's health check) says it is alive while it runs, and not once it stops.
 */
describe.each([
  ['the worker alone', 'apps/worker/src/main.js'],
  ['API and worker in one process', 'apps/kinerja/src/main.js'],
])('%s, sent SIGTERM while an LKj job runs', (_label, entry) => {
  const scenario = new LkjScenario();
  let process_: RunningProcess | undefined;
  let locker: Client | undefined;
  // The worker's own temporary directory, where it keeps its heartbeat.
  const tmp = mkdtempSync(join(tmpdir(), 'kinerja-graceful-tmp-'));
  const healthcheck = () =>
    spawnSync(process.execPath, [resolve(projectRoot, 'dist/apps/worker/src/healthcheck.js')], { env: { PATH: process.env.PATH ?? '', TMPDIR: tmp }, encoding: 'utf8' });

  beforeAll(async () => {
    await scenario.start();
  });

  afterAll(async () => {
    await process_?.stop('SIGKILL');
    await locker?.end().catch(() => undefined);
    await scenario.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('lets the job finish, then exits 0 without logging an error', async () => {
    const port = await freePort();
    const worker = startCompiled(entry, {
      DATABASE_URL: scenario.db.url,
      REDIS_URL: testRedisUrl,
      REDIS_PREFIX: scenario.prefix,
      REDIS_AUTOSTART: 'false',
      DATA_DIR: scenario.dataDir,
      PORT: String(port),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      ADMIN_PASSWORD: 'graceful-stop-admin-password',
      SEED_DEMO_ON_EMPTY: 'false',
      TMPDIR: tmp,
    });
    process_ = worker;
    const started = entry.includes('worker') ? 'Worker started' : 'Kinerja is running';
    await waitFor(async () => (worker.output().includes(started) ? true : undefined), 60_000, () => worker.output());
    await waitFor(async () => (existsSync(join(tmp, 'kinerja-worker.heartbeat')) ? true : undefined), 15_000, () => worker.output());
    expect(healthcheck()).toMatchObject({ status: 0, stdout: expect.stringContaining('worker alive') });
    // ... and every API replica's /health counts it, from Redis.
    const redis = new Redis(testRedisUrl);
    try {
      expect(await workerPresence(redis, scenario.prefix, new Date())).toMatchObject({ alive: 1 });
    } finally {
      redis.disconnect();
    }

    // Hold the job at its read of the latest signed digest.
    locker = new Client({ connectionString: scenario.db.url, application_name: 'kinerja-test-locker' });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE chain_digests IN ACCESS EXCLUSIVE MODE');

    const enqueuer = new LkjEnqueuer(scenario.queues, scenario.parts.outbox, scenario.clock);
    const lkj = new LkjService(
      scenario.db.dataSource, scenario.parts.streams, scenario.parts.outbox, enqueuer, scenario.parts.processManager,
      scenario.parts.files, scenario.clock, scenario.integrity(), scenario.parts.chain,
    );
    await lkj.request(JEMBER, 2024, true, null, { id: scenario.driver.sekretaris.userId, role: 'SEKRETARIS' });

    const blocked = async () => {
      const rows = await scenario.db.dataSource.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%chain_digests%'`,
      );
      return rows.length > 0 ? true : undefined;
    };
    await waitFor(blocked, 60_000, () => worker.output());
    const job = await scenario.queues.queue('lkj').getJob(JOB_ID);
    expect(await job!.getState()).toBe('active');

    worker.child.kill('SIGTERM');
    await waitFor(async () => (worker.output().includes('"msg":"Stopping"') ? true : undefined), 10_000, () => worker.output());
    // Long enough for a worker that closes its database before its jobs to have done so.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(worker.child.exitCode).toBeNull();
    await locker.query('ROLLBACK');

    expect(await worker.exited).toBe(0);
    process_ = undefined;
    const output = worker.output();
    const lines = output.split('\n').filter((line) => line.startsWith('{'));
    expect(lines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50)).toEqual([]);
    expect(lines.filter((line) => line.includes('Job failed'))).toEqual([]);
    // One process, two Nest applications, one database module definition: @nestjs/typeorm's name
    // registry once warned at every `npm start` that their data sources "override each other".
    expect(lines.filter((line) => (JSON.parse(line) as { level: number }).level >= 40 && /data source/i.test(line))).toEqual([]);
    // The development signing key is said once, not once by the API and once by the worker.
    expect(lines.filter((line) => line.includes('DIGEST_SIGNING_KEY is not set'))).toHaveLength(1);
    expect(output).toContain('"msg":"Queue workers stopped"');

    expect(await scenario.lkjEventTypes()).toEqual(['LkjRequested', 'LkjProduced']);
    const done = await scenario.queues.queue('lkj').getJob(JOB_ID);
    expect(await done!.getState()).toBe('completed');
    expect(done!.attemptsMade).toBe(1);
    expect(done!.failedReason).toBeFalsy();
    expect(done!.stacktrace ?? []).toEqual([]);

    expect(healthcheck()).toMatchObject({ status: 1, stdout: expect.stringContaining('no heartbeat') });
    const after = new Redis(testRedisUrl);
    try {
      expect(await workerPresence(after, scenario.prefix, new Date())).toMatchObject({ alive: 0 });
    } finally {
      after.disconnect();
    }
  }, 120_000);
});
