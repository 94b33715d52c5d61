import { Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { EventStore, EventStoreModule } from '@kinerja/event-store';
import { FailureRun, ROOT_LOGGER } from '@kinerja/platform';
import { ProjectionsModule } from './projections.module';
import { ProjectionRebuilder, RebuildInProgressError } from './runner/projection-rebuilder';
import { ProjectionRegistry } from './runner/projection-registry';
import { ProjectionRunner } from './runner/projection-runner';
import { staleProjections } from './runner/projection-versions';

/** Runs every registered projection in the worker; replicas share the work through advisory locks. */
@Injectable()
export class ProjectionWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runner: ProjectionRunner;
  private rebuilding: Promise<unknown> | null = null;

  constructor(
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    store: EventStore,
    private readonly registry: ProjectionRegistry,
    private readonly rebuilder: ProjectionRebuilder,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    // Per projection: its first failure, then at most a line a minute, and one when it works again.
    const failures = new Map<string, FailureRun>();
    const run = (name: string) => failures.get(name) ?? failures.set(name, new FailureRun(this.logger, 'projection batch failed; retrying', { projection: name })).get(name)!;
    this.runner = new ProjectionRunner(dataSource, store, registry, {
      onError: (name, error) => run(name).failed(error),
      onRecovered: (name) => run(name).succeeded(),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const stale = await staleProjections(this.dataSource, this.registry);
    if (stale.length > 0) {
      this.logger.warn({ projections: stale }, 'projection version changed: rebuilding into shadow tables');
      const projections = stale.map((name) => this.registry.get(name));
      this.rebuilding = this.rebuilder
        .rebuild(projections)
        .then((r) => this.logger.info({ projections: r.projections, events: r.events }, 'projections rebuilt'))
        .catch((err) => {
          if (err instanceof RebuildInProgressError) this.logger.info({ projection: err.projection }, 'another process is rebuilding it');
          else this.logger.error({ err }, 'projection rebuild failed');
        });
    }
    this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.rebuilding;
  }
}

@Module({
  imports: [ProjectionsModule, EventStoreModule],
  providers: [ProjectionWorker],
})
export class ProjectionWorkerModule {}
