import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EventStore } from '@kinerja/event-store';
import { builtInRegistry, ProjectionRebuilder, ProjectionRunner, projectionLag } from '@kinerja/projections';
import { RandomWorkload } from '../../libs/projections/testing/random-workload';
import { snapshotReadModels } from '../../libs/projections/testing/table-snapshot';
import { RunningProcess, startCompiled, waitFor } from '../support/processes';
import { createTestDatabase, TestDatabase, testRedisPrefix, testRedisUrl } from '../support/test-database';

const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const OUTAGE_MS = 4000;

/**
 * PostgreSQL goes away under the running worker (closed to new connections, the worker's sessions
 * ended, as a restart or a failover does) and comes back. The worker process must stay up, retry
 * with a growing pause instead of hammering the database and flooding the log, and afterwards
 * bring its read models to exactly what a rebuild from scratch gives.
 */
describe('the worker while its database is out of reach', () => {
  let db: TestDatabase;
  let admin: Client;
  let worker: RunningProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-outage-'));

  async function setOpen(open: boolean): Promise<void> {
    await admin.query(`ALTER DATABASE ${db.name} WITH ALLOW_CONNECTIONS ${open ? 'true' : 'false'}`);
    if (!open) {
      // Every session but this test's own pool, which checks the outcome afterwards.
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name <> 'kinerja-test'",
        [db.name],
      );
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 6 });
    admin = new Client({ connectionString: adminUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await setOpen(true).catch(() => undefined);
    await admin.end();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stays up, backs off, and catches up to a rebuild once the database is back', async () => {
    const store = new EventStore(db.dataSource);
    const registry = builtInRegistry();
    const caughtUp = () =>
      waitFor(async () => ((await projectionLag(db.dataSource, store, registry, new Date())).every((l) => l.eventsBehind === 0) ? true : undefined), 90_000, () => worker!.output());

    worker = startCompiled('apps/worker/src/main.js', {
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl,
      REDIS_PREFIX: testRedisPrefix(),
      REDIS_AUTOSTART: 'false',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      ADMIN_PASSWORD: 'outage-admin-password',
      SEED_DEMO_ON_EMPTY: 'false',
    });
    await waitFor(async () => (worker!.output().includes('Worker started') ? true : undefined), 60_000, () => worker!.output());
    const workload = new RandomWorkload(store);
    await workload.run({ offices: 3, seed: 11, prefix: 'before' });
    await caughtUp();

    await setOpen(false);
    const outputBefore = worker.output().length;
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    expect(worker.child.exitCode).toBeNull();
    const during = worker.output().slice(outputBefore).split('\n').filter(Boolean);
    const retries = during.filter((line) => line.includes('projection batch failed; retrying (database unavailable)'));
    expect(retries.length).toBeGreaterThan(0);
    // One line per failing projection for the outage's first minute (its retries back off and are
    // counted, not each logged), and one when it works again.
    expect(retries.length).toBeLessThanOrEqual(registry.names().length);
    // An outage is logged as warnings without stacks, not as errors.
    expect(during.filter((line) => line.includes('"level":50'))).toEqual([]);
    await setOpen(true);

    await workload.run({ offices: 3, seed: 12, prefix: 'after' });
    await caughtUp();
    expect(worker.child.exitCode).toBeNull();
    const recovered = worker.output().split('\n').filter((line) => line.includes('projection batch failed; retrying: working again'));
    expect(recovered.length).toBe(retries.length);
    expect(await worker.stop('SIGTERM')).toBe(0);
    worker = undefined;

    const live = await snapshotReadModels(db.dataSource, registry);
    await new ProjectionRebuilder(db.dataSource, store).rebuild(registry.all());
    await new ProjectionRunner(db.dataSource, store, registry).drain();
    const rebuilt = await snapshotReadModels(db.dataSource, registry);
    for (const table of Object.keys(live)) expect({ table, rows: rebuilt[table] }).toEqual({ table, rows: live[table] });
  }, 240_000);
});
