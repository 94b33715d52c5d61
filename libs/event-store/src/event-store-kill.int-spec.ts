import { RunningProcess, startCompiled, waitFor } from '../../../test/support/processes';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { EventStore } from './event-store';
import { killKeyOf, killStreamOf, killTenantOf } from './testing/append-writer.testing';

const WRITERS = 40;
const COMMANDS = 150;

/** The compiled writer (built by the integration tier's global setup), resuming each writer at `next`. */
function startWriter(db: TestDatabase, next: number[]): RunningProcess {
  const resume = next.map((n, writer) => `${writer}=${n}`);
  return startCompiled('libs/event-store/src/testing/append-writer.testing.js', { DATABASE_URL: db.url }, [String(WRITERS), String(COMMANDS), ...resume]);
}

interface Ack {
  writer: number;
  command: number;
  version: number;
  replayed: boolean;
}

/** Complete `ack` lines only: a line cut by the kill was never seen by the client. */
function acksIn(output: string): Ack[] {
  return output
    .split('\n')
    .slice(0, -1)
    .filter((line) => line.startsWith('ack '))
    .map((line) => {
      const [, writer, command, version, replayed] = line.split(' ');
      return { writer: Number(writer), command: Number(command), version: Number(version), replayed: replayed === 'true' };
    });
}

describe('group commit killed with SIGKILL while appends are in flight', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new EventStore(db.dataSource);
  });
  afterAll(() => db?.drop());

  it('keeps every acknowledged append, and the retried commands are each appended once', async () => {
    const acked: Ack[] = [];
    const next = Array.from({ length: WRITERS }, () => 0);
    for (const ackedBeforeKill of [400, 800, 1200]) {
      const writer = startWriter(db, next);
      // Polled often: the writer would otherwise be done before the kill.
      await waitFor(async () => (acksIn(writer.output()).length >= ackedBeforeKill ? true : undefined), 60_000, () => writer.output().slice(-2000), 5);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      await writer.stop('SIGKILL');
      for (const ack of acksIn(writer.output())) {
        acked.push(ack);
        next[ack.writer] = Math.max(next[ack.writer], ack.command + 1);
      }
    }
    expect(next.reduce((a, b) => a + b, 0)).toBeLessThan(WRITERS * COMMANDS); // the kills came mid-way

    // The clients come back and retry, with the same idempotency keys, what they never saw acknowledged.
    const last = startWriter(db, next);
    expect(await last.exited).toBe(0);
    acked.push(...acksIn(last.output()));
    const retried = acksIn(last.output()).filter((ack) => ack.command === next[ack.writer]);
    expect(retried).toHaveLength(WRITERS);

    for (let writer = 0; writer < WRITERS; writer += 1) {
      const events = await store.readStream(killStreamOf(writer));
      // Nothing lost, nothing doubled: one event per command, in order, under its own key.
      expect(events.map((e) => e.data)).toEqual(Array.from({ length: COMMANDS }, (_, command) => ({ writer, command })));
      expect(events.map((e) => e.metadata.correlationId)).toEqual(Array.from({ length: COMMANDS }, (_, command) => killKeyOf(writer, command)));
      expect(await store.verify(killTenantOf(writer))).toMatchObject({ intact: true, head: { sequence: COMMANDS } });
    }
    // Every acknowledgement names the version the event holds.
    for (const ack of acked) expect(ack.version).toBe(ack.command);
    const keys = await db.dataSource.query(`SELECT count(*)::int AS n FROM event_idempotency_keys WHERE tenant_id LIKE 'kpu-kill-%'`);
    expect(keys).toEqual([{ n: WRITERS * COMMANDS }]);
  }, 180_000);
});
