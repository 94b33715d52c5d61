import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
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
});
