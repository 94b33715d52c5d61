import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { Checkpoint, START_CHECKPOINT, parseCheckpoint, serializeCheckpoint } from './checkpoint';
import { EventStore } from './event-store';
import { EventMetadata, GlobalEvent } from './event-store.types';
import { UpcasterRegistry } from './upcaster.registry';

const metadata = (tenantId: string): EventMetadata => ({ tenantId, actorId: 'u', actorRole: 'SEKRETARIS', correlationId: randomUUID() });
const event = (label: string) => ({ type: 'Marked', data: { label } });

describe('EventStore global log and checkpoints (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new EventStore(db.dataSource);
  });
  afterAll(() => db?.drop());

  /** What a subscriber does: read everything after its checkpoint, page by page. */
  async function poll(after: Checkpoint): Promise<{ labels: string[]; checkpoint: Checkpoint }> {
    const labels: string[] = [];
    let checkpoint = after;
    for (;;) {
      const page = await store.readAll({ after: checkpoint, limit: 2 });
      labels.push(...page.events.map((e: GlobalEvent) => (e.data as { label: string }).label));
      if (page.events.length === 0) return { labels, checkpoint };
      checkpoint = page.checkpoint;
    }
  }

  /**
   * Polls until `count` events arrived. Snapshot xmin is cluster-wide: a transaction of another
   * test file (another database on the same server) may hold delivery back for a moment.
   */
  async function pollUntil(after: Checkpoint, count: number): Promise<{ labels: string[]; checkpoint: Checkpoint }> {
    const result = { labels: [] as string[], checkpoint: after };
    for (let attempt = 0; attempt < 400 && result.labels.length < count; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      const next = await poll(result.checkpoint);
      result.labels.push(...next.labels);
      result.checkpoint = next.checkpoint;
    }
    return result;
  }

  it('delivers a transaction that took its position first but committed last, in order', async () => {
    await store.append('s:1', 'any', [event('before')], metadata('kpu-a'));
    let subscriber = await pollUntil(START_CHECKPOINT, 1);
    expect(subscriber.labels).toEqual(['before']);

    const slow = db.dataSource.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    const inFlight = await store.append('s:slow', 'any', [event('slow')], metadata('kpu-a'), { manager: slow.manager });
    const fast = await store.append('s:fast', 'any', [event('fast')], metadata('kpu-b'));
    expect(BigInt(inFlight.events[0].globalPosition)).toBeLessThan(BigInt(fast.events[0].globalPosition));

    const whileInFlight = await poll(subscriber.checkpoint);
    expect(whileInFlight.labels).toEqual([]);
    subscriber = whileInFlight;

    await slow.commitTransaction();
    await slow.release();
    const afterCommit = await pollUntil(subscriber.checkpoint, 2);
    expect(afterCommit.labels).toEqual(['slow', 'fast']);
    expect((await poll(afterCommit.checkpoint)).labels).toEqual([]);
  });

  it('never delivers what a rolled-back transaction wrote', async () => {
    const start = (await pollUntil(START_CHECKPOINT, 3)).checkpoint;
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await store.append('s:gone', 'any', [event('gone')], metadata('kpu-c'), { manager: runner.manager });
    await runner.rollbackTransaction();
    await runner.release();
    await store.append('s:kept', 'any', [event('kept')], metadata('kpu-c'));
    const after = await pollUntil(start, 1);
    expect(after.labels).toEqual(['kept']);
    expect((await poll(after.checkpoint)).labels).toEqual([]);
  });

  it('keeps a durable checkpoint per subscriber, saved with the subscriber rows or not at all', async () => {
    expect(await store.loadCheckpoint('projection:inbox')).toEqual(START_CHECKPOINT);
    const delivered = await pollUntil(START_CHECKPOINT, 4);
    const page = await store.readAll({ limit: 1 });
    expect(delivered.labels).toHaveLength(4);
    expect(page.events).toHaveLength(1);
    await store.saveCheckpoint('projection:inbox', page.checkpoint);
    expect(await store.loadCheckpoint('projection:inbox')).toEqual(page.checkpoint);

    await expect(
      db.dataSource.transaction(async (manager) => {
        await store.saveCheckpoint('projection:inbox', serializeCheckpoint({ txId: '999999', position: '1' }), manager);
        throw new Error('projection row failed');
      }),
    ).rejects.toThrow('projection row failed');
    expect(await store.loadCheckpoint('projection:inbox')).toEqual(page.checkpoint);
    expect(parseCheckpoint(serializeCheckpoint(page.checkpoint))).toEqual(page.checkpoint);
  });

  it('applies upcasters on the global log and on tenant reads', async () => {
    await store.append('s:v1', 'any', [{ type: 'Renamed', schemaVersion: 1, data: { nama: 'Umum' } }], metadata('kpu-d'));
    const upcasting = new EventStore(db.dataSource, new UpcasterRegistry());
    upcasting.upcasters.register('Renamed', 1, (data: { nama: string }) => ({ name: data.nama, short: null }));
    await pollUntil(START_CHECKPOINT, 5);
    const global = (await upcasting.readAll({ limit: 1000 })).events.filter((e) => e.type === 'Renamed');
    const tenant = await upcasting.readTenantEvents('kpu-d');
    for (const read of [global[0], tenant[0], (await upcasting.readStream('s:v1'))[0]]) {
      expect(read).toMatchObject({ schemaVersion: 2, data: { name: 'Umum', short: null } });
    }
    expect((await upcasting.verify('kpu-d')).intact).toBe(true);
  });
});
