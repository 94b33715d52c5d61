import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { BATCH_APPEND_STATEMENT, SINGLE_APPEND_STATEMENT } from './append-batch';
import { FAST_APPEND_MAX_EVENTS, preparedStatementPool } from './append-fast-path';
import { ConcurrencyError } from './concurrency.error';
import { APPEND_STATEMENT, EventStore } from './event-store';
import { EventMetadata } from './event-store.types';

const metadata = (tenantId: string, extra: Partial<EventMetadata> = {}): EventMetadata => ({
  tenantId,
  actorId: 'user-kasubbag-umum',
  actorRole: 'KASUBBAG',
  correlationId: randomUUID(),
  clientAddress: '10.1.2.3',
  ...extra,
});
const submitted = (nilai: string) => ({ type: 'RealisasiSubmitted', data: { nilai, kendala: 'Hujan “deras” 🌧' } });

describe('EventStore.append (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 25 });
    store = new EventStore(db.dataSource);
  });
  afterAll(() => db?.drop());

  it('records the envelope: ids, versions from 0, tenant sequence, database time, linked hashes', async () => {
    const before = await db.dataSource.query('SELECT date_trunc(\'milliseconds\', now()) AS t');
    const first = await store.append('realisasi:kpu-a:1', 'no-stream', [submitted('1'), submitted('2')], metadata('kpu-a'));
    const second = await store.append('realisasi:kpu-a:1', 1, [submitted('3')], metadata('kpu-a', { causationId: 'cmd-9' }));
    expect(first.replayed).toBe(false);
    expect(first.events.map((e) => [e.streamVersion, e.tenantSequence])).toEqual([[0, 1], [1, 2]]);
    expect(second.nextExpectedVersion).toBe(2);
    expect(first.events[0].previousHash).toBe('0'.repeat(64));
    expect(first.events[1].previousHash).toBe(first.events[0].hash);
    expect(second.events[0].previousHash).toBe(first.events[1].hash);
    expect(first.events[0].recordedAt.getTime()).toBeGreaterThanOrEqual(new Date(before[0].t).getTime());
    expect(await store.headOf('kpu-a')).toEqual({ sequence: 3, hash: second.events[0].hash });

    const stream = await store.readStream('realisasi:kpu-a:1');
    expect(stream).toEqual([...first.events, ...second.events]);
    expect(stream[2].metadata).toEqual({
      actorId: 'user-kasubbag-umum', actorRole: 'KASUBBAG', correlationId: expect.any(String),
      causationId: 'cmd-9', clientAddress: '10.1.2.3', userAgent: null,
    });
    expect(await store.readStream('realisasi:kpu-a:1', { toVersion: 1 })).toHaveLength(2);
    expect(await store.readStream('realisasi:kpu-a:1', { asOf: new Date(first.events[0].recordedAt.getTime() - 1) })).toEqual([]);
    expect(await store.verify('kpu-a')).toEqual({ intact: true, tenantId: 'kpu-a', head: { sequence: 3, hash: second.events[0].hash, count: 3 } });
  });

  it('lets exactly one of 50 writers with the same expected version win; the stream has no gap', async () => {
    const streamId = `realisasi:kpu-b:${randomUUID()}`;
    await store.append(streamId, 'no-stream', [submitted('0')], metadata('kpu-b'));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => store.append(streamId, 0, [submitted(String(i))], metadata('kpu-b'))),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const error of lost) {
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ code: 'EVENT_STORE.CONCURRENCY', kind: 'conflict', expectedVersion: 0, actualVersion: 1 });
    }
    const stream = await store.readStream(streamId);
    expect(stream.map((e) => e.streamVersion)).toEqual([0, 1]);
    expect((await store.verify('kpu-b')).intact).toBe(true);
  });

  it('refuses a stale version, an existing stream for no-stream, and a version ahead of the stream', async () => {
    const streamId = 'pk:kpu-c:2024';
    await store.append(streamId, 'no-stream', [submitted('1')], metadata('kpu-c'));
    await expect(store.append(streamId, 'no-stream', [submitted('2')], metadata('kpu-c'))).rejects.toMatchObject({
      code: 'EVENT_STORE.CONCURRENCY', expectedVersion: 'no-stream', actualVersion: 0,
    });
    await expect(store.append(streamId, 5, [submitted('2')], metadata('kpu-c'))).rejects.toMatchObject({
      code: 'EVENT_STORE.CONCURRENCY', expectedVersion: 5, actualVersion: 0,
    });
    await expect(store.append(streamId, 5, [submitted('2'), submitted('3')], metadata('kpu-c'))).rejects.toMatchObject({
      code: 'EVENT_STORE.CONCURRENCY', actualVersion: 0,
    });
    const any = await store.append(streamId, 'any', [submitted('3')], metadata('kpu-c'));
    expect(any.nextExpectedVersion).toBe(1);
  });

  it("refuses a stale version inside the caller's transaction without touching another connection", async () => {
    const streamId = 'pk:kpu-c2:2024';
    await store.append(streamId, 'no-stream', [submitted('1'), submitted('2')], metadata('kpu-c2'));
    for (const [expected, actual] of [[0, 1], [4, 1]] as const) {
      await expect(
        db.dataSource.transaction((manager) => store.append(streamId, expected, [submitted('x')], metadata('kpu-c2'), { manager })),
      ).rejects.toMatchObject({ code: 'EVENT_STORE.CONCURRENCY', expectedVersion: expected, actualVersion: actual });
    }
  });

  it('replays a retried command: the first result, nothing appended (sequential)', async () => {
    const key = `cmd-${randomUUID()}`;
    const first = await store.append('realisasi:kpu-d:1', 'no-stream', [submitted('1'), submitted('2')], metadata('kpu-d', { idempotencyKey: key }));
    const again = await store.append('realisasi:kpu-d:1', 'no-stream', [submitted('1'), submitted('2')], metadata('kpu-d', { idempotencyKey: key }));
    expect(again.replayed).toBe(true);
    expect(again.events).toEqual(first.events);
    expect(again.nextExpectedVersion).toBe(first.nextExpectedVersion);
    expect(await store.readStream('realisasi:kpu-d:1')).toHaveLength(2);
    expect((await store.headOf('kpu-d')).sequence).toBe(2);
  });

  it.each([['any', 1], ['no-stream', 1], ['any', 3]] as const)(
    'replays concurrent duplicates of one command (expected %s, %i events): one append, every caller gets its events',
    async (expected, count) => {
      const key = `cmd-${randomUUID()}`;
      const streamId = `realisasi:kpu-e:${randomUUID()}`;
      const events = Array.from({ length: count }, (_, i) => submitted(String(i)));
      const results = await Promise.all(
        Array.from({ length: 12 }, () => store.append(streamId, expected, events, metadata('kpu-e', { idempotencyKey: key }))),
      );
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      const ids = new Set(results.map((r) => r.events.map((e) => e.eventId).join()));
      expect(ids.size).toBe(1);
      expect(results.every((r) => r.events.length === count && r.nextExpectedVersion === count - 1)).toBe(true);
      expect(await store.readStream(streamId)).toHaveLength(count);
    },
  );

  it('writes appends of their own transaction with the prepared fast statements (a batch of one when idle), anything else with the function', async () => {
    const pool = await preparedStatementPool(db.dataSource);
    expect(pool).not.toBeNull();
    const spy = jest.spyOn(pool!, 'query');
    const FUNCTION = APPEND_STATEMENT;
    const calls = () => spy.mock.calls.map(([config]) => (config as { name?: string }).name);
    try {
      const streamId = `realisasi:kpu-g:${randomUUID()}`;
      await store.append(streamId, 'no-stream', [submitted('1')], metadata('kpu-g')); // no chain head yet: the function makes it
      expect(calls()).toEqual([SINGLE_APPEND_STATEMENT, FUNCTION]);
      const one = await store.append(streamId, 0, [submitted('2')], metadata('kpu-g', { idempotencyKey: 'k-1' }));
      await store.append(streamId, 1, [submitted('3'), submitted('4')], metadata('kpu-g')); // several events: the batch statement
      await store.append(streamId, 'any', [submitted('5')], metadata('kpu-g'));
      expect(calls().slice(2)).toEqual([SINGLE_APPEND_STATEMENT, BATCH_APPEND_STATEMENT, FUNCTION]);
      const retried = await store.append(streamId, 0, [submitted('2')], metadata('kpu-g', { idempotencyKey: 'k-1' })); // key used: the function replays
      expect(retried).toEqual({ ...one, replayed: true });
      expect(calls().slice(5)).toEqual([SINGLE_APPEND_STATEMENT, FUNCTION]);
      await expect(store.append(streamId, 9, [submitted('6')], metadata('kpu-g'))).rejects.toMatchObject({ actualVersion: 4 });
      await db.dataSource.transaction((manager) => store.append(streamId, 4, [submitted('7')], metadata('kpu-g'), { manager }));
      expect(calls().slice(7)).toEqual([SINGLE_APPEND_STATEMENT, FUNCTION]); // the version ahead; the caller's transaction uses neither
      const long = Array.from({ length: FAST_APPEND_MAX_EVENTS + 1 }, (_, i) => submitted(`8.${i}`));
      await store.append(streamId, 5, long, metadata('kpu-g')); // more events than the fast path takes
      expect(calls().slice(9)).toEqual([FUNCTION]);
      expect(await store.verify('kpu-g')).toMatchObject({ intact: true, head: { sequence: 6 + long.length } });
    } finally {
      spy.mockRestore();
    }
  });

  it("appends inside the caller's transaction: rolled back with it, committed with it", async () => {
    await expect(
      db.dataSource.transaction(async (manager) => {
        await store.append('identity:kpu-f', 'no-stream', [submitted('x')], metadata('kpu-f'), { manager });
        throw new Error('the outbox write failed');
      }),
    ).rejects.toThrow('the outbox write failed');
    expect(await store.readStream('identity:kpu-f')).toEqual([]);
    expect(await store.headOf('kpu-f')).toEqual({ sequence: 0, hash: '0'.repeat(64) });
    await db.dataSource.transaction(async (manager) => {
      await store.append('identity:kpu-f', 'no-stream', [submitted('x')], metadata('kpu-f'), { manager });
      await store.append('identity:kpu-f', 0, [submitted('y')], metadata('kpu-f'), { manager });
    });
    expect((await store.readStream('identity:kpu-f')).map((e) => e.tenantSequence)).toEqual([1, 2]);
    expect((await store.verify('kpu-f')).intact).toBe(true);
  });

  it.each([
    ['an empty stream id', '', 'RealisasiSubmitted', null, /stream id must be 1 to 300/],
    ['a stream id of 301 characters', 'x'.repeat(301), 'RealisasiSubmitted', null, /stream id must be 1 to 300/],
    ['an event type of 201 characters', 'realisasi:kpu-h:1', 'T'.repeat(201), null, /event type must be 1 to 200/],
    ['an empty idempotency key', 'realisasi:kpu-h:1', 'RealisasiSubmitted', '', /idempotency key must be 1 to 200/],
    ['an idempotency key of 201 characters', 'realisasi:kpu-h:1', 'RealisasiSubmitted', 'k'.repeat(201), /idempotency key must be 1 to 200/],
  ])('refuses %s before any SQL and writes nothing', async (_what, streamId, type, idempotencyKey, message) => {
    for (const expected of ['no-stream', 'any'] as const) {
      await expect(store.append(streamId, expected, [{ type, data: {} }], metadata('kpu-h', { idempotencyKey }))).rejects.toThrow(message);
    }
    await expect(store.append('realisasi:kpu-h:1', 'no-stream', [{ type: 'RealisasiSubmitted', data: {}, schemaVersion: 0 }], metadata('kpu-h')))
      .rejects.toThrow(/schema version 0 is not a positive integer/);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE tenant_id = 'kpu-h'`)).toEqual([{ n: 0 }]);
    expect(await store.headOf('kpu-h')).toEqual({ sequence: 0, hash: '0'.repeat(64) });
  });

  it('accepts a stream id of 300 characters and a type and key of 200, the longest allowed', async () => {
    const result = await store.append(`s:${'x'.repeat(298)}`, 'no-stream', [{ type: 'T'.repeat(200), data: {} }], metadata('kpu-h', { idempotencyKey: 'k'.repeat(200) }));
    expect(result.events[0].streamId).toHaveLength(300);
    expect((await store.verify('kpu-h')).intact).toBe(true);
  });

  it.each(['UPDATE events SET type = $$X$$', 'DELETE FROM events', 'TRUNCATE events', 'DELETE FROM event_idempotency_keys'])(
    'rejects %s in PostgreSQL, whatever the application does',
    async (sql) => {
      await expect(db.dataSource.query(sql)).rejects.toThrow(/append-only/);
    },
  );
});
