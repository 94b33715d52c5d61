import { localDateOf } from '@kinerja/domain';
import { SatkerDeadlineDayHistory1795990000000 } from '../../../../migrations/1795990000000-satker-deadline-day-history';
import { createIdentityTestContext, IdentityTestContext } from '../../../../test/support/identity-test-context';
import { SatkerService } from './satker.service';

interface HistoryRow { seq: number; changed_on: string; deadline_day: number }

const iso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/**
 * The deadline-day history is written with the office (creation, every change of the day) in the
 * transaction that writes `satker`, and the migration that brings it rebuilds the same history
 * from the identity streams of offices that existed before it.
 */
describe('the history of an office deadline day', () => {
  let context: IdentityTestContext;
  let satker: SatkerService;
  const migration = new SatkerDeadlineDayHistory1795990000000();

  beforeAll(async () => {
    context = await createIdentityTestContext();
    satker = context.module.get(SatkerService);
  });
  afterAll(() => context?.close());

  const history = (code: string): Promise<HistoryRow[]> =>
    context.db.dataSource.query(
      `SELECT seq, to_char(changed_on, 'YYYY-MM-DD') AS changed_on, deadline_day FROM satker_deadline_day_changes WHERE satker_code = $1 ORDER BY seq`,
      [code],
    );

  async function migrate(step: 'up' | 'down'): Promise<void> {
    const runner = context.db.dataSource.createQueryRunner();
    try {
      await migration[step](runner);
    } finally {
      await runner.release();
    }
  }

  it('records the day an office is created with and each change of it, dated in the office calendar', async () => {
    const admin = context.rootAdmin;
    // 2026-02-02 01:00 UTC: 08:00 in Jakarta, 10:00 in Jayapura.
    await satker.create(admin, { code: 'kpu-prov-jatim', name: 'KPU Provinsi Jawa Timur', parentCode: 'kpu-ri' });
    context.clock.set(new Date('2026-03-02T16:30:00Z')); // 23:30 on 2 March in Jakarta
    await satker.update(admin, 'kpu-prov-jatim', { reportDeadlineDay: 15 });
    await satker.update(admin, 'kpu-prov-jatim', { name: 'KPU Provinsi Jawa Timur (baru)', reportDeadlineDay: 15 });
    // 01:30 on 3 March in Jayapura: the date in the zone the office has after the change.
    await satker.update(admin, 'kpu-prov-jatim', { reportDeadlineDay: 3, timeZone: 'Asia/Jayapura' });
    expect(await history('kpu-prov-jatim')).toEqual([
      { seq: 1, changed_on: '2026-02-02', deadline_day: 5 },
      { seq: 2, changed_on: '2026-03-02', deadline_day: 15 },
      { seq: 3, changed_on: '2026-03-03', deadline_day: 3 },
    ]);
  });

  it('writes nothing when the office change fails: the row and the history commit together', async () => {
    context.failNextAppend();
    await expect(satker.update(context.rootAdmin, 'kpu-prov-jatim', { reportDeadlineDay: 20 })).rejects.toThrow('append failed after writing');
    expect((await history('kpu-prov-jatim')).map((r) => r.deadline_day)).toEqual([5, 15, 3]);
  });

  it('is rebuilt by the migration from the identity streams, each change dated by when it was recorded', async () => {
    const admin = context.rootAdmin;
    await satker.create(admin, { code: 'kpu-prov-bali', name: 'KPU Provinsi Bali', parentCode: 'kpu-ri', reportDeadlineDay: 7 });
    // Offices that came in without Kinerja's services, or whose day was changed in the table alone.
    await context.db.dataSource.query(
      `INSERT INTO satker (code, name, parent_code, time_zone, report_deadline_day, created_at, updated_at)
       VALUES ('kpu-kab-lama', 'KPU Kabupaten Lama', 'kpu-ri', 'Asia/Makassar', 10, '2025-06-30T16:30:00Z', '2025-06-30T16:30:00Z')`,
    );
    await context.db.dataSource.query(`UPDATE satker SET report_deadline_day = 9, updated_at = '2026-04-01T03:00:00Z' WHERE code = 'kpu-prov-bali'`);

    await migrate('down');
    await migrate('up');

    const events = (await context.store.readStream('identity:kpu-prov-jatim'))
      .filter((e) => e.type === 'SatkerCreated' || (e.data as { changes?: { reportDeadlineDay?: number } }).changes?.reportDeadlineDay !== undefined);
    const zones = ['Asia/Jakarta', 'Asia/Jakarta', 'Asia/Jayapura'];
    expect(await history('kpu-prov-jatim')).toEqual(events.map((e, i) => ({
      seq: i + 1,
      changed_on: iso(localDateOf(new Date(e.recordedAt).toISOString(), zones[i])),
      deadline_day: [5, 15, 3][i],
    })));
    // No event at all: its current day from its creation (1 July in Makassar), so for every month.
    expect(await history('kpu-kab-lama')).toEqual([{ seq: 1, changed_on: '2025-07-01', deadline_day: 10 }]);
    // The day in the table is not the last one recorded: it is added, on the date of the last update.
    expect((await history('kpu-prov-bali')).map((r) => [r.seq, r.deadline_day])).toEqual([[1, 7], [2, 9]]);
    expect((await history('kpu-prov-bali'))[1].changed_on).toBe('2026-04-01');
  });

  it('is dropped by the down migration', async () => {
    await migrate('down');
    const [{ exists }] = await context.db.dataSource.query(`SELECT to_regclass('satker_deadline_day_changes') IS NOT NULL AS exists`);
    expect(exists).toBe(false);
    await migrate('up');
  });
});
