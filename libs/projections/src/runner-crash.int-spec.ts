import { EventStore } from '@kinerja/event-store';
import { startCompiled, RunningProcess, waitFor } from '../../../test/support/processes';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { RandomWorkload } from '../testing/random-workload';
import { seededRandom } from '../testing/workload-structure';
import { snapshotReadModels } from '../testing/table-snapshot';
import { builtInRegistry } from './projection-list';
import { projectionLag } from './runner/projection-lag';
import { ProjectionRebuilder } from './runner/projection-rebuilder';
import { ProjectionRunner } from './runner/projection-runner';

// The compiled runner (`npm run cli -- projections:run`), built by the integration tier's global setup.
function startRunner(db: TestDatabase): RunningProcess {
  return startCompiled('apps/cli/src/main.js', { DATABASE_URL: db.url, LOG_LEVEL: 'warn' }, ['projections:run', '--batch-size', '9']);
}

describe('the projection runner killed with SIGKILL at random points while events flow', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 8 });
    store = new EventStore(db.dataSource);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('ends with read models identical to a rebuild from scratch', async () => {
    const random = seededRandom(Date.now() % 100000);
    let done = false;
    const workload = new RandomWorkload(store);
    // Three waves of offices one after the other, so events keep flowing for a while.
    const writing = (async () => {
      const waves = [];
      for (const prefix of ['wave-a', 'wave-b', 'wave-c']) waves.push(await workload.run({ offices: 6, seed: 77, prefix }));
      return waves;
    })().finally(() => (done = true));
    let kills = 0;
    let runner = startRunner(db);
    while (!done || kills < 8) {
      // Killed only once it follows the log, a random moment later: mid-batch, mid-commit or idle.
      await waitFor(async () => (runner.output().includes('Semua proyeksi berjalan') ? true : undefined), 60_000, () => runner.output());
      await new Promise((r) => setTimeout(r, 30 + random() * 400));
      await runner.stop('SIGKILL');
      kills++;
      runner = startRunner(db);
    }
    const waves = await writing;
    expect(waves[2].commands).toBeGreaterThan(1000);

    const registry = builtInRegistry();
    await waitFor(async () => {
      const lag = await projectionLag(db.dataSource, store, registry, new Date());
      return lag.every((l) => l.eventsBehind === 0) ? true : undefined;
    }, 120_000, () => runner.output());
    // The last runner may still be starting (its predecessor caught up): a graceful stop needs its
    // signal handler, which is in place once it says it is running.
    await waitFor(async () => (runner.output().includes('Semua proyeksi berjalan') ? true : undefined), 60_000, () => runner.output());
    expect(await runner.stop('SIGTERM')).toBe(0);

    const live = await snapshotReadModels(db.dataSource, registry);
    expect(live.rm_perf_reports.length).toBeGreaterThan(100);
    await new ProjectionRebuilder(db.dataSource, store).rebuild(registry.all());
    await new ProjectionRunner(db.dataSource, store, registry).drain();
    const rebuilt = await snapshotReadModels(db.dataSource, registry);
    for (const table of Object.keys(live)) expect({ table, rows: rebuilt[table] }).toEqual({ table, rows: live[table] });
  }, 300_000);
});
