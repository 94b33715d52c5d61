import { existsSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Worker, type ConnectionOptions } from 'bullmq';
import { ControllableClock, redisOptions } from '@kinerja/platform';
import { loadConfig } from '@kinerja/platform/config/load-config';
import { createTestDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from '../../../../test/support/test-database';
import { lkjFileStore } from '../lkj/lkj-file-integrity';
import { JobQueues } from '../queue-runtime/job-queues';
import { FileSweep, type FileSweepReport } from './file-sweep';
import { FILE_SWEEP_PATTERN, FILE_SWEEP_SCHEDULER, FileSweepJobs } from './file-sweep-jobs';

describe('daily file sweep job (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let dataDir: string;
  let queues: JobQueues;
  let sweep: FileSweep;
  const clock = new ControllableClock(new Date());
  const logger = pino({ level: 'silent' });
  const jobsWith = (env: Record<string, string>) => new FileSweepJobs(sweep, queues, loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...env }), logger);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'kinerja-sweep-job-'));
    sweep = new FileSweep(db.dataSource, { dataDir, retentionDays: 30 }, clock, logger);
    queues = new JobQueues({ connection: redisOptions(testRedisUrl) as ConnectionOptions, prefix: testRedisPrefix() });
  });

  afterAll(async () => {
    await queues.queue('files').obliterate({ force: true });
    await queues.onApplicationShutdown();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers one Job Scheduler (not a repeatable job), however often the worker starts', async () => {
    await jobsWith({}).onApplicationBootstrap();
    await jobsWith({}).onApplicationBootstrap();
    const schedulers = await queues.queue('files').getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern, s.name])).toEqual([[FILE_SWEEP_SCHEDULER, FILE_SWEEP_PATTERN, 'files.sweep']]);
  });

  it('FILE_SWEEP_ENABLED=false removes the scheduler at the next start', async () => {
    await jobsWith({ FILE_SWEEP_ENABLED: 'false' }).onApplicationBootstrap();
    expect(await queues.queue('files').getJobSchedulers()).toEqual([]);
    await jobsWith({ FILE_SWEEP_ENABLED: 'true' }).onApplicationBootstrap();
    expect((await queues.queue('files').getJobSchedulers()).map((s) => s.key)).toEqual([FILE_SWEEP_SCHEDULER]);
  });

  it('runs the sweep when its job comes due', async () => {
    const lkj = lkjFileStore(dataDir);
    const orphan = await lkj.write('kpu-a', Buffer.from('LKj of a producer that lost'));
    const old = (Date.now() - 2 * 24 * 60 * 60 * 1000) / 1000;
    utimesSync(lkj.pathOf('kpu-a', orphan.sha256), old, old);
    const jobs = jobsWith({});
    const [due] = (await queues.queue('files').getDelayed()).filter((j) => j.name === 'files.sweep');
    expect(due.data).toEqual({ reason: 'schedule' });
    const done = new Promise<FileSweepReport>((resolve, reject) => {
      const worker = new Worker('files', async (job) => {
        expect(job.name).toBe('files.sweep');
        return jobs.sweep(job.data);
      }, { connection: queues.connection.connection, prefix: queues.connection.prefix });
      worker.on('completed', (_job, result: FileSweepReport) => void worker.close().then(() => resolve(result)));
      worker.on('failed', (_job, error) => void worker.close().then(() => reject(error)));
    });
    await due.promote();
    const report = await done;
    expect(report.orphanLkjFiles).toEqual({ files: 1, bytes: orphan.size });
    expect(existsSync(lkj.pathOf('kpu-a', orphan.sha256))).toBe(false);
  });
});
