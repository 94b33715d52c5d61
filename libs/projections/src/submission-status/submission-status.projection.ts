import type { EntityManager } from 'typeorm';
import type { GlobalEvent } from '@kinerja/event-store';
import type { RealisasiEvent } from '@kinerja/domain';
import { Projection, ProjectionContext, truncateTables } from '../runner/projection';
import { REPORT_KEY_COLUMNS, reportKeyOf, reportKeyText, ReportKey } from '../shared/report-key';
import { Column, selectByKeys, upsertRows } from '../shared/sql-rows';
import { evolveSubmissionStatus, SubmissionStatusRow } from './submission-status.fold';

export const SUBMISSION_STATUS_TABLE = 'rm_submission_status';

const COLUMNS: readonly Column[] = [
  ...REPORT_KEY_COLUMNS,
  { name: 'status', type: 'text' },
  { name: 'revision', type: 'integer' },
  { name: 'first_saved_at', type: 'timestamptz' },
  { name: 'first_submitted_at', type: 'timestamptz' },
  { name: 'submitted_at', type: 'timestamptz' },
  { name: 'submitted_by', type: 'text' },
  { name: 'approved_at', type: 'timestamptz' },
  { name: 'approved_by', type: 'text' },
  { name: 'returned_at', type: 'timestamptz' },
  { name: 'returned_by', type: 'text' },
  { name: 'return_reason', type: 'text' },
  { name: 'last_changed_at', type: 'timestamptz' },
];
const KEY = REPORT_KEY_COLUMNS.map((c) => c.name);
const TIMES = ['first_saved_at', 'first_submitted_at', 'submitted_at', 'approved_at', 'returned_at', 'last_changed_at'] as const;

/** Office × subbagian × month: the state of each monthly report (no row: not started). */
export class SubmissionStatusProjection implements Projection {
  readonly name = 'submission-status';
  /** 2: `first_submitted_at` (rows written by version 1 lack it, so they are rebuilt). */
  readonly version = 2;
  readonly tables = [SUBMISSION_STATUS_TABLE] as const;

  async apply(events: readonly GlobalEvent[], manager: EntityManager, context: ProjectionContext): Promise<void> {
    const table = context.table(SUBMISSION_STATUS_TABLE);
    const touched = new Map<string, { key: ReportKey; events: GlobalEvent[] }>();
    for (const event of events) {
      const key = reportKeyOf(event);
      if (!key) continue;
      const id = reportKeyText(key);
      const entry = touched.get(id) ?? touched.set(id, { key, events: [] }).get(id)!;
      entry.events.push(event);
    }
    if (touched.size === 0) return;
    // Only reports opened before this batch need their stored row.
    const known = [...touched.values()].filter((t) => t.events[0].streamVersion > 0).map((t) => t.key);
    const stored = known.length === 0 ? [] : await selectByKeys<SubmissionStatusRow>(manager, table, REPORT_KEY_COLUMNS, known);
    const rows = new Map(stored.map((r) => [reportKeyText({ ...r, month: Number(r.month) }), normalise(r)]));
    const out: SubmissionStatusRow[] = [];
    for (const [id, { key, events: own }] of touched) {
      let row = rows.get(id) ?? null;
      for (const event of own) row = evolveSubmissionStatus(row, key, event as unknown as RealisasiEvent);
      if (row) out.push(row);
    }
    await upsertRows(manager, table, COLUMNS, KEY, out);
  }

  reset(manager: EntityManager, context: ProjectionContext): Promise<void> {
    return truncateTables(this, manager, context);
  }
}

function normalise(row: SubmissionStatusRow): SubmissionStatusRow {
  const copy: Record<string, unknown> = { ...row, month: Number(row.month) };
  for (const t of TIMES) {
    const value = copy[t] as Date | string | null;
    copy[t] = value === null ? null : new Date(value).toISOString();
  }
  return copy as unknown as SubmissionStatusRow;
}
