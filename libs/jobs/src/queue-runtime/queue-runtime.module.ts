import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { ConnectionOptions } from 'bullmq';
import { AppConfig, redisOptions, RUNTIME, Runtime } from '@kinerja/platform';
import type { QueueName } from '../queues';
import { ALL_QUEUES, JOB_CONNECTION, JOB_WORKER_QUEUES, JobConnectionOptions, JobQueues } from './job-queues';
import { DEFAULT_JOB_RECOVERY, JOB_RECOVERY, type JobRecoveryOptions } from './job-recovery';
import { JOB_SHUTDOWN_GRACE, JobWorkers } from './job-workers';
import { SchedulerKeeper } from './scheduler-keeper';

/**
 * Queues for every process; with `workers: true` (the worker process) also the BullMQ workers that
 * run every @JobHandler — of every queue, or of `queues` only. Register once per application.
 * `shutdownGraceMs` (JOB_SHUTDOWN_GRACE_SECONDS of the configuration unless a test shortens it): how
 * long a stopping worker waits for its running jobs. `recovery` (JOB_RECOVERY_INTERVAL_SECONDS and
 * JOB_RETRY_FAILED_AFTER_SECONDS of the configuration unless a test changes them): how the worker
 * brings back what Redis lost or failed (JobRecoveryOptions); with workers, the SchedulerKeeper.
 */
@Global()
@Module({})
export class QueueRuntimeModule {
  static forRoot(options: { workers: boolean; queues?: QueueName[]; shutdownGraceMs?: number; recovery?: Partial<JobRecoveryOptions> }): DynamicModule {
    return {
      module: QueueRuntimeModule,
      imports: [DiscoveryModule],
      providers: [
        {
          provide: JOB_CONNECTION,
          useFactory: (runtime: Pick<Runtime, 'redisUrl'>, config: AppConfig): JobConnectionOptions => ({
            // ioredis' option type and BullMQ's own description of it differ only in typing.
            connection: redisOptions(runtime.redisUrl) as ConnectionOptions,
            prefix: config.REDIS_PREFIX,
          }),
          inject: [RUNTIME, AppConfig],
        },
        { provide: JOB_WORKER_QUEUES, useValue: options.queues ?? ALL_QUEUES },
        {
          provide: JOB_SHUTDOWN_GRACE,
          useFactory: (config: AppConfig): number => options.shutdownGraceMs ?? config.JOB_SHUTDOWN_GRACE_SECONDS * 1000,
          inject: [AppConfig],
        },
        {
          provide: JOB_RECOVERY,
          // A test's partial configuration may lack the variables: the defaults then.
          useFactory: (config: AppConfig): JobRecoveryOptions => ({
            everyMs: (config.JOB_RECOVERY_INTERVAL_SECONDS ?? DEFAULT_JOB_RECOVERY.everyMs! / 1000) * 1000,
            retryFailedAfterMs: (config.JOB_RETRY_FAILED_AFTER_SECONDS ?? DEFAULT_JOB_RECOVERY.retryFailedAfterMs / 1000) * 1000,
            ...options.recovery,
          }),
          inject: [AppConfig],
        },
        JobQueues,
        ...(options.workers ? [JobWorkers, SchedulerKeeper] : []),
      ],
      exports: [JOB_CONNECTION, JOB_RECOVERY, JobQueues, ...(options.workers ? [JobWorkers, SchedulerKeeper] : [])],
    };
  }
}
