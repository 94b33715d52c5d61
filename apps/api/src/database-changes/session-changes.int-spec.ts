import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SESSION_CHANGES_CHANNEL } from '@kinerja/identity';
import { NotifiedCache } from '@kinerja/platform';
import { eventually } from '../../../../test/support/eventually';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { DatabaseChangeListener } from './database-change-listener';

interface Session {
  tokenVersion: number;
  active: boolean;
}

describe('DatabaseChangeListener: every process drops a session when the database announces its change (real PostgreSQL)', () => {
  let db: TestDatabase;
  let other: Client;
  let reads = 0;
  let cache: NotifiedCache<Session | null>;
  let listener: DatabaseChangeListener;
  const ids = { a: randomUUID(), b: randomUUID() };

  const session = (id: string) => cache.get(id);

  beforeAll(async () => {
    db = await createTestDatabase();
    other = new Client({ connectionString: db.url });
    await other.connect();
    const at = new Date('2026-01-05T00:00:00Z');
    await other.query(`INSERT INTO satker (code, name, time_zone, created_at, updated_at) VALUES ('kpu-x', 'KPU X', 'Asia/Jakarta', $1, $1)`, [at]);
    for (const [name, id] of Object.entries(ids)) {
      await other.query(
        `INSERT INTO users (satker_code, id, username, full_name, role, password_hash, password_changed_at, created_at, updated_at)
         VALUES ('kpu-x', $1, $2, $2, 'SEKRETARIS', 'not-a-login', $3, $3, $3)`,
        [id, `user-${name}`, at],
      );
    }
    cache = new NotifiedCache<Session | null>(async (id) => {
      reads += 1;
      const [row] = await db.dataSource.query(
        `SELECT u.token_version, u.active AND s.active AS active FROM users u JOIN satker s ON s.code = u.satker_code WHERE u.id = $1`,
        [id],
      );
      return row ? { tokenVersion: Number(row.token_version), active: row.active } : null;
    }, { ttlMs: 60_000, maxEntries: 100 });
    listener = new DatabaseChangeListener({ databaseUrl: db.url, embeddedDatabase: false });
    listener.follow(SESSION_CHANGES_CHANNEL, cache);
    await listener.onApplicationBootstrap();
  });
  afterAll(async () => {
    await listener?.onModuleDestroy();
    await other?.end();
    await db?.drop();
  });

  it('serves a session from the cache, and reads it again once another connection revokes it', async () => {
    expect(await session(ids.a)).toEqual({ tokenVersion: 1, active: true });
    const before = reads;
    await session(ids.a);
    expect(reads).toBe(before);
    await other.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [ids.a]);
    await eventually(async () => (await session(ids.a))?.tokenVersion === 2);
  });

  it('is not disturbed by changes that do not touch a session (failed logins)', async () => {
    await session(ids.b);
    await other.query(`UPDATE users SET failed_login_count = failed_login_count + 1 WHERE id = $1`, [ids.b]);
    await other.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [ids.a]);
    await eventually(async () => (await session(ids.a))?.tokenVersion === 3);
    const before = reads;
    await session(ids.b);
    expect(reads).toBe(before);
  });

  it('drops every session when an office is deactivated', async () => {
    await session(ids.b);
    await other.query(`UPDATE satker SET active = false WHERE code = 'kpu-x'`);
    await eventually(async () => (await session(ids.b))?.active === false);
    await other.query(`UPDATE satker SET active = true WHERE code = 'kpu-x'`);
    await eventually(async () => (await session(ids.b))?.active === true);
  });

  it('reads every session from the database while its connection is lost, and serves again once it is back', async () => {
    await session(ids.b);
    await other.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kinerja-database-changes' AND datname = current_database()`);
    await eventually(() => cache.size === 0);
    const before = reads;
    await session(ids.b);
    await session(ids.b);
    expect(reads).toBe(before + 2);
    await eventually(async () => {
      const at = reads;
      await session(ids.b);
      await session(ids.b);
      return reads - at <= 1;
    });
    await other.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [ids.b]);
    await eventually(async () => (await session(ids.b))?.tokenVersion === 2);
  });
});
