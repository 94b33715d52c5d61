import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { LkjModule, QueueRuntimeModule, RemindersModule } from '@kinerja/jobs';
import { DigestModule } from '@kinerja/jobs/digest/digest.module';
import { FilesModule } from '@kinerja/jobs/files/files.module';
import { PlatformModule, PlatformOptions } from '@kinerja/platform';
import { ProjectionWorkerModule } from '@kinerja/projections';
import { WorkerHeartbeat } from './worker-heartbeat';

/** The worker: BullMQ processors, projections and process managers over the same platform, and its heartbeat. */
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
      // The liveness signal read by healthcheck.js (docker-compose.yml).
      providers: [WorkerHeartbeat],
    };
  }
}
