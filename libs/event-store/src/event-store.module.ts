import { Module, OnModuleInit } from '@nestjs/common';
import { getDataSourceToken, InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@kinerja/platform';
import { DataSource } from 'typeorm';
import { DEFAULT_BATCHER_OPTIONS } from './append-batch';
import { EventStore } from './event-store';
import { assertTransactionOrder } from './transaction-order';
import { eventUpcasters, UpcasterRegistry } from './upcaster.registry';

/**
 * Provides the one EventStore over the application's DataSource (the app module opens it with
 * `TypeOrmModule.forRootAsync`). Libraries register their upcasters on `UpcasterRegistry` (the process-wide `eventUpcasters`) at start.
 * `EVENT_STORE_APPENDS_IN_FLIGHT` sets the group commit's appends in flight (append-batch.ts).
 * At start (onModuleInit, before any onApplicationBootstrap appends or reads) it refuses a database
 * whose log order is broken (transaction-order.ts): TransactionOrderError, exit 78.
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
export class EventStoreModule implements OnModuleInit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await assertTransactionOrder(this.dataSource);
  }
}
