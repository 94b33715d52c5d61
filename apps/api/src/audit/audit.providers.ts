import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { AppConfig, ROOT_LOGGER } from '@kinerja/platform';
import { AuditFilterNames } from '@kinerja/projections/audit-trail/audit-filter-names';
import { AuditTrailQuery } from '@kinerja/projections/audit-trail/audit-trail.query';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { ChainDigestService } from '@kinerja/jobs/digest/chain-digest.service';
import { LkjFileIntegrity, lkjFileStore } from '@kinerja/jobs/lkj/lkj-file-integrity';
import { loadDigestSigningKey, loadTrustedDigestPublicKeys, type DigestSigningKey } from '@kinerja/jobs/digest/digest-signing-key';
import { AuditFilterNamesCheck } from './audit-filter-names';

export const DIGEST_SIGNING_KEY = Symbol('DIGEST_SIGNING_KEY');
/** The current key and the earlier ones still trusted to verify (DIGEST_PREVIOUS_PUBLIC_KEYS). */
export const DIGEST_PUBLIC_KEYS = Symbol('DIGEST_PUBLIC_KEYS');

/**
 * The Inspektorat's services over the one DataSource and logger; the key from AppConfig. The
 * IntegrityService comes from ProjectionsModule, the same one the evidence service records to.
 */
export const AUDIT_PROVIDERS: Provider[] = [
  { provide: AuditTrailQuery, useFactory: (ds: DataSource) => new AuditTrailQuery(ds), inject: [getDataSourceToken()] },
  { provide: AuditFilterNames, useFactory: (ds: DataSource) => new AuditFilterNames(ds), inject: [getDataSourceToken()] },
  AuditFilterNamesCheck,
  {
    provide: DIGEST_SIGNING_KEY,
    useFactory: (config: AppConfig, logger: Logger) => loadDigestSigningKey(config, logger.child({ component: 'digest' })),
    inject: [AppConfig, ROOT_LOGGER],
  },
  {
    provide: DIGEST_PUBLIC_KEYS,
    useFactory: (config: AppConfig, key: DigestSigningKey) => loadTrustedDigestPublicKeys(config, key),
    inject: [AppConfig, DIGEST_SIGNING_KEY],
  },
  {
    // What closing an alert about a stored LKj file checks: the file hashes to its SHA-256 again.
    provide: LkjFileIntegrity,
    useFactory: (config: AppConfig, integrity: IntegrityService, logger: Logger) =>
      new LkjFileIntegrity(lkjFileStore(config.DATA_DIR), integrity, logger.child({ component: 'lkj' })),
    inject: [AppConfig, IntegrityService, ROOT_LOGGER],
  },
  {
    provide: ChainDigestService,
    useFactory: (ds: DataSource, integrity: IntegrityService, key: DigestSigningKey) => new ChainDigestService(ds, integrity, key),
    inject: [getDataSourceToken(), IntegrityService, DIGEST_SIGNING_KEY],
  },
];
