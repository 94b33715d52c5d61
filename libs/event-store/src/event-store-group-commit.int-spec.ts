import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { BATCH_APPEND_STATEMENT, SINGLE_APPEND_STATEMENT } from './append-batch';
import { preparedStatementPool } from './append-fast-path';
import { ConcurrencyError } from './concurrency.error';
import { EventStore } from './event-store';
import { EventMetadata } from './event-store.types';

const metadata = (tenantId: string, extra: Partial<EventMetadata> = {}): EventMetadata => ({
  tenantId,
  actorId: 'user-kasubbag-umum',
  actorRole: 'KASUBBAG',
  correlationId: randomUUID(),
  ...extra,
});
const submitted = (nilai: string) => ({ type: 'RealisasiSubmitted', data: { nilai, narasi: 'Rapat “pleno” 🗳' } });

/** The fast statements the pool sent, with how many appends each carried (a batch has a row per event; ordinal 0 starts an append). */
function batchSizes(spy: jest.SpyInstance): number[] {
  return spy.mock.calls
    .map(([config]) => config as { name?: string; values?: unknown[][] })
    .filter((config) => config.name === BATCH_APPEND_STATEMENT || config.name === SINGLE_APPEND_STATEMENT)
    .map((config) => (config.name === SINGLE_APPEND_STATEMENT ? 1 : config.values![ORDINAL_COLUMN].filter((ordinal) => ordinal === 0).length));
}
const ORDINAL_COLUMN = 14;

/** The rows the fast statements among the spied calls wrote, in all. */
async function rowsWrittenByFastStatements(spy: jest.SpyInstance): Promise<number> {
  const written = await Promise.all(
    spy.mock.calls.map(async ([config], i) =>
      [BATCH_APPEND_STATEMENT, SINGLE_APPEND_STATEMENT].includes((config as { name?: string }).name ?? '')
        ? ((await spy.mock.results[i].value) as { rows: unknown[] }).rows.length
        : 0,
    ),
  );
  return written.reduce((a, b) => a + b, 0);
}

describe('EventStore group commit of appends (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let pool: Pool;
  const tenants = Array.from({ length: 12 }, (_, i) => `kpu-gc-${i}`);

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 20 });
    store = new EventStore(db.dataSource);
    pool = (await preparedStatementPool(db.dataSource))!;
    expect(pool).not.toBeNull();
    // Every office gets its chain head (the function creates it) and a stream at version 0.
    for (const tenant of tenants) await store.append(`realisasi:${tenant}`, 'no-stream', [submitted('0')], metadata(tenant));
  });
  afterAll(() => db?.drop());

  it('groups concurrent appends of many offices into few statements, each office chain intact and gap-free', async () => {
    const spy = jest.spyOn(pool, 'query');
    try {
      const rounds = 5;
      for (let round = 1; round <= rounds; round += 1) {
        const results = await Promise.all(
          tenants.map((tenant) => store.append(`realisasi:${tenant}`, round - 1, [submitted(String(round))], metadata(tenant, { idempotencyKey: `k-${round}` }))),
        );
        expect(results.map((r) => [r.replayed, r.nextExpectedVersion])).toEqual(tenants.map(() => [false, round]));
      }
      const sizes = batchSizes(spy);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(tenants.length * rounds);
      expect(Math.max(...sizes)).toBeGreaterThan(1); // appends did travel together
      expect(sizes.length).toBeLessThan(tenants.length * rounds);
      // …and were written by those statements, not sent on to the function one by one.
      expect(await rowsWrittenByFastStatements(spy)).toBe(tenants.length * rounds);
    } finally {
      spy.mockRestore();
    }
    for (const tenant of tenants) {
      const events = await store.readTenantEvents(tenant);
      expect(events.map((e) => [e.tenantSequence, e.streamVersion])).toEqual([[1, 0], [2, 1], [3, 2], [4, 3], [5, 4], [6, 5]]);
      expect(await store.verify(tenant)).toMatchObject({ intact: true, head: { sequence: 6 } });
    }
  });

  it('decides each append of a batch on its own: stale, replayed and fresh side by side', async () => {
    const [a, b, c] = tenants;
    const appends = await Promise.allSettled([
      store.append(`realisasi:${a}`, 2, [submitted('stale')], metadata(a)), // the stream is at 5
      store.append(`realisasi:${b}`, 1, [submitted('again')], metadata(b, { idempotencyKey: 'k-2' })), // k-2 appended version 2
      store.append(`realisasi:${c}`, 5, [submitted('fresh')], metadata(c, { idempotencyKey: 'k-6' })),
    ]);
    expect(appends[0]).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
    expect((appends[0] as PromiseRejectedResult).reason).toMatchObject({ actualVersion: 5 });
    expect(appends[1]).toMatchObject({ status: 'fulfilled', value: { replayed: true, nextExpectedVersion: 2 } });
    expect(appends[2]).toMatchObject({ status: 'fulfilled', value: { replayed: false, nextExpectedVersion: 6 } });
    expect((await store.readStream(`realisasi:${a}`)).length).toBe(6);
    expect((await store.readStream(`realisasi:${b}`)).length).toBe(6);
    expect((await store.readStream(`realisasi:${c}`)).length).toBe(7);
  });

  it('fails one bad append alone: the others of its batch are written', async () => {
    const [, , , d, e, f] = tenants;
    const appends = await Promise.allSettled([
      store.append(`realisasi:${d}`, 5, [submitted('ok-d')], metadata(d)),
      // JSONB refuses \u0000: the batch statement fails as a whole, and this append alone fails in the function.
      store.append(`realisasi:${e}`, 5, [{ type: 'RealisasiSubmitted', data: { narasi: 'nul \u0000 here' } }], metadata(e)),
      store.append(`realisasi:${f}`, 5, [submitted('ok-f')], metadata(f)),
    ]);
    expect(appends.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.readStream(`realisasi:${e}`)).length).toBe(6);
    expect(await store.headOf(e)).toMatchObject({ sequence: 6 });
    for (const tenant of [d, e, f]) expect((await store.verify(tenant)).intact).toBe(true);
  });

  it("never makes one office wait for another office's writer: a locked chain head is skipped, not waited on", async () => {
    const [, , , , , , g, h, i, j] = tenants;
    const holder = db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      // A long transaction of office g holds its chain head.
      await store.append(`realisasi:${g}`, 5, [submitted('held')], metadata(g), { manager: holder.manager });
      let waitingDone = false;
      const waiting = store.append(`realisasi:${g}`, 6, [submitted('after')], metadata(g)).then((r) => {
        waitingDone = true;
        return r;
      });
      // Offices h, i, j append, in batches with g's append or after it, while g's head stays held.
      const others = await Promise.all([h, i, j].map((t) => store.append(`realisasi:${t}`, 5, [submitted('free')], metadata(t))));
      expect(others.map((r) => r.events[0].tenantSequence)).toEqual([7, 7, 7]);
      expect(waitingDone).toBe(false);
      await holder.commitTransaction();
      expect((await waiting).events[0]).toMatchObject({ streamVersion: 7, tenantSequence: 8 });
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    expect(await store.verify(g)).toMatchObject({ intact: true, head: { sequence: 8 } });
  });

  it('lets exactly one of many writers with the same expected version win, through batches', async () => {
    const tenant = tenants[10];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, n) => store.append(`realisasi:${tenant}`, 5, [submitted(`w${n}`)], metadata(tenant))),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof ConcurrencyError)).toHaveLength(29);
    expect((await store.readStream(`realisasi:${tenant}`)).map((e) => e.streamVersion)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect((await store.verify(tenant)).intact).toBe(true);
  });

  describe('appends of several events (a report saved and submitted at once)', () => {
    const offices = Array.from({ length: 10 }, (_, i) => `kpu-gc-multi-${i}`);
    const saved = (nilai: string) => ({ type: 'RealisasiDraftSaved', data: { nilai } });
    /** Office i appends 1, 2 or 3 events per command, so every batch mixes lengths. */
    const commandOf = (i: number, round: number) => Array.from({ length: 1 + ((i + round) % 3) }, (_, n) => saved(`${round}.${n}`));

    beforeAll(async () => {
      for (const office of offices) await store.append(`realisasi:${office}`, 'no-stream', [saved('0')], metadata(office));
    });

    it('threads each office chain through every event of its append, several offices per statement', async () => {
      const spy = jest.spyOn(pool, 'query');
      const versions = offices.map(() => 0);
      const results: Awaited<ReturnType<EventStore['append']>>[][] = offices.map(() => []);
      try {
        for (let round = 1; round <= 4; round += 1) {
          const appended = await Promise.all(
            offices.map((office, i) => store.append(`realisasi:${office}`, versions[i], commandOf(i, round), metadata(office, { idempotencyKey: `m-${round}` }))),
          );
          appended.forEach((result, i) => {
            expect(result).toMatchObject({ replayed: false, nextExpectedVersion: versions[i] + commandOf(i, round).length });
            versions[i] = result.nextExpectedVersion;
            results[i].push(result);
          });
        }
        const sizes = batchSizes(spy);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(offices.length * 4);
        expect(Math.max(...sizes)).toBeGreaterThan(1);
        expect(await rowsWrittenByFastStatements(spy)).toBe(versions.reduce((a, b) => a + b, 0));
      } finally {
        spy.mockRestore();
      }
      for (const [i, office] of offices.entries()) {
        const events = await store.readTenantEvents(office);
        const expected = [0, ...[1, 2, 3, 4].flatMap((round) => commandOf(i, round).map((_, n) => `${round}.${n}`))].map(String);
        expect(events.map((e) => (e.data as { nilai: string }).nilai)).toEqual(expected);
        expect(events.map((e) => [e.tenantSequence, e.streamVersion])).toEqual(events.map((_, n) => [n + 1, n]));
        // Within an append the events share one moment, and the log delivers them in chain order.
        for (const result of results[i]) expect(new Set(result.events.map((e) => e.recordedAt.getTime())).size).toBe(1);
        const positions = events.map((e) => BigInt(e.globalPosition));
        expect(positions.every((p, n) => n === 0 || p > positions[n - 1])).toBe(true);
        expect(await store.verify(office)).toMatchObject({ intact: true, head: { sequence: events.length } });
        // What the caller was told is what the store holds.
        expect(results[i].flatMap((r) => r.events.map((e) => [e.eventId, e.hash]))).toEqual(events.slice(1).map((e) => [e.eventId, e.hash]));
      }
      // The same commands again, by their keys: every caller gets its first result back, nothing is appended.
      const replays = await Promise.all(
        offices.map((office, i) => store.append(`realisasi:${office}`, 0, commandOf(i, 2), metadata(office, { idempotencyKey: 'm-2' }))),
      );
      replays.forEach((replay, i) => {
        expect(replay.replayed).toBe(true);
        expect(replay.events.map((e) => e.eventId)).toEqual(results[i][1].events.map((e) => e.eventId));
      });
      for (const [i, office] of offices.entries()) expect((await store.headOf(office)).sequence).toBe(versions[i] + 1);
    });

    it('decides each append of a batch on its own: a stale command of two events writes neither, its batch-mates land', async () => {
      const heads = await Promise.all(offices.map((office) => store.headOf(office)));
      const streams = await Promise.all(offices.map((office) => store.readStream(`realisasi:${office}`)));
      const outcomes = await Promise.allSettled(
        offices.map((office, i) =>
          store.append(`realisasi:${office}`, i % 2 ? streams[i].length - 2 : streams[i].length - 1, [saved('5.0'), saved('5.1')], metadata(office)),
        ),
      );
      for (const [i, office] of offices.entries()) {
        const events = await store.readStream(`realisasi:${office}`);
        if (i % 2) {
          expect(outcomes[i]).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
          expect(events).toHaveLength(streams[i].length);
          expect(await store.headOf(office)).toEqual(heads[i]);
        } else {
          expect(outcomes[i]).toMatchObject({ status: 'fulfilled', value: { nextExpectedVersion: streams[i].length + 1 } });
          expect(events.slice(-2).map((e) => (e.data as { nilai: string }).nilai)).toEqual(['5.0', '5.1']);
        }
        expect(await store.verify(office)).toMatchObject({ intact: true, head: { sequence: events.length } });
      }
    });
  });
});
