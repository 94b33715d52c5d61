import { EventStore } from '@kinerja/event-store';
import { appendOfficeHistory } from '@kinerja/projections/audit-trail/audit-trail.fixture';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { USAGE_ERROR } from '../parse-args';
import { projectionsRebuildCommand, REBUILD_ALERT_SOURCE } from './projections-rebuild.command';

// The command declares its messages Indonesian (its usage line and refusals are); its report of
// what it rebuilt used to be English ("Rebuilt … events in 0.4 s"), one command in two languages.
describe('npm run cli -- projections:rebuild', () => {
  let db: TestDatabase;
  const out: string[] = [];
  const err: string[] = [];
  const run = (args: Record<string, string | boolean>) =>
    projectionsRebuildCommand.run(args, { dataSource: db.dataSource, out: (l) => out.push(l), err: (l) => err.push(l) });

  beforeAll(async () => {
    db = await createTestDatabase();
    await appendOfficeHistory(new EventStore(db.dataSource), 'kpu-rebuild');
    await untilEveryEventReadable();
  });

  /**
   * The log is read below the oldest transaction still running on the server (event-store.ts), and
   * other databases' tests on a shared server hold that back for a moment: the first test counts the
   * events its rebuild replays, so it starts once every event is readable.
   */
  async function untilEveryEventReadable(): Promise<void> {
    for (const started = Date.now(); Date.now() - started < 20_000; await new Promise((r) => setTimeout(r, 50))) {
      const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM events WHERE transaction_id >= pg_snapshot_xmin(pg_current_snapshot())');
      if (n === 0) return;
    }
    throw new Error('Events still above the oldest running transaction after 20 s');
  }

  /** Edits a saved figure of `satker` in place, as someone with the database's superuser could. */
  async function tamper(satker: string, value: string): Promise<number> {
    const [row] = await db.dataSource.query(
      `SELECT tenant_sequence FROM events WHERE tenant_id = $1 AND type = 'RealisasiDraftSaved' ORDER BY tenant_sequence LIMIT 1`, [satker],
    );
    await db.dataSource.transaction(async (m) => {
      await m.query('ALTER TABLE events DISABLE TRIGGER USER');
      await m.query(`UPDATE events SET data = jsonb_set(data, '{lines,0,value}', to_jsonb($3::text)) WHERE tenant_id = $1 AND tenant_sequence = $2`, [satker, row.tenant_sequence, value]);
      await m.query('ALTER TABLE events ENABLE TRIGGER USER');
    });
    return Number(row.tenant_sequence);
  }

  const alertsOf = (satker: string) =>
    db.dataSource.query(`SELECT id::int, source, broken_sequence::int AS sequence, kind FROM integrity_alerts WHERE satker_code = $1 ORDER BY id`, [satker]);

  afterAll(async () => {
    await db.drop();
  });

  beforeEach(() => {
    out.length = 0;
    err.length = 0;
  });

  it('given an office history, when audit-trail is rebuilt, then it says so in Indonesian with the events replayed', async () => {
    const events = Number((await db.dataSource.query('SELECT count(*)::int AS n FROM events'))[0].n);

    await expect(run({ _: 'audit-trail' })).resolves.toBe(0);

    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(new RegExp(`^Dibangun ulang: audit-trail; ${events} peristiwa dalam \\d+,\\d detik \\(\\d+ peristiwa/detik\\)\\.$`));
  });

  it('given an office whose saved figure was edited in the database, when every projection is rebuilt, then it warns in Indonesian naming the office, the first broken link and the alert it recorded, and still rebuilds (exit 0)', async () => {
    // Appended here, not in beforeAll: the first test counts the events its rebuild replays.
    await appendOfficeHistory(new EventStore(db.dataSource), 'kpu-rusak');
    const sequence = await tamper('kpu-rusak', '5');

    await expect(run({})).resolves.toBe(0);

    const [alert] = await alertsOf('kpu-rusak');
    expect(alert).toEqual({ id: expect.any(Number), source: REBUILD_ALERT_SOURCE, sequence, kind: 'modified' });
    expect(await alertsOf('kpu-rebuild')).toEqual([]);
    expect(err[0]).toMatch(new RegExp(`^PERINGATAN: rantai kpu-rusak putus pada urutan ${sequence}: peristiwa [0-9a-f-]+ diubah — .*; dicatat sebagai peringatan integritas #${alert.id}\\. `));
    expect(err[0]).toContain('audit:verify --satker kpu-rusak');
    expect(err[0]).toContain(`menutup peringatan #${alert.id}`);
    expect(err.at(-1)).toMatch(/^PERINGATAN: rantai integritas 1 satker rusak/);
    expect(err.join('\n')).not.toContain('kpu-rebuild');
    expect(out.at(-1)).toMatch(/^Dibangun ulang: /);
  });

  it('given that alert still open, when rebuilt again, then it warns again naming the same alert, recorded once', async () => {
    const before = await alertsOf('kpu-rusak');

    await expect(run({ _: 'audit-trail' })).resolves.toBe(0);

    expect(await alertsOf('kpu-rusak')).toEqual(before);
    expect(err[0]).toContain(`sudah tercatat sebagai peringatan integritas #${before[0].id} yang masih terbuka (tidak dicatat ulang)`);
  });

  it('given a name no projection has, then it refuses (DITOLAK) in Indonesian, naming those there are, with its usage line, and rebuilds nothing', async () => {
    await expect(run({ _: 'audit-trail audit-trial' })).resolves.toBe(USAGE_ERROR);

    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^DITOLAK: proyeksi "audit-trial" tidak dikenal; tidak ada yang dijalankan\. Yang tersedia: .*audit-trail.*\.\nPemakaian: npm run cli -- projections:rebuild \[nama-proyeksi …\] \(tanpa nama: semua proyeksi\)$/);
  });
});
