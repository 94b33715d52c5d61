import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { EventStore, EventStoreModule } from '@kinerja/event-store';
import { AppConfig, ROOT_LOGGER } from '@kinerja/platform';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { ChainDigestService } from './chain-digest.service';
import { DigestJobs } from './digest-jobs';
import { loadDigestSigningKey, type DigestSigningKey } from './digest-signing-key';

const KEY = Symbol('DIGEST_SIGNING_KEY');

/** The worker's daily signed digests. Needs QueueRuntimeModule (JobQueues) with workers. */
@Module({
  imports: [EventStoreModule],
  providers: [
    { provide: KEY, useFactory: (c: AppConfig, l: Logger) => loadDigestSigningKey(c, l.child({ component: 'digest' })), inject: [AppConfig, ROOT_LOGGER] },
    {
      provide: IntegrityService,
      useFactory: (ds: DataSource, es: EventStore, l: Logger) => new IntegrityService(ds, es, l.child({ component: 'integrity' })),
      inject: [getDataSourceToken(), EventStore, ROOT_LOGGER],
    },
    {
      provide: ChainDigestService,
      useFactory: (ds: DataSource, i: IntegrityService, k: DigestSigningKey) => new ChainDigestService(ds, i, k),
      inject: [getDataSourceToken(), IntegrityService, KEY],
    },
    DigestJobs,
  ],
  exports: [ChainDigestService, DigestJobs],
})
export class DigestModule {}
