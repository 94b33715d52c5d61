import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import { ConnectionOptions, Job, JobSchedulerTemplateOptions, JobsOptions, Queue, RepeatOptions } from 'bullmq';
import type { Logger } from 'pino';
import { connectionErrorLog, ROOT_LOGGER } from '@kinerja/platform';
import { JOB_QUEUES, JobName, JobPayloads, QUEUES, QueueName } from '../queues';
import { DEFAULT_JOB_RECOVERY, JOB_RECOVERY, type JobRecoveryOptions } from './job-recovery';

/** How every queue, worker and scheduler of this process reaches Redis. */
export interface JobConnectionOptions {
  connection: ConnectionOptions;
  prefix: string;
}

export const JOB_CONNECTION = Symbol('JOB_CONNECTION');

/**
 * How long an enqueue waits for Redis. BullMQ's client queues commands while Redis is away, so an
 * unbounded `add` would hang a request or a poll for the whole outage. Every job Kinerja enqueues
 * is recorded in PostgreSQL first (an outbox, a schedule) and enqueued again by reconciliation, and
 * job ids are deterministic, so giving up here loses nothing and a late add doubles nothing.
 */
export const ENQUEUE_TIMEOUT_MS = 2000;

/** Redis did not take the job within ENQUEUE_TIMEOUT_MS. */
export class QueueUnavailableError extends Error {
  constructor(queue: string, why: string) {
    super(`queue ${queue}: Redis ${why}`);
    this.name = 'QueueUnavailableError';
  }
}
/** The queues this process works on (every queue unless a deployment or a test narrows it). */
export const JOB_WORKER_QUEUES = Symbol('JOB_WORKER_QUEUES');

/** A Job Scheduler this process registered and keeps (`keepScheduler`). */
export interface KeptScheduler<N extends JobName = JobName> {
  id: string;
  repeat: Omit<RepeatOptions, 'key'>;
  name: N;
  data: JobPayloads[N];
  opts?: JobSchedulerTemplateOptions;
}

/**
 * Enqueues the jobs of the typed map. Job ids are the caller's, deterministic, so a duplicate is a no-op.
 * Also keeps the Job Schedulers this process registered (`keepScheduler`, `restoreSchedulers`), and
 * says how the worker recovers what Redis lost or failed (`recovery`, JobRecoveryOptions).
 */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly kept = new Map<string, KeptScheduler>();

  constructor(
    @Inject(JOB_CONNECTION) readonly connection: JobConnectionOptions,
    @Optional() @Inject(ROOT_LOGGER) private readonly logger?: Logger,
    @Optional() @Inject(JOB_RECOVERY) readonly recovery: JobRecoveryOptions = DEFAULT_JOB_RECOVERY,
  ) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection.connection, prefix: this.connection.prefix });
      // Without a listener BullMQ prints every reconnection attempt to stderr.
      queue.on('error', this.logger ? connectionErrorLog(this.logger, 'Queue', { queue: name }) : () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  queueOf(job: JobName): Queue {
    return this.queue(JOB_QUEUES[job]);
  }

  /** Rejects with QueueUnavailableError when Redis has not taken the job within ENQUEUE_TIMEOUT_MS. */
  async add<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions & { jobId: string }): Promise<Job> {
    const queue = this.queueOf(name);
    return within(
      queue.add(name, payload, { removeOnComplete: 1000, removeOnFail: 5000, attempts: 3, backoff: { type: 'exponential', delay: 5000 }, ...options }),
      () => new QueueUnavailableError(queue.name, `did not answer within ${ENQUEUE_TIMEOUT_MS} ms`),
    );
  }

  /**
   * Reads or changes the queue of job `name` (a job's state, a retry) within ENQUEUE_TIMEOUT_MS, as
   * `add` does: while Redis is away BullMQ's client would hold the call until it returns.
   */
  inspect<T>(name: JobName, look: (queue: Queue) => Promise<T>): Promise<T> {
    const queue = this.queueOf(name);
    return within(look(queue), () => new QueueUnavailableError(queue.name, `did not answer within ${ENQUEUE_TIMEOUT_MS} ms`));
  }

  /**
   * Registers a Job Scheduler (`upsertJobScheduler`: any replica may, it stays one) and keeps it:
   * `restoreSchedulers` registers it again once Redis has lost it.
   */
  async keepScheduler<N extends JobName>(scheduler: KeptScheduler<N>): Promise<void> {
    this.kept.set(`${JOB_QUEUES[scheduler.name]}:${scheduler.id}`, scheduler as unknown as KeptScheduler);
    await this.upsert(scheduler);
  }

  /**
   * Registers again every kept Job Scheduler that Redis no longer has (restarted without its data, a
   * failover to an empty replica): without it the daily digests, the LKj's reconciliation and the file
   * sweep stopped silently until a worker restarted. The ids registered again.
   */
  async restoreSchedulers(): Promise<string[]> {
    const restored: string[] = [];
    for (const scheduler of this.kept.values()) {
      const present = await this.inspect(scheduler.name, (queue) => queue.getJobScheduler(scheduler.id));
      if (present) continue;
      await this.upsert(scheduler);
      restored.push(scheduler.id);
    }
    return restored;
  }

  private async upsert(scheduler: KeptScheduler): Promise<void> {
    await this.inspect(scheduler.name, (queue) => queue.upsertJobScheduler(scheduler.id, scheduler.repeat, {
      name: scheduler.name,
      data: scheduler.data,
      opts: scheduler.opts,
    }));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}

function within<T>(pending: Promise<T>, timedOut: () => Error): Promise<T> {
  pending.catch(() => undefined); // settled after the deadline: nobody waits for it any more
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), ENQUEUE_TIMEOUT_MS);
  });
  return Promise.race([pending, deadline]).finally(() => clearTimeout(timer));
}

export const ALL_QUEUES = Object.keys(QUEUES) as QueueName[];
