import type { EntityManager } from 'typeorm';
import type { GlobalEvent } from '@kinerja/event-store';
import type { PkEvent, RealisasiEvent } from '@kinerja/domain';
import { Projection, ProjectionContext, truncateTables } from '../runner/projection';
import { pkKeyOf, REPORT_KEY_COLUMNS, reportKeyOf, reportKeyText } from '../shared/report-key';
import { deleteByKeys, insertRows, selectByKeys, upsertRows } from '../shared/sql-rows';
import {
  PERF_PK_TABLE, PERF_REPORTS_TABLE, PERF_VALUES_TABLE, PK_COLUMNS, PK_OFFICE_COLUMNS, REPORT_COLUMNS, VALUE_COLUMNS,
} from './current-performance.tables';
import { evolvePerfReport, PerfReport, valuesOf } from './perf-report.fold';
import { evolvePkVersions, PkVersionRow } from './pk-version.fold';

const REPORT_KEY = REPORT_KEY_COLUMNS.map((c) => c.name);

interface Touched<K> {
  key: K;
  events: GlobalEvent[];
}

function groupBy<K>(events: readonly GlobalEvent[], keyOf: (e: GlobalEvent) => K | null, text: (k: K) => string): Map<string, Touched<K>> {
  const groups = new Map<string, Touched<K>>();
  for (const event of events) {
    const key = keyOf(event);
    if (key === null) continue;
    const id = text(key);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { key, events: [] }));
    group.events.push(event);
  }
  return groups;
}

/**
 * Current performance: every PK version (the approved one is in force) and every monthly report
 * with its working and approved content, plus the office × year × indicator × month cells. Tabel
 * 3.2 is computed from it exactly as the workflow computes it from the streams.
 */
export class CurrentPerformanceProjection implements Projection {
  readonly name = 'current-performance';
  readonly version = 1;
  readonly tables = [PERF_PK_TABLE, PERF_REPORTS_TABLE, PERF_VALUES_TABLE] as const;

  async apply(events: readonly GlobalEvent[], manager: EntityManager, context: ProjectionContext): Promise<void> {
    await this.applyPk(events, manager, context);
    await this.applyReports(events, manager, context);
  }

  reset(manager: EntityManager, context: ProjectionContext): Promise<void> {
    return truncateTables(this, manager, context);
  }

  private async applyPk(events: readonly GlobalEvent[], manager: EntityManager, context: ProjectionContext): Promise<void> {
    const touched = groupBy(events, pkKeyOf, (k) => `${k.satker}|${k.year}`);
    if (touched.size === 0) return;
    const table = context.table(PERF_PK_TABLE);
    const known = [...touched.values()].filter((t) => t.events[0].streamVersion > 0).map((t) => t.key);
    const stored = known.length === 0 ? [] : await selectByKeys<PkVersionRow>(manager, table, PK_OFFICE_COLUMNS, known);
    const out: PkVersionRow[] = [];
    for (const [id, { key, events: own }] of touched) {
      const versions = new Map(stored.filter((r) => `${r.satker}|${r.year}` === id).map((r) => [r.version, r]));
      for (const event of own) evolvePkVersions(versions, key, event as unknown as PkEvent);
      out.push(...versions.values());
    }
    await upsertRows(manager, table, PK_COLUMNS, ['satker', 'year', 'version'], out);
  }

  private async applyReports(events: readonly GlobalEvent[], manager: EntityManager, context: ProjectionContext): Promise<void> {
    const touched = groupBy(events, reportKeyOf, reportKeyText);
    if (touched.size === 0) return;
    const reportsTable = context.table(PERF_REPORTS_TABLE);
    const valuesTable = context.table(PERF_VALUES_TABLE);
    const known = [...touched.values()].filter((t) => t.events[0].streamVersion > 0).map((t) => t.key);
    const stored = known.length === 0 ? [] : await selectByKeys<PerfReport>(manager, reportsTable, REPORT_KEY_COLUMNS, known);
    const byKey = new Map(stored.map((r) => [reportKeyText({ ...r, month: Number(r.month) }), { ...r, month: Number(r.month) }]));
    const reports: PerfReport[] = [];
    for (const [id, { key, events: own }] of touched) {
      let report: PerfReport | null = byKey.get(id) ?? null;
      for (const event of own) report = evolvePerfReport(report, key, event as unknown as RealisasiEvent);
      if (report) reports.push(report);
    }
    await upsertRows(manager, reportsTable, REPORT_COLUMNS, REPORT_KEY, reports);
    // Reports opened in this batch have no cells yet.
    if (known.length > 0) await deleteByKeys(manager, valuesTable, REPORT_KEY_COLUMNS, known);
    await insertRows(manager, valuesTable, VALUE_COLUMNS, reports.flatMap(valuesOf));
  }
}
