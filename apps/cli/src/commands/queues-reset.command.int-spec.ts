import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { recordWorkerBeat } from '@kinerja/jobs/queue-runtime/worker-presence';
import { loadConfig } from '@kinerja/platform/config/load-config';
import type { AppConfig } from '@kinerja/platform';
import { createTestDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from '../../../../test/support/test-database';
import { queuesResetCommand } from './queues-reset.command';

/** `queues:reset` against a real PostgreSQL and Redis: refused while a worker beats, done with --force and told what to do next. */
describe('npm run cli -- queues:reset [--force]', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let redis: Redis;
  const prefix = testRedisPrefix();
  const out: string[] = [];
  const err: string[] = [];
  const run = (args: Record<string, string | boolean>, redisUrl?: string) => {
    out.length = 0;
    err.length = 0;
    const withRedis = redisUrl ? ({ ...config, REDIS_URL: redisUrl } as AppConfig) : config;
    return queuesResetCommand.run(args, { dataSource: db.dataSource, config: withRedis, out: (l) => out.push(l), err: (l) => err.push(l) });
  };
  const lkjJobs = async () => {
    const queue = new Queue('lkj', { connection: { url: testRedisUrl } as never, prefix });
    try {
      return await queue.getJobCounts('waiting', 'delayed');
    } finally {
      await queue.close();
    }
  };
  const addLkjJob = async () => {
    const queue = new Queue('lkj', { connection: { url: testRedisUrl } as never, prefix });
    await queue.add('lkj.reconcile', { reason: 'schedule' }, { delay: 60_000 });
    await queue.close();
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    config = loadConfig({ NODE_ENV: 'test', REDIS_URL: testRedisUrl, REDIS_PREFIX: prefix });
    redis = new Redis(testRedisUrl);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await db.drop();
  });

  it('given a worker beating, when run without --force, then it refuses with 75 and empties nothing', async () => {
    await addLkjJob();
    await recordWorkerBeat(redis, prefix, new Date(), 'worker-a');
    expect(await run({})).toBe(75);
    expect(err.join('\n')).toMatch(/^DITOLAK: 1 worker masih terhubung/);
    expect((await lkjJobs()).delayed).toBe(1);
  });

  it('given a worker beating, when run with --force, then it empties the queues and tells the operator to restart the running workers', async () => {
    expect(await run({ force: true })).toBe(0);
    expect(out[0]).toMatch(/^SELESAI: antrean .* dikosongkan \(\d+ pekerjaan dibuang\)/);
    expect(err.join('\n')).toMatch(/^PERHATIAN: 1 worker masih berjalan; jadwal harian .* Mulai ulang semua worker sekarang\.$/);
    expect(await lkjJobs()).toEqual({ waiting: 0, delayed: 0 });
  });

  it('given no worker, when run, then it empties the queues and says nothing about restarting', async () => {
    await redis.del(`${prefix}:workers`);
    await addLkjJob();
    expect(await run({})).toBe(0);
    expect(err).toEqual([]);
    expect((await lkjJobs()).delayed).toBe(0);
  });

  it('given Redis not answering, then 69 and a line saying so', async () => {
    expect(await run({}, 'redis://127.0.0.1:1')).toBe(69);
    expect(err.join('\n')).toMatch(/^GAGAL: Redis di 127\.0\.0\.1:1 tidak menjawab; antrean tidak dikosongkan\.$/);
  });
});
