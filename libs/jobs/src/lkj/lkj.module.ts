import { DynamicModule, Module, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { EventStore, EventStoreModule } from '@kinerja/event-store';
import { AppConfig, Clock, ContentAddressedStore, ROOT_LOGGER } from '@kinerja/platform';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { JobQueues } from '../queue-runtime/job-queues';
import { CapaianTahunLaluService } from './capaian-tahun-lalu.service';
import { LkjChainIntegrity } from './lkj-chain-integrity';
import { LkjEnqueuer } from './lkj-enqueuer';
import { LkjFileIntegrity, lkjFileStore } from './lkj-file-integrity';
import { LkjFactsReader } from './lkj-facts.reader';
import { LKJ_OPTIONS, LkjJobs, type LkjWorkerOptions } from './lkj-jobs';
import { LkjOutbox } from './lkj-outbox';
import { LkjProcessManager } from './lkj-process-manager';
import { LkjProducer } from './lkj-producer';
import { LkjStreams } from './lkj-stream';
import { LkjService } from './lkj.service';

const DS = getDataSourceToken();

/** Every LKj service, built from the platform's DataSource, event store, clock and DATA_DIR. Needs QueueRuntimeModule. */
function lkjProviders(): Provider[] {
  return [
    { provide: LkjStreams, useFactory: (es: EventStore) => new LkjStreams(es), inject: [EventStore] },
    { provide: LkjOutbox, useFactory: (ds: DataSource) => new LkjOutbox(ds), inject: [DS] },
    { provide: ContentAddressedStore, useFactory: (c: AppConfig) => lkjFileStore(c.DATA_DIR), inject: [AppConfig] },
    { provide: LkjFactsReader, useFactory: (ds: DataSource, es: EventStore) => new LkjFactsReader(ds, es), inject: [DS, EventStore] },
    { provide: LkjEnqueuer, useFactory: (q: JobQueues, o: LkjOutbox, c: Clock) => new LkjEnqueuer(q, o, c), inject: [JobQueues, LkjOutbox, Clock] },
    {
      provide: LkjProcessManager,
      useFactory: (ds: DataSource, es: EventStore, s: LkjStreams, o: LkjOutbox, c: Clock) => new LkjProcessManager(ds, es, s, o, c),
      inject: [DS, EventStore, LkjStreams, LkjOutbox, Clock],
    },
    {
      provide: LkjChainIntegrity,
      useFactory: (ds: DataSource, es: EventStore, l: Logger) => new LkjChainIntegrity(new IntegrityService(ds, es, l.child({ component: 'integrity' }))),
      inject: [DS, EventStore, ROOT_LOGGER],
    },
    {
      provide: LkjProducer,
      useFactory: (ds: DataSource, s: LkjStreams, f: LkjFactsReader, fs: ContentAddressedStore, o: LkjOutbox, c: Clock, i: LkjChainIntegrity) =>
        new LkjProducer(ds, s, f, fs, o, c, i),
      inject: [DS, LkjStreams, LkjFactsReader, ContentAddressedStore, LkjOutbox, Clock, LkjChainIntegrity],
    },
    {
      provide: LkjFileIntegrity,
      useFactory: (ds: DataSource, es: EventStore, fs: ContentAddressedStore, l: Logger) =>
        new LkjFileIntegrity(fs, new IntegrityService(ds, es, l.child({ component: 'integrity' })), l.child({ component: 'lkj' })),
      inject: [DS, EventStore, ContentAddressedStore, ROOT_LOGGER],
    },
    {
      provide: LkjService,
      useFactory: (
        ds: DataSource, s: LkjStreams, o: LkjOutbox, e: LkjEnqueuer, pm: LkjProcessManager, fs: ContentAddressedStore, c: Clock, i: LkjFileIntegrity, ci: LkjChainIntegrity,
      ) => new LkjService(ds, s, o, e, pm, fs, c, i, ci),
      inject: [DS, LkjStreams, LkjOutbox, LkjEnqueuer, LkjProcessManager, ContentAddressedStore, Clock, LkjFileIntegrity, LkjChainIntegrity],
    },
    { provide: CapaianTahunLaluService, useFactory: (ds: DataSource, es: EventStore, c: Clock) => new CapaianTahunLaluService(ds, es, c), inject: [DS, EventStore, Clock] },
  ];
}

const EXPORTS = [LkjService, CapaianTahunLaluService, LkjProducer, LkjProcessManager, LkjFactsReader, ContentAddressedStore, LkjFileIntegrity, LkjChainIntegrity];

/** The annual Laporan Kinerja: `forApi()` to ask for and serve it, `forWorker()` to produce it. */
@Module({})
export class LkjModule {
  static forApi(): DynamicModule {
    return { module: LkjModule, imports: [EventStoreModule], providers: lkjProviders(), exports: EXPORTS };
  }

  static forWorker(options: Partial<LkjWorkerOptions> = {}): DynamicModule {
    return {
      module: LkjModule,
      imports: [EventStoreModule],
      providers: [
        ...lkjProviders(),
        { provide: LKJ_OPTIONS, useValue: { pollMs: 1000, reconcilePattern: '30 18 * * *', ...options } satisfies LkjWorkerOptions },
        LkjJobs,
      ],
      exports: [...EXPORTS, LkjJobs],
    };
  }
}
