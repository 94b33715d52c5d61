import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { AppConfig, Clock, ROOT_LOGGER } from '@kinerja/platform';
import { FileSweep } from './file-sweep';
import { FileSweepJobs } from './file-sweep-jobs';

/** The worker's daily file sweep. Needs QueueRuntimeModule (JobQueues) with workers. */
@Module({
  providers: [
    {
      provide: FileSweep,
      useFactory: (ds: DataSource, c: AppConfig, clock: Clock, l: Logger) =>
        new FileSweep(ds, { dataDir: c.DATA_DIR, retentionDays: c.UNREFERENCED_UPLOAD_RETENTION_DAYS }, clock, l.child({ component: 'file-sweep' })),
      inject: [getDataSourceToken(), AppConfig, Clock, ROOT_LOGGER],
    },
    FileSweepJobs,
  ],
  exports: [FileSweep],
})
export class FilesModule {}
