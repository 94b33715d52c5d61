import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EventStore, preparedStatementPool, UpcasterRegistry } from '@kinerja/event-store';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import type { Folder } from './stream-state-cache';
import { StreamStateReader } from './stream-state-reader';

interface Tally {
  total: number;
  notes: string[];
}

type TallyEvent = { type: 'Counted'; data: { n: number; note?: string } };

/** A decider's fold that counts the events it is given, so a test can see what was folded again. */
function countingFolder() {
  const folded: TallyEvent[] = [];
  const folder: Folder<Tally, TallyEvent> = {
    initialState: () => ({ total: 0, notes: [] }),
    evolve: (state, event) => {
      folded.push(event);
      return { total: state.total + event.data.n, notes: event.data.note ? [...state.notes, event.data.note] : state.notes };
    },
  };
  return { folder, folded };
}

describe('StreamStateReader: folded states cached per process, the tail read every time (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let attacker: Client;
  const upcasters = new UpcasterRegistry().register('Counted', 1, (data: { n: number }) => ({ ...data, note: `v2:${data.n}` }));

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new EventStore(db.dataSource);
    attacker = new Client({ connectionString: db.url });
    await attacker.connect();
    await attacker.query('SET session_replication_role = replica');
  });
  afterAll(async () => {
    await attacker?.end();
    await db?.drop();
  });

  const meta = (tenantId: string) => ({ tenantId, actorId: 'u-1', actorRole: 'KASUBBAG', correlationId: randomUUID() });
  async function append(tenant: string, stream: string, expected: number | 'no-stream', ...ns: number[]) {
    await store.append(stream, expected, ns.map((n) => ({ type: 'Counted', data: { n } })), meta(tenant));
  }

  it('folds only the events appended since, and sees those appended by another process', async () => {
    await append('kpu-a', 'tally:1', 'no-stream', 1, 2, 3);
    const { folder, folded } = countingFolder();
    const reader = new StreamStateReader(db.dataSource, upcasters);
    const first = await reader.load('kpu-a', [{ streamId: 'tally:1', folder }]);
    expect(first.get('tally:1')).toEqual({ state: { total: 6, notes: ['v2:1', 'v2:2', 'v2:3'] }, version: 3 });
    expect(folded).toHaveLength(3);

    await append('kpu-a', 'tally:1', 2, 10);
    const second = await reader.load('kpu-a', [{ streamId: 'tally:1', folder }]);
    expect(second.get('tally:1')).toEqual({ state: { total: 16, notes: ['v2:1', 'v2:2', 'v2:3', 'v2:10'] }, version: 4 });
    expect(folded).toHaveLength(4);

    // The same answer as a fold of the whole stream by a reader that has cached nothing.
    const fresh = await new StreamStateReader(db.dataSource, upcasters).load('kpu-a', [{ streamId: 'tally:1', folder }]);
    expect(fresh.get('tally:1')).toEqual(second.get('tally:1'));
  });

  it('reads through a named prepared statement on a PostgreSQL server', async () => {
    await append('kpu-p', 'tally:p', 'no-stream', 4);
    const pool = await preparedStatementPool(db.dataSource);
    expect(pool).not.toBeNull();
    const spy = jest.spyOn(pool!, 'query');
    try {
      const { folder } = countingFolder();
      const loaded = await new StreamStateReader(db.dataSource, upcasters).load('kpu-p', [{ streamId: 'tally:p', folder }]);
      expect(loaded.get('tally:p')).toEqual({ state: { total: 4, notes: ['v2:4'] }, version: 1 });
      expect(spy.mock.calls.map(([config]) => (config as { name?: string }).name)).toEqual(['kinerja_stream_state_tail_v2']);
    } finally {
      spy.mockRestore();
    }
  });

  it('answers several streams in one call, a stream without events at version 0', async () => {
    await append('kpu-b', 'tally:x', 'no-stream', 5);
    await append('kpu-b', 'tally:y', 'no-stream', 7, 8);
    const { folder } = countingFolder();
    const reader = new StreamStateReader(db.dataSource, upcasters);
    await reader.load('kpu-b', [{ streamId: 'tally:x', folder }]);
    const both = await reader.load('kpu-b', [{ streamId: 'tally:x', folder }, { streamId: 'tally:y', folder }, { streamId: 'tally:none', folder }]);
    expect([...both].map(([id, s]) => [id, (s.state as Tally).total, s.version])).toEqual([['tally:x', 5, 1], ['tally:y', 15, 2], ['tally:none', 0, 0]]);
  });

  it('plans the read once per connection and reuses the plan, rather than planning it for every command', async () => {
    // An office with some history, and statistics that know it (on an empty table any plan is cheap).
    for (let i = 0; i < 200; i++) await append('kpu-g', `tally:g${i}`, 'no-stream', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    await db.dataSource.query('ANALYZE events');
    const reader = new StreamStateReader(db.dataSource, upcasters);
    const { folder } = countingFolder();
    const pool = (await preparedStatementPool(db.dataSource))!;
    const plans = async () => {
      // Sequential reads take the same idle connection; each connection keeps its own statistics.
      const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
      try {
        const rows = await Promise.all(clients.map(async (client) => (await client.query<{ generic_plans: string; custom_plans: string }>(
          `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'kinerja_stream_state_tail_v2'`)).rows));
        return rows.flat().reduce((sum, r) => ({ generic: sum.generic + Number(r.generic_plans), custom: sum.custom + Number(r.custom_plans) }), { generic: 0, custom: 0 });
      } finally {
        clients.forEach((client) => client.release());
      }
    };
    const before = await plans();

    for (let i = 0; i < 20; i++) await reader.load('kpu-g', [{ streamId: 'tally:g1', folder }, { streamId: 'tally:g2', folder }]);

    const after = await plans();
    // PostgreSQL tries five custom plans on a connection before it compares them with the generic
    // one (the reads may use two connections); planned every time, it would be 20 custom plans.
    expect(after.custom - before.custom).toBeLessThanOrEqual(10);
    expect(after.generic - before.generic).toBeGreaterThanOrEqual(10);
  });

  it('reads a stream in full again when its last folded event is no longer there (database restored or reset)', async () => {
    await append('kpu-c', 'tally:r', 'no-stream', 1, 2);
    const { folder, folded } = countingFolder();
    const reader = new StreamStateReader(db.dataSource, upcasters);
    await reader.load('kpu-c', [{ streamId: 'tally:r', folder }]);
    await attacker.query(`DELETE FROM events WHERE tenant_id = 'kpu-c' AND stream_id = 'tally:r' AND stream_version = 1`);
    await attacker.query(
      `INSERT INTO events (tenant_id, tenant_sequence, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, previous_hash, hash)
       SELECT tenant_id, tenant_sequence + 10, stream_id, 1, gen_random_uuid(), type, schema_version, '{"n": 40}', metadata, recorded_at, previous_hash, hash
         FROM events WHERE tenant_id = 'kpu-c' AND stream_id = 'tally:r' AND stream_version = 0`,
    );
    folded.length = 0;
    const again = await reader.load('kpu-c', [{ streamId: 'tally:r', folder }]);
    expect(again.get('tally:r')).toMatchObject({ state: { total: 41 }, version: 2 });
    expect(folded).toHaveLength(2);
  });

  it('keeps the states of one decider apart from those of another on the same stream', async () => {
    await append('kpu-d', 'tally:d', 'no-stream', 3);
    const reader = new StreamStateReader(db.dataSource, upcasters);
    const counting = countingFolder();
    const doubling: Folder<number, TallyEvent> = { initialState: () => 0, evolve: (s, e) => s + 2 * e.data.n };
    await reader.load('kpu-d', [{ streamId: 'tally:d', folder: counting.folder }]);
    const doubled = await reader.load('kpu-d', [{ streamId: 'tally:d', folder: doubling }]);
    expect(doubled.get('tally:d')).toEqual({ state: 6, version: 1 });
  });

  it('drops the least recently used state beyond its capacity, and shares states frozen', async () => {
    for (const id of ['l:1', 'l:2', 'l:3']) await append('kpu-e', id, 'no-stream', 1);
    const { folder, folded } = countingFolder();
    const reader = new StreamStateReader(db.dataSource, upcasters, 2);
    const load = async (id: string) => (await reader.load('kpu-e', [{ streamId: id, folder }])).get(id)!;
    await load('l:1');
    await load('l:2');
    await load('l:1');
    await load('l:3'); // l:2 is the least recently used: dropped
    folded.length = 0;
    await load('l:1');
    await load('l:3');
    expect(folded).toHaveLength(0);
    const l2 = await load('l:2');
    expect(folded).toHaveLength(1);
    expect(() => (l2.state as Tally).notes.push('changed')).toThrow(TypeError);
  });
});
