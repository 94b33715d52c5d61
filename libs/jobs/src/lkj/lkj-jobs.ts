import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ROOT_LOGGER } from '@kinerja/platform';
import type { Logger } from 'pino';
import { JobHandler } from '../queue-runtime/job-handler.decorator';
import { JobOutboxPolling } from '../queue-runtime/job-outbox-polling';
import type { JobRecoveryOutcome } from '../queue-runtime/job-outbox-relay';
import { JobQueues } from '../queue-runtime/job-queues';
import type { JobPayloads } from '../queues';
import { LkjEnqueuer } from './lkj-enqueuer';
import { LkjOutbox, type LkjIntent } from './lkj-outbox';
import { LkjProcessManager } from './lkj-process-manager';
import { LkjProducer } from './lkj-producer';

export const LKJ_OPTIONS = Symbol('LKJ_OPTIONS');

export interface LkjWorkerOptions {
  /** How often the process manager polls the log; null: only when asked (tests, bench). */
  pollMs: number | null;
  /** Cron of the daily reconciliation (server time zone: UTC). */
  reconcilePattern: string;
}

export const LKJ_RECONCILE_SCHEDULER = 'lkj-reconcile-daily';

/**
 * The worker side of the LKj: the two jobs, the process manager's polling (`JobOutboxPolling`: a
 * reconciliation at start, then every poll relays what the log asked for, and every
 * JOB_RECOVERY_INTERVAL_SECONDS recovers the jobs of versions not produced: added again when Redis
 * lost them, retried when they failed their attempts), and the daily Job Scheduler that repeats the
 * reconciliation (kept: registered again if Redis loses it).
 */
@Injectable()
export class LkjJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly polling: JobOutboxPolling<LkjIntent>;

  constructor(
    private readonly producer: LkjProducer,
    private readonly processManager: LkjProcessManager,
    private readonly enqueuer: LkjEnqueuer,
    private readonly outbox: LkjOutbox,
    private readonly queues: JobQueues,
    @Inject(LKJ_OPTIONS) private readonly options: LkjWorkerOptions,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.polling = new JobOutboxPolling(processManager, enqueuer, logger, {
      pollFailed: 'LKj process manager poll failed', reconcileFailed: 'LKj reconciliation at start failed',
    }, queues.recovery);
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
   * than at the next daily reconciliation; when due, the recovery. Job ids are deterministic:
   * enqueueing twice adds once.
   */
  poll(): Promise<number> {
    return this.polling.poll();
  }

  /**
   * The recovery now: a version's job Redis no longer has is added again, one that failed its last
   * attempt (an outage, DATA_DIR not writable) is retried once due. Not those of an office whose chain
   * has an open alert: its resolution queues them (LkjProcessManager).
   */
  recover(now?: number): Promise<JobRecoveryOutcome> {
    return this.polling.recover(now);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.keepScheduler({
      id: LKJ_RECONCILE_SCHEDULER,
      repeat: { pattern: this.options.reconcilePattern },
      name: 'lkj.reconcile',
      data: { reason: 'schedule' },
      opts: { removeOnComplete: 100, removeOnFail: 1000, attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
    });
    this.polling.start(this.options.pollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.polling.stop();
  }
}
