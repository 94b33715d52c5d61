import { Global, INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { AppConfig, redisOptions, ROOT_LOGGER, RUNTIME } from '@kinerja/platform';
import { testRedisPrefix, testRedisUrl } from '../../../../test/support/test-database';
import type { JobPayloads } from '../queues';
import { JobHandler } from './job-handler.decorator';
import { JobQueues } from './job-queues';
import { QueueRuntimeModule } from './queue-runtime.module';

/** What pg reports while nothing listens on the database's port (a stopped or restarting server). */
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

/** An LKj job that meets the database out of reach on its first `outageRuns` runs, then works. */
const runs: Array<{ version: number; at: number }> = [];
let outageRuns = 0;

@Injectable()
class OutageLkj {
  @JobHandler('lkj.produce')
  produce(payload: JobPayloads['lkj.produce']) {
    runs.push({ version: payload.version, at: Date.now() });
    if (runs.filter((r) => r.version === payload.version).length <= outageRuns) throw refused();
    return 'produced';
  }

  @JobHandler('lkj.reconcile')
  reconcile(_payload: JobPayloads['lkj.reconcile']) {
    return 'nothing to do';
  }
}

/**
 * A job that meets PostgreSQL out of reach is put back without using an attempt (L2 of the QA round
 * that stopped PostgreSQL for 15–25 s: every notice job running then failed its 3 attempts, each
 * with an error "Job failed on its last attempt"). Real Redis, the worker as the application builds it.
 */
describe('JobWorkers while the database is out of reach', () => {
  const prefix = testRedisPrefix();
  const lines: Array<{ level: number; msg: string; queue?: string }> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const producer = new JobQueues({ connection: redisOptions(testRedisUrl) as never, prefix });
  let app: INestApplicationContext;

  @Global()
  @Module({
    providers: [
      { provide: RUNTIME, useValue: { redisUrl: testRedisUrl } },
      { provide: AppConfig, useValue: { REDIS_PREFIX: prefix, JOB_SHUTDOWN_GRACE_SECONDS: 5 } },
      { provide: ROOT_LOGGER, useValue: logger },
    ],
    exports: [RUNTIME, AppConfig, ROOT_LOGGER],
  })
  class FakePlatform {}

  beforeAll(async () => {
    @Module({ imports: [FakePlatform, QueueRuntimeModule.forRoot({ workers: true, queues: ['lkj'] })], providers: [OutageLkj] })
    class App {}
    app = await NestFactory.createApplicationContext(App, { logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await producer.queue('lkj').obliterate({ force: true }).catch(() => undefined);
    await producer.onApplicationShutdown();
  });

  it('given more failed runs than the job has attempts, when the database answers again, then the job completes with its attempts unused and no error is logged', async () => {
    outageRuns = 3;
    const job = await producer.add('lkj.produce', { satker: 's', year: 2024, version: 1 }, { jobId: 'postponed.1', attempts: 2 });
    const deadline = Date.now() + 30_000;
    while ((await job.getState()) !== 'completed') {
      if (Date.now() > deadline || (await job.getState()) === 'failed') throw new Error(`job ${await job.getState()}; log: ${JSON.stringify(lines)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const done = await producer.queue('lkj').getJob('postponed.1');
    expect(done!.returnvalue).toBe('produced');
    expect(done!.attemptsMade).toBe(1); // the completing run only
    expect(done!.attemptsStarted).toBe(4);
    // Put back 1, 2 and 4 s apart: a few seconds, not the attempts' backoff.
    const gaps = runs.slice(1).map((r, i) => r.at - runs[i].at);
    expect(gaps.map((g) => Math.round(g / 1000))).toEqual([1, 2, 4]);
    // The outage is one warning and one line when it is over; no job failure, no error.
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.filter((l) => /Job failed/.test(l.msg))).toEqual([]);
    expect(lines.filter((l) => l.level === 40)).toEqual([
      expect.objectContaining({ msg: 'Jobs postponed until the database answers (database unavailable)', queue: 'lkj' }),
    ]);
    expect(lines).toContainEqual(expect.objectContaining({ level: 30, msg: 'Jobs postponed until the database answers: working again', queue: 'lkj' }));
  }, 60_000);
});
