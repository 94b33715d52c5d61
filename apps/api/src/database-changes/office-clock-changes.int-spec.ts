import { Client } from 'pg';
import { OFFICE_CLOCK_CHANGES_CHANNEL, SatkerDirectory } from '@kinerja/workflow';
import { SESSION_CHANGES_CHANNEL } from '@kinerja/identity';
import { eventually } from '../../../../test/support/eventually';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { DatabaseChangeListener } from './database-change-listener';

describe('DatabaseChangeListener: every process drops an office clock when the database announces its change (real PostgreSQL)', () => {
  let db: TestDatabase;
  let other: Client;
  let directory: SatkerDirectory;
  let listener: DatabaseChangeListener;
  let reads = 0;
  const sessionKeys: string[] = [];

  const clock = (satker: string) => directory.clockOf(satker);
  /** Reads `satker`'s clock and says whether that went to the database. */
  const readsDatabase = async (satker: string) => {
    const before = reads;
    await clock(satker);
    return reads > before;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    other = new Client({ connectionString: db.url });
    await other.connect();
    const at = new Date('2026-01-05T00:00:00Z');
    for (const code of ['kpu-a', 'kpu-b']) {
      await other.query(`INSERT INTO satker (code, name, time_zone, created_at, updated_at) VALUES ($1, $1, 'Asia/Jakarta', $2, $2)`, [code, at]);
      await other.query(
        `INSERT INTO satker_deadline_day_changes (satker_code, seq, changed_on, deadline_day, recorded_at) VALUES ($1, 1, '2026-01-05', 5, $2)`,
        [code, at],
      );
    }
    directory = new SatkerDirectory(db.dataSource);
    // Counts the directory's reads; each still goes to the database.
    const query = db.dataSource.query.bind(db.dataSource);
    jest.spyOn(db.dataSource, 'query').mockImplementation((sql, parameters) => {
      reads += 1;
      return query(sql, parameters);
    });
    listener = new DatabaseChangeListener({ databaseUrl: db.url, embeddedDatabase: false });
    listener.follow(SESSION_CHANGES_CHANNEL, { invalidate: (key) => sessionKeys.push(key), setLive: () => undefined });
    listener.follow(OFFICE_CLOCK_CHANGES_CHANNEL, directory.clocks);
    await listener.onApplicationBootstrap();
  });
  afterAll(async () => {
    await listener?.onModuleDestroy();
    await other?.end();
    await db?.drop();
  });

  it('serves a clock from the cache, and reads it again once another connection changes the deadline day', async () => {
    expect(await clock('kpu-a')).toMatchObject({ timeZone: 'Asia/Jakarta', reportDeadlineDay: 5, deadlineDays: [{ changedOn: { year: 2026, month: 1, day: 5 }, deadlineDay: 5 }] });
    expect(await readsDatabase('kpu-a')).toBe(false);
    // What SatkerService does in one transaction, here by hand (a CLI, a seed, an operator's SQL).
    await other.query('BEGIN');
    await other.query(`UPDATE satker SET report_deadline_day = 15 WHERE code = 'kpu-a'`);
    await other.query(`INSERT INTO satker_deadline_day_changes (satker_code, seq, changed_on, deadline_day, recorded_at) VALUES ('kpu-a', 2, '2026-02-10', 15, now())`);
    await other.query('COMMIT');
    await eventually(async () => (await clock('kpu-a')).reportDeadlineDay === 15);
    expect((await clock('kpu-a')).deadlineDays.map((d) => d.deadlineDay)).toEqual([5, 15]);
  });

  it('drops a clock when the time zone or the deadline-day history alone changes', async () => {
    await clock('kpu-a');
    await other.query(`UPDATE satker SET time_zone = 'Asia/Makassar' WHERE code = 'kpu-a'`);
    await eventually(async () => (await clock('kpu-a')).timeZone === 'Asia/Makassar');
    await other.query(`UPDATE satker_deadline_day_changes SET changed_on = '2026-02-11' WHERE satker_code = 'kpu-a' AND seq = 2`);
    await eventually(async () => (await clock('kpu-a')).deadlineDays[1]?.changedOn.day === 11);
    await other.query(`DELETE FROM satker_deadline_day_changes WHERE satker_code = 'kpu-a' AND seq = 2`);
    await eventually(async () => (await clock('kpu-a')).deadlineDays.length === 1);
  });

  it("keeps the other offices' clocks, and every clock when what changed is not a clock's (the name)", async () => {
    await clock('kpu-a');
    await clock('kpu-b');
    await other.query(`UPDATE satker SET name = 'KPU B baru' WHERE code = 'kpu-b'`);
    await other.query(`UPDATE satker SET report_deadline_day = 10 WHERE code = 'kpu-a'`);
    await eventually(async () => (await clock('kpu-a')).reportDeadlineDay === 10);
    expect(await readsDatabase('kpu-b')).toBe(false);
  });

  it('hears both channels on one connection', async () => {
    const { rows: [{ count }] } = await other.query(
      `SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = 'kinerja-database-changes' AND datname = current_database()`,
    );
    expect(count).toBe(1);
    await other.query(`UPDATE satker SET active = false WHERE code = 'kpu-b'`);
    await eventually(() => sessionKeys.includes('*'));
    await other.query(`UPDATE satker SET active = true WHERE code = 'kpu-b'`);
  });

  it('reads every clock from the database while its connection is lost, and serves again once it is back', async () => {
    await clock('kpu-b');
    await other.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kinerja-database-changes' AND datname = current_database()`);
    await eventually(() => directory.clocks.size === 0);
    expect(await readsDatabase('kpu-b')).toBe(true);
    expect(await readsDatabase('kpu-b')).toBe(true);
    await eventually(async () => {
      await clock('kpu-b');
      return !(await readsDatabase('kpu-b'));
    });
    await other.query(`UPDATE satker SET report_deadline_day = 20 WHERE code = 'kpu-b'`);
    await eventually(async () => (await clock('kpu-b')).reportDeadlineDay === 20);
  });
});
