import type { LocalDate } from '../shared/local-date';
import type { RealisasiState } from '../realisasi/realisasi.state';
import type { GrantedDeadlineExtension } from './report-deadline-extension.state';

/** How a report's deadline came about: the month's own, the catch-up one (PK approved late), or a dispensasi. */
export type DeadlineBasis = 'OWN' | 'CATCH_UP' | 'DISPENSASI';

/** One step of a report's life as the dispensasi rule needs it: its event type and instant (ISO 8601). */
export interface ReportMove {
  type: 'RealisasiDraftSaved' | 'RealisasiSubmitted' | 'RealisasiApproved' | 'RealisasiReturned' | 'RealisasiRevisionOpened' | 'RealisasiRevisionWithdrawn';
  at: string;
}

const instant = (iso: string) => new Date(iso).getTime();

/**
 * Whether a report was still owed at `at`: not started, in draft, or returned, without ever having
 * been approved by then (the notion `statusShown` uses for OVERDUE). Sent and waiting, or approved
 * once, it was not: nothing after that changes whether it came in on time.
 */
export function reportOwedAt(moves: readonly ReportMove[], at: string): boolean {
  const limit = instant(at);
  let owed = true;
  for (const move of moves) {
    if (instant(move.at) > limit) break;
    if (move.type === 'RealisasiApproved') return false;
    if (move.type === 'RealisasiSubmitted') owed = false;
    if (move.type === 'RealisasiReturned') owed = true;
  }
  return owed;
}

/**
 * The deadline of one report of month (year, month), and how it came about. `deadline` is the
 * month's `reportDeadline` (own or catch-up, `catchUp` saying which). A dispensasi reaches only the
 * reports still owed when it was granted (`reportOwedAt`, `moves` oldest first): a report sent
 * before it keeps the deadline it had, so a late report never reads as on time afterwards — as a
 * change of the deadline day never rewrites who was late. Grants come in order, each after the
 * deadline before it had passed and for a later day, so the last one that reaches the report wins.
 */
export function deadlineOfReport(
  deadline: LocalDate, catchUp: boolean, extensions: readonly GrantedDeadlineExtension[], year: number, month: number,
  moves: readonly ReportMove[],
): { deadline: LocalDate; basis: DeadlineBasis } {
  let found: GrantedDeadlineExtension | null = null;
  for (const e of extensions) {
    if (e.year === year && e.month === month && reportOwedAt(moves, e.grantedAt)) found = e;
  }
  if (found) return { deadline: found.until, basis: 'DISPENSASI' };
  return { deadline, basis: catchUp ? 'CATCH_UP' : 'OWN' };
}

/** A report's moves from its state (`history`, oldest first); none when it was never opened. */
export function reportMovesOf(state: RealisasiState): ReportMove[] {
  return state.status === 'EMPTY' ? [] : state.history.map(({ type, at }) => ({ type, at }));
}
