import { randomUUID } from 'node:crypto';
import type { Pool, QueryConfig } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { BATCH_APPEND_STATEMENT, SINGLE_APPEND_STATEMENT } from './append-batch';
import { preparedStatementPool } from './append-fast-path';
import { ConcurrencyError } from './concurrency.error';
import { AppendOutcomeUnknownError } from './outcome-unknown.error';
import { APPEND_STATEMENT as FUNCTION_STATEMENT, EventStore } from './event-store';
import { EventMetadata } from './event-store.types';

const FAST_STATEMENTS = [SINGLE_APPEND_STATEMENT, BATCH_APPEND_STATEMENT];
const LOOK_UP = 'look-up of written events';
const LOOK_UP_SQL_MARK = 'AS s(tenant_id, stream_id, event_id)';

const metadata = (tenantId: string, extra: Partial<EventMetadata> = {}): EventMetadata => ({
  tenantId,
  actorId: 'user-kasubbag-pdi',
  actorRole: 'KASUBBAG',
  correlationId: randomUUID(),
  ...extra,
});
const saved = (nilai: string) => ({ type: 'RealisasiDraftSaved', data: { nilai } });

/** What pg reports when the server's answer never arrives (the socket closed under the query). */
const lostAnswer = () => new Error('Connection terminated unexpectedly');

type Query = (config: QueryConfig) => Promise<{ rows: unknown[] }>;

/**
 * The answer to a committed append is lost on the way back (the connection drops after the
 * commit): the store must neither report the append as failed nor write it a second time. The
 * statements run for real on PostgreSQL; only their answer is thrown away.
 */
describe('EventStore when the answer to an append is lost (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let pool: Pool;
  let real: Query;
  let spy: jest.SpyInstance | null = null;

  /**
   * Intercepts the pool's named statements and the store's look-up of written events (as LOOK_UP);
   * everything else runs as usual.
   */
  function intercept(handle: (name: string, config: QueryConfig) => Promise<{ rows: unknown[] }> | null) {
    spy = jest.spyOn(pool, 'query').mockImplementation(((config: QueryConfig | string, values?: unknown[]) => {
      const name = typeof config === 'object' ? config.name : config.includes(LOOK_UP_SQL_MARK) ? LOOK_UP : undefined;
      return (name && handle(name, config as QueryConfig)) || (real as (c: unknown, v?: unknown) => Promise<{ rows: unknown[] }>)(config, values);
    }) as never);
  }
  const namesSent = () => spy!.mock.calls.map(([config]) => (config as { name?: string }).name).filter(Boolean);
  const lookUps = () => spy!.mock.calls.filter(([config]) => typeof config === 'string' && config.includes(LOOK_UP_SQL_MARK)).length;

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 12 });
    store = new EventStore(db.dataSource);
    pool = (await preparedStatementPool(db.dataSource))!;
    real = pool.query.bind(pool) as unknown as Query;
  });
  afterEach(() => {
    spy?.mockRestore();
    spy = null;
  });
  afterAll(() => db?.drop());

  /** A fresh office whose stream `realisasi:<office>` is at version 0 (its chain head exists). */
  async function office(): Promise<string> {
    const tenant = `kpu-lost-${randomUUID().slice(0, 8)}`;
    await store.append(`realisasi:${tenant}`, 'no-stream', [saved('0')], metadata(tenant));
    return tenant;
  }

  async function expectOneEventAppended(tenant: string, nilai: string): Promise<void> {
    const events = await store.readStream(`realisasi:${tenant}`);
    expect(events.map((e) => [e.streamVersion, (e.data as { nilai: string }).nilai])).toEqual([[0, '0'], [1, nilai]]);
    expect(await store.verify(tenant)).toMatchObject({ intact: true, head: { sequence: 2 } });
  }

  it('acknowledges a committed fast append whose answer was lost, without a key, and does not append it again', async () => {
    const tenant = await office();
    intercept((name, config) => (name === SINGLE_APPEND_STATEMENT ? real(config).then(() => Promise.reject(lostAnswer())) : null));
    const result = await store.append(`realisasi:${tenant}`, 0, [saved('1')], metadata(tenant));
    expect(result).toMatchObject({ replayed: false, nextExpectedVersion: 1, events: [{ streamVersion: 1, tenantSequence: 2 }] });
    expect(namesSent()).toEqual([SINGLE_APPEND_STATEMENT]); // the function was not asked: it would have said 409
    await expectOneEventAppended(tenant, '1');
  });

  it('acknowledges every append of a committed batch whose answer was lost, each with all its events', async () => {
    const tenants = await Promise.all(Array.from({ length: 6 }, () => office()));
    intercept((name, config) => (name === BATCH_APPEND_STATEMENT ? real(config).then(() => Promise.reject(lostAnswer())) : null));
    const eventsOf = (i: number) => Array.from({ length: 1 + (i % 3) }, (_, n) => saved(`1.${n}`));
    const results = await Promise.all(
      tenants.map((tenant, i) => store.append(`realisasi:${tenant}`, 0, eventsOf(i), metadata(tenant, i % 2 ? { idempotencyKey: `lost-${i}` } : {}))),
    );
    expect(results.map((r) => [r.replayed, r.nextExpectedVersion])).toEqual(tenants.map((_, i) => [false, eventsOf(i).length]));
    expect(namesSent()).toContain(BATCH_APPEND_STATEMENT);
    expect(namesSent()).not.toContain(FUNCTION_STATEMENT);
    for (const [i, tenant] of tenants.entries()) {
      const stored = await store.readStream(`realisasi:${tenant}`);
      expect(stored.map((e) => (e.data as { nilai: string }).nilai)).toEqual(['0', ...eventsOf(i).map((e) => e.data.nilai)]);
      expect(results[i].events.map((e) => e.eventId)).toEqual(stored.slice(1).map((e) => e.eventId));
      expect(await store.verify(tenant)).toMatchObject({ intact: true, head: { sequence: stored.length } });
    }
  });

  it('acknowledges an append whose lost batch committed only after the look-up, when the function then finds the stream moved on', async () => {
    const tenant = await office();
    let late: QueryConfig | null = null;
    intercept((name, config) => {
      if (FAST_STATEMENTS.includes(name) && !late) {
        late = config; // the statement is still on its way: the look-up finds nothing yet
        return Promise.reject(lostAnswer());
      }
      if (name === FUNCTION_STATEMENT && late) return real(late).then(() => real(config)); // …and commits before the function runs
      return null;
    });
    const result = await store.append(`realisasi:${tenant}`, 0, [saved('1')], metadata(tenant));
    expect(result).toMatchObject({ replayed: false, nextExpectedVersion: 1, events: [{ streamVersion: 1 }] });
    expect(namesSent()).toEqual([SINGLE_APPEND_STATEMENT, FUNCTION_STATEMENT]);
    await expectOneEventAppended(tenant, '1');
  });

  it("acknowledges a committed function call whose answer was lost (several events, one transaction)", async () => {
    const tenant = await office();
    intercept((name, config) => (name === FUNCTION_STATEMENT ? real(config).then(() => Promise.reject(lostAnswer())) : null));
    const result = await store.append(`realisasi:${tenant}`, 'any', [saved('1'), saved('2')], metadata(tenant)); // 'any': the function's path
    expect(result).toMatchObject({ replayed: false, nextExpectedVersion: 2 });
    expect(namesSent()).toEqual([FUNCTION_STATEMENT]);
    expect(result.events.map((e) => [e.streamVersion, e.tenantSequence])).toEqual([[1, 2], [2, 3]]);
    expect((await store.readStream(`realisasi:${tenant}`)).map((e) => e.streamVersion)).toEqual([0, 1, 2]);
    expect((await store.verify(tenant)).intact).toBe(true);
  });

  it('lets the function decide an append whose answer was lost before anything was written', async () => {
    const tenant = await office();
    intercept((name) => (name === SINGLE_APPEND_STATEMENT ? Promise.reject(lostAnswer()) : null));
    const result = await store.append(`realisasi:${tenant}`, 0, [saved('1')], metadata(tenant));
    expect(result).toMatchObject({ replayed: false, nextExpectedVersion: 1 });
    expect(namesSent()).toEqual([SINGLE_APPEND_STATEMENT, FUNCTION_STATEMENT]);
    await expectOneEventAppended(tenant, '1');
  });

  it('still reports a real conflict: a lost answer of an append that was never written is not mistaken for success', async () => {
    const tenant = await office();
    await store.append(`realisasi:${tenant}`, 0, [saved('other writer')], metadata(tenant));
    intercept((name) => (name === SINGLE_APPEND_STATEMENT ? Promise.reject(lostAnswer()) : null));
    await expect(store.append(`realisasi:${tenant}`, 0, [saved('mine')], metadata(tenant))).rejects.toMatchObject({
      constructor: ConcurrencyError,
      actualVersion: 1,
    });
    expect((await store.readStream(`realisasi:${tenant}`)).length).toBe(2);
  });

  it('asks again when the look-up after a lost answer fails at first (the database back a moment later)', async () => {
    const tenant = await office();
    let failedLookUps = 0;
    intercept((name, config) => {
      if (name === SINGLE_APPEND_STATEMENT) return real(config).then(() => Promise.reject(lostAnswer()));
      if (name === LOOK_UP && failedLookUps < 2) {
        failedLookUps += 1;
        return Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
      }
      return null;
    });
    const result = await store.append(`realisasi:${tenant}`, 0, [saved('1')], metadata(tenant));
    expect(result).toMatchObject({ replayed: false, nextExpectedVersion: 1 });
    expect(lookUps()).toBe(3);
    expect(namesSent()).toEqual([SINGLE_APPEND_STATEMENT]);
    await expectOneEventAppended(tenant, '1');
  });

  it('says the outcome is unknown, not failed, when the database cannot be asked; the same command later lands once', async () => {
    const tenant = await office();
    intercept((name, config) => {
      if (name === SINGLE_APPEND_STATEMENT) return real(config).then(() => Promise.reject(lostAnswer())); // committed, answer lost
      if (name === LOOK_UP || name === FUNCTION_STATEMENT) return Promise.reject(lostAnswer());
      return null;
    });
    const command = () => store.append(`realisasi:${tenant}`, 0, [saved('1')], metadata(tenant, { idempotencyKey: 'unknown-1' }));
    const outcome = await command().catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(AppendOutcomeUnknownError);
    expect(outcome).toMatchObject({ code: 'EVENT_STORE.OUTCOME_UNKNOWN', kind: 'unavailable', details: { streamId: `realisasi:${tenant}` } });
    spy!.mockRestore();
    spy = null;
    // The database answers again: the retry with the same key is the first append, replayed.
    const retried = await command();
    expect(retried.replayed).toBe(true);
    await expectOneEventAppended(tenant, '1');
  });

  it('reports a database that refuses connections as such, without looking anything up: nothing was sent', async () => {
    const tenant = await office();
    const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    intercept((name) => ([...FAST_STATEMENTS, FUNCTION_STATEMENT, LOOK_UP].includes(name) ? Promise.reject(refused()) : null));
    await expect(store.append(`realisasi:${tenant}`, 0, [saved('1'), saved('2')], metadata(tenant))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(lookUps()).toBe(0);
    expect(namesSent()).toEqual([BATCH_APPEND_STATEMENT, FUNCTION_STATEMENT]);
    expect((await store.readStream(`realisasi:${tenant}`)).length).toBe(1);
  });
});
