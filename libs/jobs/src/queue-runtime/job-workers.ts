import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { connectionErrorLog, ROOT_LOGGER } from '@kinerja/platform';
import { Job, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { JOB_NAMES, JOB_QUEUES, JobName, JobPayloads, QUEUES, QueueName } from '../queues';
import { logJobFailure } from './job-failure-log';
import { JOB_HANDLER_KEY } from './job-handler.decorator';
import { JOB_CONNECTION, JOB_WORKER_QUEUES } from './job-queues';
import type { JobConnectionOptions } from './job-queues';
import { FoundHandler, resolveJobHandlers } from './resolve-job-handlers';

type Handle = (payload: JobPayloads[JobName], job: Job) => Promise<unknown>;

/**
 * The worker side: finds every @JobHandler method, refuses to start unless each job of the queues it
 * serves (all of queues.ts by default) has exactly one, then runs one BullMQ Worker per queue
 * dispatching by job name.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly workers: Worker[] = [];
  private handlers = new Map<JobName, Handle>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    @Inject(JOB_CONNECTION) private readonly connection: JobConnectionOptions,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(JOB_WORKER_QUEUES) private readonly queues: QueueName[],
  ) {}

  onApplicationBootstrap(): void {
    const names = JOB_NAMES.filter((name) => this.queues.includes(JOB_QUEUES[name]));
    const found = this.discover().filter((f) => !(JOB_NAMES as string[]).includes(f.name) || names.includes(f.name as JobName));
    this.handlers = resolveJobHandlers(found, names);
    for (const queue of this.queues) this.workers.push(this.start(queue));
  }

  /** Runs a job's handler directly, as the worker would (tests, and the CLI). */
  run<N extends JobName>(name: N, payload: JobPayloads[N], job?: Job): Promise<unknown> {
    const handle = this.handlers.get(name);
    if (!handle) throw new Error(`No handler for job ${name}`);
    return handle(payload, job as Job);
  }

  private discover(): FoundHandler<Handle>[] {
    const found: FoundHandler<Handle>[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const name = Reflect.getMetadata(JOB_HANDLER_KEY, prototype[method]) as string | undefined;
        if (name === undefined) continue;
        const fn = (instance[method] as Handle).bind(instance);
        found.push({ name, owner: `${instance.constructor.name}.${method}`, handle: fn });
      }
    }
    return found;
  }

  private start(queue: QueueName): Worker {
    const worker = new Worker(
      queue,
      async (job: Job) => {
        const name = job.name as JobName;
        if (JOB_QUEUES[name] !== queue) throw new Error(`Job ${job.name} does not belong to queue ${queue}`);
        return this.run(name, job.data, job);
      },
      { connection: this.connection.connection, prefix: this.connection.prefix, concurrency: QUEUES[queue].concurrency },
    );
    worker.on('failed', (job, error) => logJobFailure(this.logger, job, error));
    worker.on('error', connectionErrorLog(this.logger, 'Queue worker', { queue }));
    return worker;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers.length = 0;
  }
}
