import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { connectionErrorLog, FailureRun, ROOT_LOGGER } from '@kinerja/platform';
import { DelayedError, Job, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { JOB_NAMES, JOB_QUEUES, JobName, JobPayloads, QUEUES, QueueName } from '../queues';
import { logJobFailure } from './job-failure-log';
import { JOB_HANDLER_KEY } from './job-handler.decorator';
import { postponementMs } from './job-postponement';
import { JOB_CONNECTION, JOB_WORKER_QUEUES } from './job-queues';
import type { JobConnectionOptions } from './job-queues';
import { FoundHandler, resolveJobHandlers } from './resolve-job-handlers';

type Handle = (payload: JobPayloads[JobName], job: Job) => Promise<unknown>;

/**
 * How long a stopping worker waits for its running jobs before it lets go of them, in milliseconds:
 * JOB_SHUTDOWN_GRACE_SECONDS of the configuration (20 s by default, shorter than the
 * `stop_grace_period` of the worker in docker-compose.yml, 30 s, so that the process still closes
 * Redis and the database and exits by itself before Docker sends SIGKILL), or a test's. An LKj takes
 * well under a second; a reminders run sending many e-mails may take longer.
 */
export const JOB_SHUTDOWN_GRACE = Symbol('JOB_SHUTDOWN_GRACE');

/**
 * The worker side: finds every @JobHandler method, refuses to start unless each job of the queues it
 * serves (all of queues.ts by default) has exactly one, then runs one BullMQ Worker per queue
 * dispatching by job name.
 *
 * Stopping: the workers close in `onModuleDestroy`, the first of Nest's shutdown hooks, so they take
 * no new job and the running ones finish while the database, Redis and the queues are all still
 * open (TypeORM closes its DataSource in `onApplicationShutdown`, which Nest may call before ours
 * for global modules like this one). After the grace period the jobs still running are let go:
 * their lock lapses and another worker runs them again.
 *
 * A job that fails because the database is out of reach is put back (`postponementMs`): it keeps its
 * attempts and runs again within seconds of the database's return; the outage is told as one warning
 * per queue and a count every minute (`FailureRun`), not one error per job.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly workers: Worker[] = [];
  private handlers = new Map<JobName, Handle>();
  /** The jobs this process is running now, by BullMQ id. */
  private readonly running = new Map<string, Job>();
  /** Set once the grace period is over: a job failing after it was interrupted, not broken. */
  private abandoned = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    @Inject(JOB_CONNECTION) private readonly connection: JobConnectionOptions,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(JOB_WORKER_QUEUES) private readonly queues: QueueName[],
    @Inject(JOB_SHUTDOWN_GRACE) private readonly graceMs: number,
  ) {}

  onApplicationBootstrap(): void {
    const names = JOB_NAMES.filter((name) => this.queues.includes(JOB_QUEUES[name]));
    const found = this.discover().filter((f) => !(JOB_NAMES as string[]).includes(f.name) || names.includes(f.name as JobName));
    this.handlers = resolveJobHandlers(found, names);
    for (const queue of this.queues) this.workers.push(this.start(queue));
  }

  /** Every queue worker is up and taking jobs (the worker's heartbeat). */
  isRunning(): boolean {
    return this.workers.length > 0 && this.workers.every((w) => w.isRunning());
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
    const postponed = new FailureRun(this.logger, 'Jobs postponed until the database answers', { queue });
    const worker = new Worker(
      queue,
      async (job: Job, token?: string) => {
        const name = job.name as JobName;
        if (JOB_QUEUES[name] !== queue) throw new Error(`Job ${job.name} does not belong to queue ${queue}`);
        const key = `${queue}:${job.id}`;
        this.running.set(key, job);
        try {
          const result = await this.run(name, job.data, job);
          postponed.succeeded();
          return result;
        } catch (error) {
          const delayMs = this.abandoned ? null : postponementMs(job, error);
          if (delayMs === null) throw error;
          // Back to the delayed set without using an attempt; DelayedError tells BullMQ it was moved.
          await job.moveToDelayed(Date.now() + delayMs, token);
          postponed.failed(error);
          throw new DelayedError();
        } finally {
          this.running.delete(key);
        }
      },
      { connection: this.connection.connection, prefix: this.connection.prefix, concurrency: QUEUES[queue].concurrency },
    );
    worker.on('failed', (job, error) => {
      if (this.abandoned) this.logger.warn({ job: job?.name, jobId: job?.id, error: error.message }, 'Job interrupted by the shutdown; it will run again');
      else logJobFailure(this.logger, job, error);
    });
    worker.on('error', connectionErrorLog(this.logger, 'Queue worker', { queue }));
    return worker;
  }

  /**
   * Stops taking jobs and waits for the running ones, at most `graceMs`. Resolves in either case:
   * the process then closes its connections and exits.
   */
  async onModuleDestroy(): Promise<void> {
    if (this.workers.length === 0) return;
    const workers = this.workers.splice(0);
    const waitingFor = [...this.running.values()].map((job) => ({ job: job.name, jobId: job.id }));
    if (waitingFor.length > 0) this.logger.info({ jobs: waitingFor, graceMs: this.graceMs }, 'Stopping the queue workers: waiting for the running jobs');
    const closed = Promise.all(workers.map((w) => w.close())).then(() => true);
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.graceMs)));
    const finished = await Promise.race([closed, graceOver]).finally(() => clearTimeout(timer));
    if (finished) {
      this.logger.info('Queue workers stopped');
      return;
    }
    this.abandoned = true;
    closed.catch(() => undefined);
    const left = [...this.running.values()].map((job) => ({ job: job.name, jobId: job.id }));
    this.logger.warn({ jobs: left, graceMs: this.graceMs }, 'Queue workers stopped with jobs still running; another worker will run them again');
  }
}
