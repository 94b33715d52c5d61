import type { EntityManager } from 'typeorm';
import { localDateOf, type DeadlineDayHistory, type LocalDate } from '@kinerja/domain';

/**
 * Each office's report deadline day has a history (`satker_deadline_day_changes`): the day it was
 * created with, then every change, dated by the office's local date. A change applies only to the
 * months whose deadline it cannot have made pass (`deadlineDayForMonth`, @kinerja/domain), so every
 * reader of a deadline reads this history, not `satker.report_deadline_day` (the current day).
 */

/**
 * A select-list expression: the history of the office whose code is `<alias>.code`, oldest first,
 * as a JSON array (null when none was recorded: an office inserted outside SatkerService).
 */
export function deadlineDayHistorySql(alias: string): string {
  return `(SELECT json_agg(json_build_object('changedOn', c.changed_on, 'deadlineDay', c.deadline_day) ORDER BY c.seq)
             FROM satker_deadline_day_changes c WHERE c.satker_code = ${alias}.code)`;
}

/** The history read by `deadlineDayHistorySql`. */
export function toDeadlineDayHistory(raw: unknown): DeadlineDayHistory {
  const rows = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ changedOn: string; deadlineDay: number }> | null;
  return (rows ?? []).map((row) => ({ changedOn: parseDate(row.changedOn), deadlineDay: Number(row.deadlineDay) }));
}

function parseDate(text: string): LocalDate {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  return { year, month, day };
}

/**
 * Appends a deadline day to the office's history, in the caller's transaction (the one that writes
 * `satker`), dated by the local date of `at` in `timeZone` (the office's zone after the change).
 */
export async function recordDeadlineDay(
  manager: EntityManager,
  satker: string,
  change: { deadlineDay: number; at: Date; timeZone: string },
): Promise<void> {
  const on = localDateOf(change.at.toISOString(), change.timeZone);
  await manager.query(
    `INSERT INTO satker_deadline_day_changes (satker_code, seq, changed_on, deadline_day, recorded_at)
     SELECT $1, COALESCE(max(seq), 0) + 1, $2::date, $3, $4 FROM satker_deadline_day_changes WHERE satker_code = $1`,
    [satker, `${on.year}-${String(on.month).padStart(2, '0')}-${String(on.day).padStart(2, '0')}`, change.deadlineDay, change.at],
  );
}
