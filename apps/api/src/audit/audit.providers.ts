import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { EventStore } from '@kinerja/event-store';
import { AppConfig, ROOT_LOGGER } from '@kinerja/platform';
import { AuditTrailQuery } from '@kinerja/projections/audit-trail/audit-trail.query';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { ChainDigestService } from '@kinerja/jobs/digest/chain-digest.service';
import { loadDigestSigningKey, type DigestSigningKey } from '@kinerja/jobs/digest/digest-signing-key';

export const DIGEST_SIGNING_KEY = Symbol('DIGEST_SIGNING_KEY');

/** The Inspektorat's services over the one DataSource, EventStore and logger; the key from AppConfig. */
export const AUDIT_PROVIDERS: Provider[] = [
  { provide: AuditTrailQuery, useFactory: (ds: DataSource) => new AuditTrailQuery(ds), inject: [getDataSourceToken()] },
  {
    provide: IntegrityService,
    useFactory: (ds: DataSource, store: EventStore, logger: Logger) => new IntegrityService(ds, store, logger.child({ component: 'integrity' })),
    inject: [getDataSourceToken(), EventStore, ROOT_LOGGER],
  },
  {
    provide: DIGEST_SIGNING_KEY,
    useFactory: (config: AppConfig, logger: Logger) => loadDigestSigningKey(config, logger.child({ component: 'digest' })),
    inject: [AppConfig, ROOT_LOGGER],
  },
  {
    provide: ChainDigestService,
    useFactory: (ds: DataSource, integrity: IntegrityService, key: DigestSigningKey) => new ChainDigestService(ds, integrity, key),
    inject: [getDataSourceToken(), IntegrityService, DIGEST_SIGNING_KEY],
  },
];
