import { Global, INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { AppConfig, redisOptions, ROOT_LOGGER, RUNTIME } from '@kinerja/platform';
import { testRedisPrefix, testRedisUrl } from '../../../../test/support/test-database';
import type { JobPayloads } from '../queues';
import { JobHandler } from './job-handler.decorator';
import { JobQueues } from './job-queues';
import { JobWorkers } from './job-workers';
import { QueueRuntimeModule } from './queue-runtime.module';

/** A job that runs until the test lets it finish. */
class Gate {
  started!: Promise<void>;
  private markStarted!: () => void;
  private release!: () => void;
  private released!: Promise<void>;
  constructor() {
    this.reset();
  }
  reset(): void {
    this.started = new Promise((r) => (this.markStarted = r));
    this.released = new Promise((r) => (this.release = r));
  }
  async run(): Promise<string> {
    this.markStarted();
    await this.released;
    return 'done';
  }
  open(): void {
    this.release();
  }
}

const gate = new Gate();

@Injectable()
class SlowLkj {
  @JobHandler('lkj.produce')
  produce(_payload: JobPayloads['lkj.produce']) {
    return gate.run();
  }

  @JobHandler('lkj.reconcile')
  reconcile(_payload: JobPayloads['lkj.reconcile']) {
    return 'nothing to do';
  }
}

/**
 * Stopping a process with queue workers (Nest's close(), as SIGTERM does): the workers take no
 * new job and wait for the running one, at most the grace period, and then let go of it with a
 * warning rather than an error.
 */
describe('JobWorkers when the application stops', () => {
  const prefix = testRedisPrefix();
  const lines: Array<{ level: number; msg: string; jobs?: unknown }> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const config = { REDIS_PREFIX: prefix, JOB_SHUTDOWN_GRACE_SECONDS: 20 };

  @Global()
  @Module({
    providers: [
      { provide: RUNTIME, useValue: { redisUrl: testRedisUrl } },
      { provide: AppConfig, useValue: config },
      { provide: ROOT_LOGGER, useValue: logger },
    ],
    exports: [RUNTIME, AppConfig, ROOT_LOGGER],
  })
  class FakePlatform {}

  async function start(shutdownGraceMs?: number): Promise<INestApplicationContext> {
    @Module({ imports: [FakePlatform, QueueRuntimeModule.forRoot({ workers: true, queues: ['lkj'], shutdownGraceMs })], providers: [SlowLkj] })
    class App {}
    const app = await NestFactory.createApplicationContext(App, { logger: false });
    await app.init();
    return app;
  }

  const producer = new JobQueues({ connection: redisOptions(testRedisUrl) as never, prefix });

  afterAll(async () => {
    gate.open();
    await producer.queue('lkj').obliterate({ force: true }).catch(() => undefined);
    await producer.onApplicationShutdown();
  });

  beforeEach(() => {
    lines.length = 0;
    gate.reset();
  });

  it('waits for the running job, which completes on its first attempt', async () => {
    const app = await start(30_000);
    expect(app.get(JobWorkers).isRunning()).toBe(true);
    const job = await producer.add('lkj.produce', { satker: 's', year: 2024, version: 1 }, { jobId: 'graceful.1' });
    await gate.started;
    let closed = false;
    const closing = app.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(closed).toBe(false);
    expect(app.get(JobWorkers).isRunning()).toBe(false);
    gate.open();
    await closing;
    expect(await job.getState()).toBe('completed');
    const done = await producer.queue('lkj').getJob('graceful.1');
    expect(done!.attemptsMade).toBe(1);
    expect(done!.returnvalue).toBe('done');
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
    expect(lines.map((l) => l.msg)).toEqual(['Stopping the queue workers: waiting for the running jobs', 'Queue workers stopped']);
  });

  it('lets go of a job still running after the grace period, with a warning', async () => {
    const app = await start(400);
    await producer.add('lkj.produce', { satker: 's', year: 2024, version: 2 }, { jobId: 'graceful.2' });
    await gate.started;
    const began = Date.now();
    await app.close();
    expect(Date.now() - began).toBeGreaterThanOrEqual(350);
    expect(Date.now() - began).toBeLessThan(5000);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.filter((l) => l.level === 40)).toEqual([
      expect.objectContaining({
        msg: 'Queue workers stopped with jobs still running; another worker will run them again',
        jobs: [{ job: 'lkj.produce', jobId: 'graceful.2' }],
      }),
    ]);
    gate.open();
  });

  it('given no grace period of its own, when it stops, then it waits JOB_SHUTDOWN_GRACE_SECONDS of the configuration', async () => {
    config.JOB_SHUTDOWN_GRACE_SECONDS = 1;
    const app = await start();
    await producer.add('lkj.produce', { satker: 's', year: 2024, version: 3 }, { jobId: 'graceful.3' });
    await gate.started;
    const began = Date.now();
    await app.close();
    expect(Date.now() - began).toBeGreaterThanOrEqual(950);
    expect(Date.now() - began).toBeLessThan(5000);
    expect(lines.filter((l) => l.level === 40)).toEqual([
      expect.objectContaining({ jobs: [{ job: 'lkj.produce', jobId: 'graceful.3' }] }),
    ]);
    gate.open();
  });
});
