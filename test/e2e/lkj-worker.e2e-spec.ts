import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { lkjStreamId } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import { JobQueues, LkjJobs } from '@kinerja/jobs';
import { createRootLogger, loadConfig } from '@kinerja/platform';
import { JEMBER_2024_PK_IN_FORCE, jember2024ApprovedReports } from '@kinerja/reporting';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { waitFor } from '../../libs/jobs/src/lkj/testing/lkj-scenario.testing';
import { YearDriver } from '../../libs/jobs/src/lkj/testing/year-driver.testing';
import { createTestDatabase, TestDatabase, testRedisPrefix, testRedisUrl } from '../support/test-database';

const JEMBER = 'kpu-kab-jember';

/**
 * The worker as it boots in production (every module, the process manager polling the log, BullMQ
 * on the real Redis): the year's last approval produces the LKj once; a restarted worker's
 * reconciliation finds nothing more to do.
 */
describe('the worker produces the LKj once, right after the last approval', () => {
  let db: TestDatabase;
  let dataDir: string;
  let store: EventStore;
  const prefix = testRedisPrefix();

  async function startWorker(): Promise<INestApplicationContext> {
    const config = loadConfig({
      NODE_ENV: 'test', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', DATABASE_URL: db.url, REDIS_URL: testRedisUrl, REDIS_PREFIX: prefix,
      REDIS_AUTOSTART: 'false', JWT_SECRET: 'test-secret-that-is-long-enough-0123456789', ADMIN_PASSWORD: 'admin-password-for-tests',
      SEED_DEMO_ON_EMPTY: 'false', DATA_DIR: dataDir,
    });
    const logger = createRootLogger({ level: 'warn', format: 'json', name: 'kinerja-test' });
    const app = await createWorkerApp({ config, logger, runtime: { databaseUrl: db.url, poolSize: 10, redisUrl: testRedisUrl, embeddedDatabase: false } });
    await app.init();
    return app;
  }

  const lkjTypes = async () => (await store.readStream(lkjStreamId(JEMBER, 2024), { tenantId: JEMBER })).map((e) => e.type);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'kinerja-lkj-worker-'));
    store = new EventStore(db.dataSource);
  });

  afterAll(async () => {
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('follows the approvals, produces v1 once, and a restart adds nothing', async () => {
    const driver = new YearDriver(db.dataSource, store, JEMBER);
    await driver.createOffice('Sekretariat KPU Kabupaten Jember', [
      { code: 'PDI', name: 'Sub. Bagian PDI' }, { code: 'KUL', name: 'Sub. Bagian KUL' }, { code: 'HSDM', name: 'Sub. Bagian HSDM' }, { code: 'TPH', name: 'Sub. Bagian TPH' },
    ]);
    const pk = await driver.approvePk(2024, JEMBER_2024_PK_IN_FORCE.structure);
    let worker = await startWorker();
    try {
      for (const r of jember2024ApprovedReports()) await driver.approveReport(pk, r.month, r.subbagian, { lines: r.lines, budget: r.budget });
      await waitFor(async () => (await lkjTypes()).includes('LkjProduced'), 'LkjProduced', 90_000);
      const queue = worker.get(JobQueues).queue('lkj');
      const job = await queue.getJob('lkj.kpu-kab-jember.2024.v1');
      await waitFor(async () => (await job!.getState()) === 'completed', 'the job to complete');
    } finally {
      await worker.close();
    }
    worker = await startWorker();
    try {
      expect(await worker.get(LkjJobs).reconcile({ reason: 'manual' })).toEqual({ requested: 0, enqueued: 0 });
      expect(await lkjTypes()).toEqual(['LkjRequested', 'LkjProduced']);
      const queue = worker.get(JobQueues).queue('lkj');
      const produced = (await queue.getJobs(['completed', 'waiting', 'active', 'failed', 'delayed'])).filter((j) => j.name === 'lkj.produce');
      expect(produced.map((j) => j.id)).toEqual(['lkj.kpu-kab-jember.2024.v1']);
      expect(await queue.getJobScheduler('lkj-reconcile-daily')).toMatchObject({ pattern: '30 18 * * *' });
    } finally {
      await worker.get(JobQueues).queue('lkj').obliterate({ force: true }).catch(() => undefined);
      await worker.close();
    }
  });
});
