import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { EventStore } from './event-store';
import { EventMetadata } from './event-store.types';

const metadata = (tenantId: string): EventMetadata => ({ tenantId, actorId: 'u', actorRole: 'ADMIN', correlationId: randomUUID() });
const event = { type: 'Marked', data: { ok: true } };

describe('EventStore tenants (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new EventStore(db.dataSource);
  });
  afterAll(() => db?.drop());

  /** Waits until a backend of this database waits on a lock with this query text. */
  async function lockWaiters(): Promise<number> {
    const rows = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%event_store_append%'`,
    );
    return rows[0].n;
  }

  it('serialises appends of one office on its chain head; other offices never wait', async () => {
    await store.append('s:a0', 'any', [event], metadata('kpu-a'));
    const holder = db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await store.append('s:a1', 'any', [event], metadata('kpu-a'), { manager: holder.manager });

    let sameTenantDone = false;
    const sameTenant = store.append('s:a2', 'any', [event], metadata('kpu-a')).then((r) => {
      sameTenantDone = true;
      return r;
    });
    for (let i = 0; i < 400 && (await lockWaiters()) === 0; i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(await lockWaiters()).toBe(1);

    const otherTenants = await Promise.all(['kpu-b', 'kpu-c', 'kpu-d'].map((t) => store.append(`s:${t}`, 'any', [event], metadata(t))));
    expect(otherTenants.map((r) => r.events[0].tenantSequence)).toEqual([1, 1, 1]);
    expect(sameTenantDone).toBe(false);

    await holder.commitTransaction();
    await holder.release();
    const queued = await sameTenant;
    expect(queued.events[0].tenantSequence).toBe(3);
    for (const tenant of ['kpu-a', 'kpu-b']) expect((await store.verify(tenant)).intact).toBe(true);
  });

  it('keeps each office on its own chain when many append at once', async () => {
    const tenants = ['kpu-x', 'kpu-y', 'kpu-z'];
    await Promise.all(
      // Single events take the one-UPDATE fast path, pairs the locking loop: both share the head.
      Array.from({ length: 60 }, (_, i) =>
        store.append(`s:${i}:${tenants[i % 3]}`, 'no-stream', i % 2 === 0 ? [event] : [event, event], metadata(tenants[i % 3])),
      ),
    );
    for (const tenant of tenants) {
      const events = await store.readTenantEvents(tenant);
      expect(events.map((e) => e.tenantSequence)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      const times = events.map((e) => e.recordedAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(await store.verify(tenant)).toMatchObject({ intact: true, head: { sequence: 30, count: 30 } });
    }
  });
});
