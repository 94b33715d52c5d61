import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDataFolder } from '@kinerja/platform';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { askHealth } from './health.testing';

/** /health of a process whose pool was pointed at a database restored from another cluster while it ran. */
describe('GET /health and the event log order (real PostgreSQL)', () => {
  let db: TestDatabase;
  // The data folder is probed too: one of this test's own, never ./.data, prepared as at start-up.
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-health-'));
  prepareDataFolder(dataDir);
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const health = (env: Record<string, string> = {}) => askHealth(db.dataSource, dataDir, env);

  it('reports the order OK, then BROKEN (503, with the epoch for pg_resetwal) once rows from a cluster ahead appear', async () => {
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', eventLog: { status: 'OK' } } });

    const [{ ahead }] = await db.dataSource.query(`SELECT (pg_snapshot_xmax(pg_current_snapshot())::text::bigint + 100000)::text AS ahead`);
    await db.dataSource.query(
      `INSERT INTO events (tenant_id, tenant_sequence, stream_id, stream_version, event_id, type, schema_version,
                           data, metadata, recorded_at, previous_hash, hash, transaction_id)
       VALUES ('kpu-restored', 1, 'restored:1', 0, $1, 'Marked', 1, '{}', '{}', now(), repeat('0', 64), repeat('1', 64), $2::xid8)`,
      [randomUUID(), ahead],
    );
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: 'degraded',
      database: { status: 'up' },
      eventLog: { status: 'BROKEN', maxStoredTransactionId: ahead, epoch: '1' },
    });
    expect((body.eventLog as { message: string }).message).toContain('pg_resetwal -e 1');
    // Told to a caller who is not signed in too, without the details, when those are kept for the signed-in.
    expect(await health({ HEALTH_DETAILS: 'signed-in' })).toEqual({ status: 503, body: { status: 'degraded', details: expect.any(String) } });
  });
});
