import { randomUUID } from 'node:crypto';
import { EventStore } from '@kinerja/event-store';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { RandomWorkload, WorkloadResult } from '../testing/random-workload';
import { approvedVersionsOf, subbagianOwingByMonth } from '@kinerja/domain';
import { kinerjaFromStreams, pkStateFromStream, reportStateFromStream } from '../testing/stream-truth';
import { snapshotReadModels } from '../testing/table-snapshot';
import { WORKLOAD_SUBBAGIAN } from '../testing/workload-structure';
import { ApprovalInboxQuery } from './approval-inbox/approval-inbox.query';
import { KinerjaReadModel } from './current-performance/kinerja.read-model';
import { builtInRegistry } from './projection-list';
import { projectionLag } from './runner/projection-lag';
import { ProjectionRebuilder } from './runner/projection-rebuilder';
import { ProjectionRunner } from './runner/projection-runner';
import { staleProjections } from './runner/projection-versions';
import { SubmissionStatusQuery } from './submission-status/submission-status.query';

const YEAR = 2024;

describe('projections following the log while many offices write at once', () => {
  let db: TestDatabase;
  let store: EventStore;
  let workload: WorkloadResult;
  const errors: unknown[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 16 });
    store = new EventStore(db.dataSource);
    // Two replicas with different batch sizes follow the log while the offices write.
    const replicas = [37, 50].map((batchSize) =>
      new ProjectionRunner(db.dataSource, store, builtInRegistry(), { batchSize, idleDelayMs: 10, onError: (_n, e) => errors.push(e) }));
    replicas.forEach((r) => r.start());
    workload = await new RandomWorkload(store).run({ offices: 16, seed: 20240, year: YEAR });
    await Promise.all(replicas.map((r) => r.stop()));
    await new ProjectionRunner(db.dataSource, store, builtInRegistry()).drain();
  }, 240_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('ran a long, conflicting workload without a failed batch', () => {
    expect(errors).toEqual([]);
    expect(workload.commands).toBeGreaterThan(1000);
    expect(workload.conflicts).toBeGreaterThan(0);
  });

  it('every live projection equals a rebuild from scratch, row for row', async () => {
    const registry = builtInRegistry();
    const live = await snapshotReadModels(db.dataSource, registry);
    expect(live.rm_perf_values.length).toBeGreaterThan(500);
    expect(live.catatan_reviu.length).toBeGreaterThanOrEqual(workload.offices.length);
    const tables = registry.all().flatMap((p) => [...p.tables]);
    const schema = () => db.dataSource.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY($1) ORDER BY tablename, indexname`, [tables],
    );
    const schemaBefore = await schema();
    // While the shadow tables fill, readers still see the live rows.
    const seenDuringRebuild: Array<Promise<number>> = [];
    const countValues = async () => Number((await db.dataSource.query('SELECT count(*) AS n FROM rm_perf_values'))[0].n);
    const rebuilder = new ProjectionRebuilder(db.dataSource, store);
    const result = await rebuilder.rebuild(registry.all(), { batchSize: 211, onProgress: () => void seenDuringRebuild.push(countValues()) });
    expect(new Set(await Promise.all(seenDuringRebuild))).toEqual(new Set([live.rm_perf_values.length]));
    expect(result.projections).toEqual(registry.names());
    // The switch-over moved the live checkpoints; what a cluster-wide open transaction kept back follows.
    await new ProjectionRunner(db.dataSource, store, registry).drain();
    const rebuilt = await snapshotReadModels(db.dataSource, registry);
    expect(await schema()).toEqual(schemaBefore);
    for (const table of Object.keys(live)) {
      expect({ table, rows: rebuilt[table].length }).toEqual({ table, rows: live[table].length });
      expect(rebuilt[table]).toEqual(live[table]);
    }
  }, 120_000);

  it('refuses a second rebuild of a projection while one runs', async () => {
    const registry = builtInRegistry();
    const other = db.dataSource.createQueryRunner();
    await other.connect();
    try {
      // What a rebuild running elsewhere holds for its whole duration.
      await other.query(`SELECT pg_advisory_lock(hashtext('kinerja:rebuild'), hashtext('approval-inbox'))`);
      await expect(new ProjectionRebuilder(db.dataSource, store).rebuild([registry.get('approval-inbox')])).rejects.toThrow('already being rebuilt');
      await other.query('SELECT pg_advisory_unlock_all()');
      await expect(new ProjectionRebuilder(db.dataSource, store).rebuild([registry.get('approval-inbox')])).resolves.toMatchObject({ projections: ['approval-inbox'] });
    } finally {
      await other.release();
    }
  });

  it('notices a projection whose code version changed', async () => {
    const registry = builtInRegistry();
    expect(await staleProjections(db.dataSource, registry)).toEqual([]);
    await db.dataSource.query(`UPDATE projection_state SET version = version + 1 WHERE name = 'submission-status'`);
    expect(await staleProjections(db.dataSource, registry)).toEqual(['submission-status']);
    await new ProjectionRebuilder(db.dataSource, store).rebuild([registry.get('submission-status')]);
    expect(await staleProjections(db.dataSource, registry)).toEqual([]);
  });

  it('reports no lag once caught up', async () => {
    const lag = await projectionLag(db.dataSource, store, builtInRegistry(), new Date());
    expect(lag.map((l) => [l.name, l.eventsBehind, l.secondsBehind])).toEqual(builtInRegistry().names().map((n) => [n, 0, 0]));
  });

  it('Tabel 3.2 from the read model equals computeKinerja over the streams, for the year and to date', async () => {
    const model = new KinerjaReadModel(db.dataSource);
    for (const satker of workload.offices) {
      for (const month of [null, 1, 6, 12]) {
        expect(await model.tabel32(satker, YEAR, month)).toEqual(await kinerjaFromStreams(store, satker, YEAR, month));
      }
    }
  });

  it('holds every indicator × month cell with its approved value as the stream approved it', async () => {
    const model = new KinerjaReadModel(db.dataSource);
    const satker = workload.offices[0];
    const cells = await model.monthlyValues(satker, YEAR);
    expect(cells.length).toBeGreaterThan(30);
    for (const cell of cells) {
      const state = await reportStateFromStream(store, satker, YEAR, cell.month, cell.subbagian);
      if (state.status === 'EMPTY') throw new Error('a cell without a report');
      const approvedLine = state.approved?.lines.find((l) => l.indicatorCode === cell.indicatorCode);
      expect([cell.indicatorCode, cell.month, cell.status, cell.approved, cell.approvedValue]).toEqual(
        [cell.indicatorCode, cell.month, state.status, approvedLine !== undefined, approvedLine?.value ?? null]);
    }
  });

  it('the inbox holds exactly the submitted reports, oldest first', async () => {
    const inbox = new ApprovalInboxQuery(db.dataSource);
    for (const satker of workload.offices) {
      const expected: string[] = [];
      for (let month = 1; month <= 12; month++) {
        for (const subbagian of WORKLOAD_SUBBAGIAN) {
          const state = await reportStateFromStream(store, satker, YEAR, month, subbagian);
          if (state.status === 'SUBMITTED') expected.push(`${state.submittedAt}|${month}|${subbagian}`);
        }
      }
      const waiting = await inbox.waiting(satker);
      expect(waiting.map((w) => `${w.submittedAt}|${w.month}|${w.subbagian}`)).toEqual(expected.sort());
    }
  });

  it('the status matrix shows each report as its stream says, overdue decided from the clock', async () => {
    const query = new SubmissionStatusQuery(db.dataSource);
    const longAfter = new Date(Date.UTC(YEAR + 2, 0, 1));
    let officesWherePdiOwesNothing = 0;
    for (const satker of workload.offices) {
      const matrix = await query.matrix(satker, YEAR, longAfter);
      // Owed: the subbagian is PIC of an indicator of the month's PK version (PDI may own nothing after a PK Perubahan).
      const owingByMonth = subbagianOwingByMonth(approvedVersionsOf(await pkStateFromStream(store, satker, YEAR)), YEAR, 'Asia/Jakarta');
      const owing = [...new Set(owingByMonth.flat())];
      if (!owingByMonth[11].includes('PDI')) officesWherePdiOwesNothing++;
      // Rows: who owes reports, and who has any (the workload creates no subbagian rows, so none is listed as active).
      const reported = async (sub: string) => {
        for (let month = 1; month <= 12; month++) if ((await reportStateFromStream(store, satker, YEAR, month, sub)).status !== 'EMPTY') return true;
        return false;
      };
      const rows: string[] = [];
      for (const sub of WORKLOAD_SUBBAGIAN) if (owing.includes(sub) || (await reported(sub))) rows.push(sub);
      expect(matrix.subbagian).toEqual(rows.sort());
      for (const cell of matrix.cells) {
        const state = await reportStateFromStream(store, satker, YEAR, cell.month, cell.subbagian);
        const owed = owingByMonth[cell.month - 1].includes(cell.subbagian);
        const never = state.status === 'EMPTY' || (state.approved === null && (state.status === 'DRAFT' || state.status === 'RETURNED'));
        const expected = state.status === 'EMPTY' && !owed ? 'NOT_REQUIRED' : never && owed ? 'OVERDUE' : state.status;
        expect([cell.month, cell.subbagian, cell.status]).toEqual([cell.month, cell.subbagian, expected]);
      }
    }
    // The workload's seed includes a PK Perubahan that takes all of PDI's indicators away.
    expect(officesWherePdiOwesNothing).toBeGreaterThan(0);
  });

  it('knows when an office has events it has not applied yet (reads then fall back to the streams)', async () => {
    const model = new KinerjaReadModel(db.dataSource);
    const [behind, other] = workload.offices;
    expect(await model.caughtUp(behind)).toBe(true);
    await store.append(`note:${behind}:${randomUUID()}`, 'no-stream', [{ type: 'SomethingNoted', data: {} }],
      { tenantId: behind, actorId: 'u-test', actorRole: 'ADMIN', correlationId: randomUUID() });
    expect(await model.caughtUp(behind)).toBe(false);
    const lag = await projectionLag(db.dataSource, store, builtInRegistry(), new Date(Date.now() + 60_000));
    expect(lag.map((l) => l.eventsBehind)).toEqual(builtInRegistry().names().map(() => 1));
    expect(lag.every((l) => l.secondsBehind >= 60)).toBe(true);
    expect(await model.tabel32IfCaughtUp(behind, YEAR)).toBeNull();
    expect(await model.tabel32IfCaughtUp(other, YEAR)).toEqual(await kinerjaFromStreams(store, other, YEAR, null));
    await new ProjectionRunner(db.dataSource, store, builtInRegistry()).drain();
    expect(await model.caughtUp(behind)).toBe(true);
  });
});
