import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import Redis from 'ioredis';
import { ControllableClock, redisOptions } from '@kinerja/platform';
import { createTestDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from '../../../../test/support/test-database';
import { CatatanReviuNoticeOutbox, type CatatanReviuNoticeIntent } from '../reminders/catatan-reviu/catatan-reviu-notice-outbox';
import { JobOutboxRelay } from './job-outbox-relay';
import { JobQueues, QueueUnavailableError } from './job-queues';

/**
 * The shared job outbox, over the catatan reviu notices' table and the real Redis: whatever the
 * number of workers relaying it and whatever Redis loses, each row's job runs once, and no row is
 * left behind.
 */
describe('JobOutbox and JobOutboxRelay', () => {
  let db: TestDatabase;
  let outbox: CatatanReviuNoticeOutbox;
  let queues: JobQueues;
  let redis: Redis;
  const prefix = testRedisPrefix();
  const clock = new ControllableClock(new Date('2025-05-10T03:00:00Z'));
  const workers: Worker[] = [];
  const relay = (q: Pick<JobQueues, 'add' | 'inspect'> = queues) => new JobOutboxRelay(q, outbox, clock, {
    name: 'reminders.catatan-reviu', payload: (i: CatatanReviuNoticeIntent) => ({ satker: i.satker, streamId: i.streamId, eventId: i.eventId }),
  });
  const record = (satker = 'kpu-jember', eventId = randomUUID()) =>
    db.dataSource.transaction((m) => outbox.record(m, { satker, streamId: `catatan-reviu:${satker}:${eventId}`, eventId }, clock.now()));
  const rows = async () => (await db.dataSource.query(
    `SELECT event_id, enqueued_at, announced_at FROM catatan_reviu_notice_outbox ORDER BY requested_at, event_id`,
  )) as Array<{ event_id: string; enqueued_at: Date | null; announced_at: Date | null }>;

  /** A worker that runs each job as the notices' handler does: the work (counted), then the row marked done. */
  function startWorker(runs: string[], fail: (eventId: string) => boolean = () => false): Worker {
    const worker = new Worker('reminders', async (job) => {
      if (fail(job.data.eventId)) throw new Error('SMTP away');
      runs.push(job.data.eventId);
      await outbox.markDone({ satker: job.data.satker, eventId: job.data.eventId }, clock.now());
    }, { connection: redisOptions(testRedisUrl) as never, prefix, concurrency: 4 });
    workers.push(worker);
    return worker;
  }
  const waitFor = async (done: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + 20_000;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    outbox = new CatatanReviuNoticeOutbox(db.dataSource);
    queues = new JobQueues({ connection: redisOptions(testRedisUrl) as never, prefix });
    redis = new Redis(testRedisUrl);
  });

  afterEach(async () => {
    for (const w of workers.splice(0)) await w.close();
    await queues.queue('reminders').obliterate({ force: true });
    await db.dataSource.query(`DELETE FROM catatan_reviu_notice_outbox`);
  });

  afterAll(async () => {
    await queues?.onApplicationShutdown();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await db?.drop();
  });

  it('given a row recorded twice under one key, then the first is kept, and marking it done twice keeps the first instant', async () => {
    const eventId = randomUUID();
    const first = await record('kpu-jember', eventId);
    clock.advance(1000);
    const second = await record('kpu-jember', eventId);
    expect(second).toEqual(first);
    expect(first.jobId).toBe(`catatan-reviu.kpu-jember.${eventId}`);
    expect(await outbox.pending()).toEqual([first]);

    const doneAt = clock.now();
    await outbox.markDone({ satker: 'kpu-jember', eventId }, doneAt);
    clock.advance(1000);
    await outbox.markDone({ satker: 'kpu-jember', eventId }, clock.now());
    expect((await rows())[0].announced_at).toEqual(doneAt);
    expect(await outbox.pending()).toEqual([]);
    expect(await outbox.notEnqueued()).toEqual([]);
  });

  it('given rows never enqueued, when two workers relay them at the same time, then each job runs once and every row is done', async () => {
    const recorded = [await record('kpu-jember'), await record('kpu-bondowoso'), await record('kpu-jember')];
    const runs: string[] = [];
    startWorker(runs);
    startWorker(runs);

    await Promise.all([relay().relay([]), relay().relay([]), relay().relay(recorded)]);
    await waitFor(async () => (await outbox.pending()).length === 0, 'every row done');

    expect(runs.sort()).toEqual(recorded.map((i) => i.eventId).sort());
    expect((await rows()).every((r) => r.enqueued_at !== null)).toBe(true);
    // Relayed again (a late poll, a restart's reconciliation): nothing is pending, nothing runs twice.
    expect(await relay().enqueuePending()).toBe(0);
    await relay().relay(recorded);
    await new Promise((r) => setTimeout(r, 300));
    expect(runs).toHaveLength(3);
  });

  it('given Redis going away in the middle of a poll, then no row is marked enqueued, and the next poll enqueues them all, each job running once', async () => {
    const recorded = [await record('kpu-jember'), await record('kpu-jember')];
    // The first add reaches Redis, the second times out as JobQueues.add does when Redis is away.
    let adds = 0;
    const goingAway: Pick<JobQueues, 'add' | 'inspect'> = {
      add: (name, payload, options) => (++adds === 1 ? queues.add(name, payload, options) : Promise.reject(new QueueUnavailableError('reminders', 'did not answer'))),
      inspect: (name, look) => queues.inspect(name, look),
    };
    await expect(relay(goingAway).relay(recorded)).rejects.toBeInstanceOf(QueueUnavailableError);
    expect((await outbox.notEnqueued()).map((i) => i.eventId).sort()).toEqual(recorded.map((i) => i.eventId).sort());

    const runs: string[] = [];
    startWorker(runs);
    await relay().relay([]);
    await waitFor(async () => (await outbox.pending()).length === 0, 'the stranded rows done');
    expect(runs.sort()).toEqual(recorded.map((i) => i.eventId).sort());
  });

  it('given a job whose every attempt failed, when a poll enqueues its row again, then it is retried and its row is not lost', async () => {
    const [intent] = [await record('kpu-jember')];
    const job = await queues.add('reminders.catatan-reviu', { satker: intent.satker, streamId: intent.streamId, eventId: intent.eventId }, { jobId: intent.jobId, attempts: 1 });
    const runs: string[] = [];
    let failing = true;
    startWorker(runs, () => failing);
    await waitFor(async () => (await job.getState()) === 'failed', 'the job failed');
    expect(await outbox.pending()).toEqual([intent]);

    failing = false;
    await relay().relay([]);
    await waitFor(async () => (await outbox.pending()).length === 0, 'the retried job done');
    expect(runs).toEqual([intent.eventId]);
  });

  it('given jobs Redis lost (restarted without its data), when the recovery runs, then each is enqueued again and runs once; a row done is left alone', async () => {
    const [lost, done] = [await record('kpu-jember'), await record('kpu-jember')];
    await relay().relay([lost, done]);
    await outbox.markDone({ satker: done.satker, eventId: done.eventId }, clock.now());
    await queues.queue('reminders').obliterate({ force: true }); // Redis lost the jobs
    expect(await outbox.notEnqueued()).toEqual([]); // the rows say enqueued: only Redis can tell they are gone

    const outcome = await relay().recover(60_000);
    expect(outcome).toEqual({ readded: [lost.jobId], retried: [], waiting: [] });
    const runs: string[] = [];
    startWorker(runs);
    await waitFor(async () => (await outbox.pending()).length === 0, 'the lost job done');
    expect(runs).toEqual([lost.eventId]);
    // Recovered again (a second worker, the next interval): nothing is pending, nothing runs twice.
    expect(await relay().recover(60_000)).toEqual({ readded: [], retried: [], waiting: [] });
    await new Promise((r) => setTimeout(r, 300));
    expect(runs).toEqual([lost.eventId]);
  });

  it('given a job that failed its last attempt, when the recovery runs, then it is retried once retryFailedAfterMs has passed, twice as long after each retry that fails again', async () => {
    const intent = await record('kpu-jember');
    await relay().relay([intent]);
    const queue = queues.queue('reminders');
    await (await queue.getJob(intent.jobId))!.remove(); // enqueued with one attempt, as the tests below want it
    const job = await queues.add('reminders.catatan-reviu', { satker: intent.satker, streamId: intent.streamId, eventId: intent.eventId }, { jobId: intent.jobId, attempts: 1 });
    const runs: string[] = [];
    let failing = true;
    startWorker(runs, () => failing);
    const failedAt = async () => {
      await waitFor(async () => (await job.getState()) === 'failed', 'the job failed');
      return (await queue.getJob(intent.jobId))!.finishedOn!;
    };
    const retryAfterMs = 60_000;

    const first = await failedAt();
    expect(await relay().recover(retryAfterMs, first + retryAfterMs - 1)).toEqual({ readded: [], retried: [], waiting: [intent.jobId] });
    expect(await relay().recover(retryAfterMs, first + retryAfterMs)).toEqual({ readded: [], retried: [intent.jobId], waiting: [] });

    // Retried, failed again (its one run after the retry): now due twice as long after.
    const second = await failedAt();
    expect(second).toBeGreaterThanOrEqual(first);
    expect((await relay().recover(retryAfterMs, second + 2 * retryAfterMs - 1)).waiting).toEqual([intent.jobId]);
    failing = false;
    expect((await relay().recover(retryAfterMs, second + 2 * retryAfterMs)).retried).toEqual([intent.jobId]);
    await waitFor(async () => (await outbox.pending()).length === 0, 'the retried job done');
    expect(runs).toEqual([intent.eventId]);
    expect(await relay().recover(retryAfterMs, second + 10 * retryAfterMs)).toEqual({ readded: [], retried: [], waiting: [] });
  });
});
