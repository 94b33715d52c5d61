import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { ConnectionOptions } from 'bullmq';
import { AppConfig, redisOptions, RUNTIME, Runtime } from '@kinerja/platform';
import { JOB_CONNECTION, JobConnectionOptions, JobQueues } from './job-queues';
import { JobWorkers } from './job-workers';

/**
 * Queues for every process; with `workers: true` (the worker process) also the BullMQ workers that
 * run every @JobHandler. Register once per application.
 */
@Global()
@Module({})
export class QueueRuntimeModule {
  static forRoot(options: { workers: boolean }): DynamicModule {
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
        JobQueues,
        ...(options.workers ? [JobWorkers] : []),
      ],
      exports: [JOB_CONNECTION, JobQueues, ...(options.workers ? [JobWorkers] : [])],
    };
  }
}
