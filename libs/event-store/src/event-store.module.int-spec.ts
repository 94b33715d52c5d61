import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppConfig, loadConfig } from '@kinerja/platform';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { batcherOf } from './append-batch';
import { preparedStatementPool } from './append-fast-path';
import { EventStore } from './event-store';
import { EventStoreModule } from './event-store.module';
import { eventUpcasters, UpcasterRegistry } from './upcaster.registry';

describe('EventStoreModule', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it("provides one EventStore over the application's DataSource, with the process-wide upcasters", async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRootAsync({ useFactory: () => ({ type: 'postgres' }), dataSourceFactory: async () => db.dataSource }),
        EventStoreModule,
      ],
    }).compile();
    const store = moduleRef.get(EventStore);
    expect(moduleRef.get(UpcasterRegistry)).toBe(eventUpcasters);
    expect(store.upcasters).toBe(eventUpcasters);
    const result = await store.append('identity:kpu-mod', 'no-stream', [{ type: 'Marked', data: {} }], {
      tenantId: 'kpu-mod', actorId: 'u', actorRole: 'ADMIN', correlationId: 'c',
    });
    expect(result.events[0].tenantSequence).toBe(1);
    await moduleRef.close();
  });

  it('sets the group commit from EVENT_STORE_APPENDS_IN_FLIGHT when the configuration is there', async () => {
    @Global()
    @Module({ providers: [{ provide: AppConfig, useValue: loadConfig({ EVENT_STORE_APPENDS_IN_FLIGHT: '3' }) }], exports: [AppConfig] })
    class ConfigModule {}
    const own = await createTestDatabase(); // closing the first module closed the shared data source
    try {
      const moduleRef = await Test.createTestingModule({
        imports: [
          ConfigModule,
          TypeOrmModule.forRootAsync({ useFactory: () => ({ type: 'postgres' }), dataSourceFactory: async () => own.dataSource }),
          EventStoreModule,
        ],
      }).compile();
      const store = moduleRef.get(EventStore);
      await store.append('identity:kpu-mod', 'no-stream', [{ type: 'Marked', data: {} }], { tenantId: 'kpu-mod', actorId: 'u', actorRole: 'ADMIN', correlationId: 'c' });
      await store.append('identity:kpu-mod', 0, [{ type: 'Marked', data: {} }], { tenantId: 'kpu-mod', actorId: 'u', actorRole: 'ADMIN', correlationId: 'c' });
      const pool = await preparedStatementPool(own.dataSource);
      expect(batcherOf(pool!).settings.maxInFlight).toBe(3);
      await moduleRef.close();
    } finally {
      await own.drop();
    }
  });
});
