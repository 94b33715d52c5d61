import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type Redis from 'ioredis';
import { loadConfig, SystemClock } from '@kinerja/platform';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { HealthController } from './health.controller';

/** /health of a process whose pool was pointed at a database restored from another cluster while it ran. */
describe('GET /health and the event log order (real PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  async function health() {
    let status = 0;
    const res = { status: (code: number) => ((status = code), res) } as unknown as Response;
    const redis = { ping: async () => 'PONG' } as unknown as Redis;
    const body = await new HealthController(db.dataSource, redis, { embeddedDatabase: false }, loadConfig({}), new SystemClock()).health(res);
    return { status, body };
  }

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
  });
});
