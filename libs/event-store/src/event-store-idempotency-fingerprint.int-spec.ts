import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { BATCH_APPEND_STATEMENT, SINGLE_APPEND_STATEMENT } from './append-batch';
import { preparedStatementPool } from './append-fast-path';
import { APPEND_STATEMENT, EventStore } from './event-store';
import { EventMetadata, ExpectedVersion } from './event-store.types';
import { IdempotencyKeyReusedError, requestFingerprint } from './idempotency';

const metadata = (tenantId: string, extra: Partial<EventMetadata> = {}): EventMetadata => ({
  tenantId,
  actorId: 'user-kasubbag-umum',
  actorRole: 'KASUBBAG',
  correlationId: randomUUID(),
  ...extra,
});
const saved = (nilai: string) => ({ type: 'RealisasiDraftSaved', data: { nilai } });
const DRAFT = requestFingerprint('PUT /realisasi/:year/:month/:code', { body: { nilai: '1' } });
const SUBMIT = requestFingerprint('POST /realisasi/:year/:month/:code/submit', { body: {} });

/**
 * An idempotency key names one request: stored with the fingerprint of the request it came with,
 * replayed for that request, refused (IDEMPOTENCY.KEY_REUSED) for any other, on every write path
 * (the single and batch fast statements, the function in a transaction of its own or the caller's)
 * and for duplicates that race. Keys without a fingerprint (written before it was kept) replay.
 */
describe('EventStore idempotency keys bound to a request fingerprint (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 20 });
    store = new EventStore(db.dataSource);
    await store.append('realisasi:kpu-fp:head', 'no-stream', [saved('0')], metadata('kpu-fp')); // the office's chain head
  });
  afterAll(() => db?.drop());

  const count = async (streamId: string) => (await store.readStream(streamId)).length;

  type Path = [string, ExpectedVersion, number, boolean];
  it.each<Path>([
    ['the single fast statement', 'no-stream', 1, false],
    ['the batch fast statement', 'no-stream', 2, false],
    ['the function (expected any)', 'any', 1, false],
    ['the function in the caller’s transaction', 'no-stream', 1, true],
  ])('through %s: stores the fingerprint, replays the same request, refuses another and appends nothing', async (_path, expected, events, inTransaction) => {
    const streamId = `realisasi:kpu-fp:${randomUUID()}`;
    const key = `user-1:${randomUUID()}`;
    const append = (fingerprint: string | null) => {
      const batch = Array.from({ length: events }, (_, i) => saved(String(i)));
      const meta = metadata('kpu-fp', { idempotencyKey: key, requestFingerprint: fingerprint });
      return inTransaction
        ? db.dataSource.transaction((manager) => store.append(streamId, expected, batch, meta, { manager }))
        : store.append(streamId, expected, batch, meta);
    };
    const first = await append(DRAFT);
    expect(first.replayed).toBe(false);
    expect(await store.idempotencyRecord('kpu-fp', key)).toEqual({ streamId, firstVersion: 0, lastVersion: events - 1, requestFingerprint: DRAFT });

    const retry = await append(DRAFT);
    expect(retry).toMatchObject({ replayed: true, nextExpectedVersion: first.nextExpectedVersion });
    expect(retry.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));

    const other = append(SUBMIT);
    await expect(other).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    await expect(other).rejects.toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED', kind: 'validation' });
    expect(await count(streamId)).toBe(events);

    // A retry that does not say which request it is (no fingerprint) is not compared.
    expect((await append(null)).replayed).toBe(true);
  });

  it('asks the store first: the first append of a retry, null for a new key, a refusal for another stream or request', async () => {
    const streamId = `realisasi:kpu-fp:${randomUUID()}`;
    const key = `user-1:${randomUUID()}`;
    expect(await store.firstAppendOf('kpu-fp', key, { streamId, requestFingerprint: DRAFT })).toBeNull();
    await store.append(streamId, 'no-stream', [saved('1')], metadata('kpu-fp', { idempotencyKey: key, requestFingerprint: DRAFT }));
    expect(await store.firstAppendOf('kpu-fp', key, { streamId, requestFingerprint: DRAFT })).toMatchObject({ firstVersion: 0, lastVersion: 0 });
    await expect(store.firstAppendOf('kpu-fp', key, { streamId, requestFingerprint: SUBMIT })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    await expect(store.firstAppendOf('kpu-fp', key, { streamId: `${streamId}-x`, requestFingerprint: DRAFT })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('replays a key written before fingerprints were kept, whatever fingerprint the retry has', async () => {
    const streamId = `realisasi:kpu-fp:${randomUUID()}`;
    const key = `user-1:${randomUUID()}`;
    const first = await store.append(streamId, 'no-stream', [saved('1')], metadata('kpu-fp', { idempotencyKey: key }));
    expect(await store.idempotencyRecord('kpu-fp', key)).toMatchObject({ requestFingerprint: null });
    expect(await store.firstAppendOf('kpu-fp', key, { streamId, requestFingerprint: SUBMIT })).toMatchObject({ lastVersion: 0 });
    const retry = await store.append(streamId, 'no-stream', [saved('1')], metadata('kpu-fp', { idempotencyKey: key, requestFingerprint: SUBMIT }));
    expect({ replayed: retry.replayed, ids: retry.events.map((e) => e.eventId) }).toEqual({ replayed: true, ids: first.events.map((e) => e.eventId) });
    expect(await count(streamId)).toBe(1);
  });

  it('stores no fingerprint without a key', async () => {
    const streamId = `realisasi:kpu-fp:${randomUUID()}`;
    await store.append(streamId, 'no-stream', [saved('1')], metadata('kpu-fp', { requestFingerprint: DRAFT }));
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM event_idempotency_keys WHERE stream_id = $1`, [streamId]);
    expect(n).toBe(0);
  });

  it.each([['expected 0', 0 as ExpectedVersion], ['expected any', 'any' as ExpectedVersion]])(
    'lets exactly one of concurrent duplicates with different requests act (%s): the same request replays, the others are refused',
    async (_what, expected) => {
      const streamId = `realisasi:kpu-fp:${randomUUID()}`;
      await store.append(streamId, 'no-stream', [saved('0')], metadata('kpu-fp'));
      const key = `user-1:${randomUUID()}`;
      const fingerprints = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? DRAFT : SUBMIT));
      const outcomes = await Promise.allSettled(
        fingerprints.map((fingerprint, i) => store.append(streamId, expected, [saved(`x${i}`)], metadata('kpu-fp', { idempotencyKey: key, requestFingerprint: fingerprint }))),
      );
      const winner = outcomes.findIndex((o) => o.status === 'fulfilled' && !o.value.replayed);
      expect(winner).toBeGreaterThanOrEqual(0);
      expect(outcomes.filter((o) => o.status === 'fulfilled' && !o.value.replayed)).toHaveLength(1);
      outcomes.forEach((outcome, i) => {
        if (fingerprints[i] === fingerprints[winner]) {
          expect(outcome).toMatchObject({ status: 'fulfilled', value: { nextExpectedVersion: 1 } });
        } else {
          expect(outcome).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ code: 'IDEMPOTENCY.KEY_REUSED' }) });
        }
      });
      expect(await count(streamId)).toBe(2);
      expect(await store.verify('kpu-fp')).toMatchObject({ intact: true });
    },
  );

  it('sends the fingerprint through the statements the write paths use', async () => {
    const pool = (await preparedStatementPool(db.dataSource))!;
    const spy = jest.spyOn(pool, 'query');
    try {
      const streamId = `realisasi:kpu-fp:${randomUUID()}`;
      await store.append(streamId, 'no-stream', [saved('1')], metadata('kpu-fp', { idempotencyKey: `user-1:${randomUUID()}`, requestFingerprint: DRAFT }));
      await store.append(streamId, 0, [saved('2'), saved('3')], metadata('kpu-fp', { idempotencyKey: `user-1:${randomUUID()}`, requestFingerprint: SUBMIT }));
      await store.append(streamId, 'any', [saved('4')], metadata('kpu-fp', { idempotencyKey: `user-1:${randomUUID()}`, requestFingerprint: DRAFT }));
      const sent = spy.mock.calls.map(([config]) => config as unknown as { name?: string; values: unknown[] });
      expect(sent.map((c) => c.name)).toEqual([SINGLE_APPEND_STATEMENT, BATCH_APPEND_STATEMENT, APPEND_STATEMENT]);
      const rows: Array<{ request_fingerprint: string }> = await db.dataSource.query(
        `SELECT request_fingerprint FROM event_idempotency_keys WHERE stream_id = $1 ORDER BY first_version`, [streamId],
      );
      expect(rows.map((r) => r.request_fingerprint)).toEqual([DRAFT, SUBMIT, DRAFT]);
    } finally {
      spy.mockRestore();
    }
  });

  it('keeps the office chain intact', async () => {
    expect(await store.verify('kpu-fp')).toMatchObject({ intact: true });
  });
});
