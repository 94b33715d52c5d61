import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventStore } from './event-store';
import { UpcasterRegistry } from './upcaster.registry';

/**
 * Provides the one EventStore over the application's DataSource (the app module opens it with
 * `TypeOrmModule.forRootAsync`). Libraries register their upcasters on `UpcasterRegistry` at start.
 */
@Module({
  providers: [
    UpcasterRegistry,
    {
      provide: EventStore,
      useFactory: (dataSource: DataSource, upcasters: UpcasterRegistry) => new EventStore(dataSource, upcasters),
      inject: [getDataSourceToken(), UpcasterRegistry],
    },
  ],
  exports: [EventStore, UpcasterRegistry],
})
export class EventStoreModule {}
