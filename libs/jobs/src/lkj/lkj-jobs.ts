import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { logRetriedFailure, ROOT_LOGGER } from '@kinerja/platform';
import type { Logger } from 'pino';
import { JobHandler } from '../queue-runtime/job-handler.decorator';
import { JobQueues } from '../queue-runtime/job-queues';
import type { JobPayloads } from '../queues';
import { LkjEnqueuer } from './lkj-enqueuer';
import { LkjOutbox } from './lkj-outbox';
import { LkjProcessManager } from './lkj-process-manager';
import { LkjProducer } from './lkj-producer';
import { PollLoop } from '../queue-runtime/poll-loop';

export const LKJ_OPTIONS = Symbol('LKJ_OPTIONS');

export interface LkjWorkerOptions {
  /** How often the process manager polls the log; null: only when asked (tests, bench). */
  pollMs: number | null;
  /** Cron of the daily reconciliation (server time zone: UTC). */
  reconcilePattern: string;
}

export const LKJ_RECONCILE_SCHEDULER = 'lkj-reconcile-daily';

/**
 * The worker side of the LKj: the two jobs, the process manager's polling loop, and on start a
 * reconciliation plus the daily Job Scheduler that repeats it (upsert: any replica may register it).
 */
@Injectable()
export class LkjJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: PollLoop;

  constructor(
    private readonly producer: LkjProducer,
    private readonly processManager: LkjProcessManager,
    private readonly enqueuer: LkjEnqueuer,
    private readonly outbox: LkjOutbox,
    private readonly queues: JobQueues,
    @Inject(LKJ_OPTIONS) private readonly options: LkjWorkerOptions,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.loop = new PollLoop(logger, 'LKj process manager poll failed', () => this.poll());
  }

  @JobHandler('lkj.produce')
  produce(payload: JobPayloads['lkj.produce']) {
    return this.producer.produce(payload.satker, payload.year, payload.version);
  }

  /** PostgreSQL is the truth: catch the process manager up, then (re-)enqueue every version not produced. */
  @JobHandler('lkj.reconcile')
  async reconcile(_payload?: JobPayloads['lkj.reconcile']): Promise<{ requested: number; enqueued: number }> {
    const requested = await this.processManager.catchUp();
    const pending = await this.outbox.pending();
    await this.enqueuer.enqueue(pending);
    return { requested: requested.length, enqueued: pending.length };
  }

  /**
   * One poll: follow the log, enqueue what it asked for, and what was asked for earlier but never
   * reached the queue (Redis was away then), so that is produced as soon as Redis answers rather
   * than at the next daily reconciliation. Job ids are deterministic: enqueueing twice adds once.
   */
  async poll(): Promise<number> {
    const intents = await this.processManager.catchUp();
    await this.enqueuer.relay(intents);
    return intents.length;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.queue('lkj').upsertJobScheduler(LKJ_RECONCILE_SCHEDULER, { pattern: this.options.reconcilePattern }, {
      name: 'lkj.reconcile',
      data: { reason: 'schedule' },
      opts: { removeOnComplete: 100, removeOnFail: 1000, attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
    });
    if (this.options.pollMs === null) return;
    void this.reconcile({ reason: 'worker-start' }).catch((error) => logRetriedFailure(this.logger, error, 'LKj reconciliation at start failed'));
    this.loop.start(this.options.pollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }
}
