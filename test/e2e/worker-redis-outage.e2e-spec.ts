import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { lkjStreamId } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import { JobQueues } from '@kinerja/jobs';
import { createRootLogger, loadConfig, PrivateRedis, startPrivateRedis } from '@kinerja/platform';
import { JEMBER_2024_PK_IN_FORCE, jember2024ApprovedReports } from '@kinerja/reporting';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { waitFor } from '../../libs/jobs/src/lkj/testing/lkj-scenario.testing';
import { YearDriver } from '../../libs/jobs/src/lkj/testing/year-driver.testing';
import { freePort } from '../support/processes';
import { createTestDatabase, TestDatabase, testRedisPrefix } from '../support/test-database';

const JEMBER = 'kpu-kab-jember';

/**
 * The year's last approval lands while Redis is down: the LKj is asked for (PostgreSQL) but its job
 * cannot be queued, and the enqueue gives up rather than hold the poll. Once Redis is back the job
 * reaches the queue by itself within seconds (the next poll queues what the outbox says never got
 * there), not at the next daily reconciliation, and the report is produced exactly once.
 */
describe('the worker when Redis goes away as the year completes', () => {
  let db: TestDatabase;
  let dataDir: string;
  let store: EventStore;
  let redis: PrivateRedis | undefined;
  let redisUrl: string;
  let worker: INestApplicationContext | undefined;

  const lkjTypes = async () => (await store.readStream(lkjStreamId(JEMBER, 2024), { tenantId: JEMBER })).map((e) => e.type);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'kinerja-worker-redis-'));
    store = new EventStore(db.dataSource);
    redisUrl = `redis://127.0.0.1:${await freePort()}`;
    redis = await startPrivateRedis(redisUrl, dataDir);
  });

  afterAll(async () => {
    await worker?.close();
    await redis?.stop();
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('queues the stranded LKj as soon as Redis answers again, and produces it once', async () => {
    const driver = new YearDriver(db.dataSource, store, JEMBER);
    await driver.createOffice('Sekretariat KPU Kabupaten Jember', [
      { code: 'PDI', name: 'Sub. Bagian PDI' }, { code: 'KUL', name: 'Sub. Bagian KUL' }, { code: 'HSDM', name: 'Sub. Bagian HSDM' }, { code: 'TPH', name: 'Sub. Bagian TPH' },
    ]);
    const pk = await driver.approvePk(2024, JEMBER_2024_PK_IN_FORCE.structure);
    const reports = jember2024ApprovedReports();
    for (const r of reports.slice(0, -1)) await driver.approveReport(pk, r.month, r.subbagian, { lines: r.lines, budget: r.budget });

    const config = loadConfig({
      NODE_ENV: 'test', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', DATABASE_URL: db.url, REDIS_URL: redisUrl, REDIS_PREFIX: testRedisPrefix(),
      REDIS_AUTOSTART: 'false', JWT_SECRET: 'test-secret-that-is-long-enough-0123456789', ADMIN_PASSWORD: 'admin-password-for-tests',
      SEED_DEMO_ON_EMPTY: 'false', DATA_DIR: dataDir,
    });
    const logger = createRootLogger({ level: 'error', format: 'json', name: 'kinerja-test' });
    worker = await createWorkerApp({ config, logger, runtime: { databaseUrl: db.url, poolSize: 10, redisUrl, embeddedDatabase: false } });
    await worker.init();

    await redis!.stop();
    redis = undefined;
    const last = reports[reports.length - 1];
    await driver.approveReport(pk, last.month, last.subbagian, { lines: last.lines, budget: last.budget });
    // The process manager asks for the LKj (PostgreSQL works); its job cannot reach the queue.
    await waitFor(async () => (await lkjTypes()).includes('LkjRequested'), 'LkjRequested', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const stranded: Array<{ enqueued_at: Date | null }> = await db.dataSource.query('SELECT enqueued_at FROM lkj_outbox');
    expect(stranded).toEqual([{ enqueued_at: null }]);
    expect(await lkjTypes()).toEqual(['LkjRequested']);

    redis = await startPrivateRedis(redisUrl, dataDir);
    await waitFor(async () => (await lkjTypes()).includes('LkjProduced'), 'LkjProduced after Redis came back', 90_000);
    const queue = worker.get(JobQueues).queue('lkj');
    const job = await queue.getJob('lkj.kpu-kab-jember.2024.v1');
    await waitFor(async () => (await job!.getState()) === 'completed', 'the job to complete');
    expect(await lkjTypes()).toEqual(['LkjRequested', 'LkjProduced']);
    const produced = (await queue.getJobs(['completed', 'waiting', 'active', 'failed', 'delayed'])).filter((j) => j.name === 'lkj.produce');
    expect(produced.map((j) => j.id)).toEqual(['lkj.kpu-kab-jember.2024.v1']);
  }, 240_000);
});
