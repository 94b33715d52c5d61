import { Inject, Injectable, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { EventStore, EventStoreModule } from '@kinerja/event-store';
import { Clock, ROOT_LOGGER } from '@kinerja/platform';
import { ApprovalInboxQuery } from './approval-inbox/approval-inbox.query';
import { IntegrityService } from './audit-trail/integrity.service';
import { KinerjaReadModel } from './current-performance/kinerja.read-model';
import { builtInRegistry } from './projection-list';
import { projectionLag, ProjectionLag } from './runner/projection-lag';
import { ProjectionRebuilder } from './runner/projection-rebuilder';
import { ProjectionRegistry } from './runner/projection-registry';
import { SubmissionStatusQuery } from './submission-status/submission-status.query';

/** Per-projection lag for `/health`: events behind and seconds behind. */
@Injectable()
export class ProjectionLagService {
  constructor(
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly registry: ProjectionRegistry,
    private readonly clock: Clock,
  ) {}

  lag(): Promise<ProjectionLag[]> {
    return projectionLag(this.dataSource, this.store, this.registry, this.clock.now());
  }
}

const byDataSource = <T>(make: (ds: DataSource) => T) => ({ useFactory: make, inject: [getDataSourceToken()] });

/**
 * The read side for the API and the jobs: the registry, the query services over the read models,
 * the lag report, the rebuilder and the integrity alerts (which the evidence service writes to when
 * a stored file no longer matches its SHA-256). Running the projections is the worker's
 * (ProjectionWorkerModule).
 */
@Module({
  imports: [EventStoreModule],
  providers: [
    { provide: ProjectionRegistry, useFactory: builtInRegistry },
    { provide: KinerjaReadModel, ...byDataSource((ds) => new KinerjaReadModel(ds)) },
    { provide: SubmissionStatusQuery, ...byDataSource((ds) => new SubmissionStatusQuery(ds)) },
    { provide: ApprovalInboxQuery, ...byDataSource((ds) => new ApprovalInboxQuery(ds)) },
    {
      provide: ProjectionRebuilder,
      useFactory: (ds: DataSource, store: EventStore) => new ProjectionRebuilder(ds, store),
      inject: [getDataSourceToken(), EventStore],
    },
    ProjectionLagService,
    {
      provide: IntegrityService,
      useFactory: (ds: DataSource, store: EventStore, logger: Logger) => new IntegrityService(ds, store, logger.child({ component: 'integrity' })),
      inject: [getDataSourceToken(), EventStore, ROOT_LOGGER],
    },
  ],
  exports: [ProjectionRegistry, KinerjaReadModel, SubmissionStatusQuery, ApprovalInboxQuery, ProjectionRebuilder, ProjectionLagService, IntegrityService],
})
export class ProjectionsModule {}
