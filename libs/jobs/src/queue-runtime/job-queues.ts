import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import { ConnectionOptions, Job, JobsOptions, Queue } from 'bullmq';
import type { Logger } from 'pino';
import { connectionErrorLog, ROOT_LOGGER } from '@kinerja/platform';
import { JOB_QUEUES, JobName, JobPayloads, QUEUES, QueueName } from '../queues';

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

/** Enqueues the jobs of the typed map. Job ids are the caller's, deterministic, so a duplicate is a no-op. */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    @Inject(JOB_CONNECTION) readonly connection: JobConnectionOptions,
    @Optional() @Inject(ROOT_LOGGER) private readonly logger?: Logger,
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
