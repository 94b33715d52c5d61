import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AppConfig } from '@kinerja/platform';
import { DataSource } from 'typeorm';
import { DEFAULT_BATCHER_OPTIONS } from './append-batch';
import { EventStore } from './event-store';
import { eventUpcasters, UpcasterRegistry } from './upcaster.registry';

/**
 * Provides the one EventStore over the application's DataSource (the app module opens it with
 * `TypeOrmModule.forRootAsync`). Libraries register their upcasters on `UpcasterRegistry` (the process-wide `eventUpcasters`) at start.
 * `EVENT_STORE_APPENDS_IN_FLIGHT` sets the group commit's appends in flight (append-batch.ts).
 */
@Module({
  providers: [
    { provide: UpcasterRegistry, useValue: eventUpcasters },
    {
      provide: EventStore,
      useFactory: (dataSource: DataSource, upcasters: UpcasterRegistry, config?: AppConfig) =>
        new EventStore(dataSource, upcasters, config && { ...DEFAULT_BATCHER_OPTIONS, maxInFlight: config.EVENT_STORE_APPENDS_IN_FLIGHT }),
      inject: [getDataSourceToken(), UpcasterRegistry, { token: AppConfig, optional: true }],
    },
  ],
  exports: [EventStore, UpcasterRegistry],
})
export class EventStoreModule {}
