import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConnectionOptions, Job, JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUES, JobName, JobPayloads, QUEUES, QueueName } from '../queues';

/** How every queue, worker and scheduler of this process reaches Redis. */
export interface JobConnectionOptions {
  connection: ConnectionOptions;
  prefix: string;
}

export const JOB_CONNECTION = Symbol('JOB_CONNECTION');
/** The queues this process works on (every queue unless a deployment or a test narrows it). */
export const JOB_WORKER_QUEUES = Symbol('JOB_WORKER_QUEUES');

/** Enqueues the jobs of the typed map. Job ids are the caller's, deterministic, so a duplicate is a no-op. */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(JOB_CONNECTION) readonly connection: JobConnectionOptions) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection.connection, prefix: this.connection.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  queueOf(job: JobName): Queue {
    return this.queue(JOB_QUEUES[job]);
  }

  async add<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions & { jobId: string }): Promise<Job> {
    return this.queueOf(name).add(name, payload, { removeOnComplete: 1000, removeOnFail: 5000, attempts: 3, backoff: { type: 'exponential', delay: 5000 }, ...options });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}

export const ALL_QUEUES = Object.keys(QUEUES) as QueueName[];
