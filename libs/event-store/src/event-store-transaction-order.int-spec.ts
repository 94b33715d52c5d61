import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigError } from '@kinerja/platform';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { EventStore } from './event-store';
import { EventMetadata } from './event-store.types';
import { EventStoreModule } from './event-store.module';
import {
  assertTransactionOrder,
  checkTransactionOrder,
  STORED_TRANSACTION_ID_COLUMNS,
  TransactionOrderError,
} from './transaction-order';

const metadata = (tenantId: string): EventMetadata => ({ tenantId, actorId: 'u', actorRole: 'SEKRETARIS', correlationId: randomUUID() });
const marked = (label: string) => ({ type: 'Marked', data: { label } });
const EPOCH = 1n << 32n;

async function nextTransactionId(db: TestDatabase): Promise<bigint> {
  const [{ next }] = await db.dataSource.query('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next');
  return BigInt(next);
}

/**
 * What a pg_dump of another cluster restored here looks like: rows carrying transaction ids this
 * cluster has not handed out yet. Written as a restore writes them (an INSERT naming the column;
 * the append-only trigger refuses only UPDATE, DELETE and TRUNCATE).
 */
async function restoreEventWithTransactionId(db: TestDatabase, tenantId: string, transactionId: bigint): Promise<void> {
  await db.dataSource.query(
    `INSERT INTO events (tenant_id, tenant_sequence, stream_id, stream_version, event_id, type, schema_version,
                         data, metadata, recorded_at, previous_hash, hash, transaction_id)
     VALUES ($1, 1, $2, 0, $3, 'Marked', 1, '{"label":"restored"}', '{}', now(), repeat('0', 64), repeat('1', 64), $4::xid8)`,
    [tenantId, `restored:${tenantId}`, randomUUID(), transactionId.toString()],
  );
}

describe('Event log order after a restore into another cluster (real PostgreSQL)', () => {
  describe('the normal cases pass', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(() => db?.drop());

    it('a database not yet migrated, and a migrated one without events, hold no transaction id', async () => {
      const bare = await createTestDatabase({ migrate: false });
      try {
        await expect(checkTransactionOrder(bare.dataSource)).resolves.toMatchObject({ status: 'OK', maxStoredTransactionId: null });
      } finally {
        await bare.drop();
      }
      await expect(checkTransactionOrder(db.dataSource)).resolves.toMatchObject({ status: 'OK', maxStoredTransactionId: null });
      await expect(assertTransactionOrder(db.dataSource)).resolves.toBeUndefined();
    });

    it('events appended and checkpoints saved on this cluster are behind its counter', async () => {
      const store = new EventStore(db.dataSource);
      await store.append('office:kpu-ok', 'no-stream', [marked('a'), marked('b')], metadata('kpu-ok'));
      const read = await store.readAll({ limit: 10 });
      await store.saveCheckpoint('projection:test', read.checkpoint);
      const order = await checkTransactionOrder(db.dataSource);
      expect(order).toMatchObject({ status: 'OK', maxStoredTransactionId: read.checkpoint.txId });
      expect(BigInt(order.nextTransactionId)).toBeGreaterThan(BigInt(read.checkpoint.txId));
    });

    it('is not fooled by a transaction still running elsewhere (xmin held back below committed ids)', async () => {
      const store = new EventStore(db.dataSource);
      const holder = new Client({ connectionString: db.url });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT pg_current_xact_id()'); // holds the cluster's xmin here
        await store.append('office:kpu-ok', 1, [marked('c')], metadata('kpu-ok'));
        const [{ xmin, max }] = await db.dataSource.query(
          `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, (SELECT max(transaction_id) FROM events)::text AS max`,
        );
        expect(BigInt(max)).toBeGreaterThanOrEqual(BigInt(xmin)); // what a check against xmin would refuse
        await expect(checkTransactionOrder(db.dataSource)).resolves.toMatchObject({ status: 'OK', maxStoredTransactionId: max });
      } finally {
        await holder.query('ROLLBACK').catch(() => undefined);
        await holder.end();
      }
    });

    it('knows every column that stores a transaction id', async () => {
      const columns: Array<{ table: string; column: string }> = await db.dataSource.query(
        `SELECT c.relname AS table, a.attname AS column
           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE a.atttypid = 'xid8'::regtype AND c.relkind IN ('r', 'p') AND n.nspname = current_schema() AND NOT a.attisdropped
          ORDER BY 1, 2`,
      );
      expect(columns).toEqual([...STORED_TRANSACTION_ID_COLUMNS].sort((a, b) => a.table.localeCompare(b.table)));
    });
  });

  describe('a database restored from another cluster is refused', () => {
    let db: TestDatabase;
    let store: EventStore;
    let restoredMax: bigint;
    beforeAll(async () => {
      db = await createTestDatabase();
      store = new EventStore(db.dataSource);
      await store.append('office:kpu-lama', 'no-stream', [marked('before the backup')], metadata('kpu-lama'));
      // The old cluster had gone further than this one: its last event and the projection's checkpoint.
      restoredMax = (await nextTransactionId(db)) + 100_000n;
      await restoreEventWithTransactionId(db, 'kpu-restored', restoredMax);
    });
    afterAll(() => db?.drop());

    it('shows the defect: a new event sorts before the checkpoint and never reaches the subscriber', async () => {
      const checkpoint = { txId: restoredMax.toString(), position: '999999' };
      await store.append('office:kpu-lama', 0, [marked('after the restore')], metadata('kpu-lama'));
      const read = await store.readAll({ after: checkpoint, limit: 10 });
      expect(read.events).toEqual([]);
    });

    it('names the highest stored id, the epoch to give pg_resetwal and the steps, and refuses with exit code 78', async () => {
      const order = await checkTransactionOrder(db.dataSource);
      expect(order).toMatchObject({
        status: 'BROKEN',
        maxStoredTransactionId: restoredMax.toString(),
        storedIn: 'events.transaction_id',
        epoch: '1',
      });
      const error: unknown = await assertTransactionOrder(db.dataSource).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(TransactionOrderError);
      // bootProcess and the CLI exit 78 (EX_CONFIG) on a ConfigError.
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain(`events.transaction_id = ${restoredMax}`);
      expect(message).toContain('restored from a');
      expect(message).toContain('logical dump (pg_dump) into another cluster whose transaction counter is behind the stored events');
      expect(message).toContain('pg_resetwal -e 1 -D <data directory>');
      expect(message).toContain('stop the PostgreSQL cluster cleanly');
    });

    it('refuses at the start of every Nest application that has the event store (API, worker, kinerja)', async () => {
      const moduleRef = await Test.createTestingModule({
        imports: [
          TypeOrmModule.forRootAsync({ useFactory: () => ({ type: 'postgres' }), dataSourceFactory: async () => db.dataSource }),
          EventStoreModule,
        ],
      }).compile();
      await expect(moduleRef.init()).rejects.toBeInstanceOf(TransactionOrderError);
    });

    it('computes the epoch from the high half of the id (ids of a later epoch)', async () => {
      const later = await createTestDatabase();
      try {
        await new EventStore(later.dataSource).saveCheckpoint('projection:restored', { txId: (3n * EPOCH + 4826n).toString(), position: '7' });
        await expect(checkTransactionOrder(later.dataSource)).resolves.toMatchObject({
          status: 'BROKEN',
          maxStoredTransactionId: (3n * EPOCH + 4826n).toString(),
          storedIn: 'event_subscriber_checkpoints.transaction_id',
          epoch: '4',
        });
      } finally {
        await later.drop();
      }
    });
  });
});
