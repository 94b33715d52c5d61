import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { LkjModule, QueueDatabaseGuard, QueueRuntimeModule, RemindersModule } from '@kinerja/jobs';
import { DigestModule } from '@kinerja/jobs/digest/digest.module';
import { FilesModule } from '@kinerja/jobs/files/files.module';
import { PlatformModule, PlatformOptions } from '@kinerja/platform';
import { ProjectionWorkerModule } from '@kinerja/projections';
import { WorkerHeartbeat } from './worker-heartbeat';

/** The worker: BullMQ processors, projections and process managers over the same platform, its heartbeat and its queues' database check. */
@Module({})
export class WorkerModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(options),
        BullModule.forRoot({
          connection: { url: options.runtime.redisUrl, maxRetriesPerRequest: null },
          prefix: options.config.REDIS_PREFIX,
        }),
        QueueRuntimeModule.forRoot({ workers: true }),
        RemindersModule.forWorker(),
        ProjectionWorkerModule,
        DigestModule,
        LkjModule.forWorker(),
        FilesModule,
      ],
      // The liveness signal read by healthcheck.js (docker-compose.yml), and the check at start (before
      // any job is enqueued) that the queues in Redis were filled from this database, not from the one
      // a restore replaced (QueueDatabaseGuard).
      providers: [WorkerHeartbeat, QueueDatabaseGuard],
    };
  }
}
