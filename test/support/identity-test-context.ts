import { Global, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { DomainError } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import { AppConfig, Clock, ControllableClock, loadConfig } from '@kinerja/platform';
import { CredentialsService } from '../../libs/identity/src/auth/credentials.service';
import { FirstAdminService } from '../../libs/identity/src/bootstrap/first-admin.service';
import { EventStoreIdentityLog } from '../../libs/identity/src/events/event-store-identity-log';
import { IdentityEventLog } from '../../libs/identity/src/events/identity-event-log';
import { IdentityModule } from '../../libs/identity/src/identity.module';
import type { AuthenticatedUser } from '../../libs/identity/src/identity.types';
import { createTestDatabase, TestDatabase } from './test-database';

export interface IdentityTestContext {
  db: TestDatabase;
  module: TestingModule;
  store: EventStore;
  clock: ControllableClock;
  /** The first administrator of the root office `kpu-ri`, signed in. */
  rootAdmin: AuthenticatedUser;
  /** Makes the next identity append fail after it has written: shows that rows and events commit together. */
  failNextAppend(): void;
  /** Event types of the office's identity stream, in order. */
  streamTypes(satker: string): Promise<string[]>;
  close(): Promise<void>;
}

/** The identity module alone, on a fresh database and the real event store, with a clock to move. */
export async function createIdentityTestContext(env: Record<string, string> = {}): Promise<IdentityTestContext> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', ...env });
  const clock = new ControllableClock(new Date('2026-02-02T01:00:00Z'));
  let failNext = false;

  @Global()
  @Module({
    providers: [
      { provide: DataSource, useValue: db.dataSource },
      { provide: AppConfig, useValue: config },
      { provide: Clock, useValue: clock },
    ],
    exports: [DataSource, AppConfig, Clock],
  })
  class TestPlatformModule {}

  const module = await Test.createTestingModule({ imports: [TestPlatformModule, IdentityModule] })
    .overrideProvider(IdentityEventLog)
    .useFactory({
      factory: (eventStore: EventStore) => {
        const real = new EventStoreIdentityLog(eventStore);
        return {
          async append(...args: Parameters<EventStoreIdentityLog['append']>) {
            await real.append(...args);
            if (failNext) {
              failNext = false;
              throw new Error('append failed after writing');
            }
          },
        };
      },
      inject: [EventStore],
    })
    .compile();
  await module.get(FirstAdminService).ensure({
    rootSatkerCode: 'kpu-ri',
    rootSatkerName: 'Sekretariat Jenderal KPU RI',
    username: 'admin',
    password: 'admin-password-1',
  });
  const rootAdmin = (await module.get(CredentialsService).verify('admin', 'admin-password-1')).user;
  const store = module.get(EventStore);
  return {
    db,
    module,
    store,
    clock,
    rootAdmin,
    failNextAppend: () => {
      failNext = true;
    },
    streamTypes: async (satker) => (await store.readStream(`identity:${satker}`)).map((e) => e.type),
    async close() {
      await module.close();
      await db.drop();
    },
  };
}

/** The DomainError a promise is refused with; fails when it resolves or throws anything else. */
export async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
