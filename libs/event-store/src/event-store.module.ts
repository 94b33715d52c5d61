import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventStore } from './event-store';
import { eventUpcasters, UpcasterRegistry } from './upcaster.registry';

/**
 * Provides the one EventStore over the application's DataSource (the app module opens it with
 * `TypeOrmModule.forRootAsync`). Libraries register their upcasters on `UpcasterRegistry` (the process-wide `eventUpcasters`) at start.
 */
@Module({
  providers: [
    { provide: UpcasterRegistry, useValue: eventUpcasters },
    {
      provide: EventStore,
      useFactory: (dataSource: DataSource, upcasters: UpcasterRegistry) => new EventStore(dataSource, upcasters),
      inject: [getDataSourceToken(), UpcasterRegistry],
    },
  ],
  exports: [EventStore, UpcasterRegistry],
})
export class EventStoreModule {}
