import { Dec, toTwoPlaces } from '../shared/decimal';
import { localDateOf, type LocalDate } from '../shared/local-date';
import type { GrantedDeadlineExtension } from './report-deadline-extension.state';
import { deadlineOfReport, type ReportMove } from './deadline-of-report';

/** Whether one monthly report came in on time (ketepatan waktu pelaporan). */
export interface ReportTimeliness {
  /** ISO 8601 instant of the report's first `RealisasiSubmitted`; null while it was never submitted. */
  firstSubmittedAt: string | null;
  /** The first submission fell on or before the deadline day (office calendar); null while never submitted, or not owed. */
  submittedOnTime: boolean | null;
  /** Whole office-calendar days from the deadline day to the day of the first submission, 0 when on time; null as `submittedOnTime`. */
  daysLate: number | null;
}

/** The instant of the first submission among a report's moves (oldest first), or null when it was never submitted. */
export function firstSubmissionOf(moves: readonly Pick<ReportMove, 'type' | 'at'>[]): string | null {
  return moves.find((m) => m.type === 'RealisasiSubmitted')?.at ?? null;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}

/**
 * Whole office-calendar days from the local date of instant `fromIso` to that of `toIso` in `timeZone`
 * (0 on the same day, never negative): how long a report has waited, counted as `daysLate` is, so that
 * a report sent on Tuesday at 08:35 has waited 1 day on Wednesday at 08:00.
 */
export function officeDaysBetween(fromIso: string, toIso: string, timeZone: string): number {
  return Math.max(0, daysFrom(localDateOf(fromIso, timeZone), localDateOf(toIso, timeZone)));
}

/**
 * Whether a report came in on time, judged by its FIRST submission only: a resubmission after a
 * return, or a revision after approval, never makes a report late (as `statusShown` never calls a
 * revision overdue). The deadline it is judged against is the report's deadline as it stood when it
 * was first submitted (`deadlineOfReport` given that submission as its only move): the month's own or
 * catch-up deadline (`deadline`, `catchUp` from `reportDeadlineAndBasis`), or a dispensasi granted while
 * the report was still owed, i.e. before that submission. A dispensasi granted later (say while a
 * late report sat returned) moves its deadline for being overdue again, never its first submission
 * onto time. Sent on the deadline day, up to 23:59 office time, is on time; from the next day it is
 * `daysLate` days late. A report nobody owes (`owed` false: the subbagian holds no indicator of the
 * month's PK version, or no PK is approved) is neither on time nor late.
 */
export function reportTimeliness(
  deadline: LocalDate, catchUp: boolean, extensions: readonly GrantedDeadlineExtension[], year: number, month: number,
  firstSubmittedAt: string | null, owed: boolean, timeZone: string,
): ReportTimeliness {
  if (firstSubmittedAt === null || !owed) return { firstSubmittedAt, submittedOnTime: null, daysLate: null };
  const { deadline: due } = deadlineOfReport(deadline, catchUp, extensions, year, month, [{ type: 'RealisasiSubmitted', at: firstSubmittedAt }]);
  const daysLate = Math.max(0, daysFrom(due, localDateOf(firstSubmittedAt, timeZone)));
  return { firstSubmittedAt, submittedOnTime: daysLate === 0, daysLate };
}

/** An office's year in ketepatan waktu pelaporan: the owed reports that are due or sent, by how they came in. */
export interface TimelinessSummary {
  /** First submitted on or before their deadline day. */
  onTime: number;
  /** First submitted after their deadline day. */
  late: number;
  /** Owed, deadline passed, never submitted (already late, not yet counted in `late`). */
  notYetSubmitted: number;
  /** onTime / (onTime + late + notYetSubmitted) × 100, two places (ROUND_HALF_UP); null when none is due yet. */
  onTimePercent: string | null;
}

/**
 * The timeliness summary of an office's reports: each owed report whose deadline has passed or that
 * was submitted counts once, by its first submission (`reportTimeliness`); one owed but neither sent
 * nor due yet is not counted (it can still come in on time), nor is one nobody owes.
 */
export function summariseTimeliness(
  reports: Iterable<{ owed: boolean; submittedOnTime: boolean | null; deadlinePassed: boolean }>,
): TimelinessSummary {
  let onTime = 0;
  let late = 0;
  let notYetSubmitted = 0;
  for (const r of reports) {
    if (!r.owed) continue;
    if (r.submittedOnTime === true) onTime += 1;
    else if (r.submittedOnTime === false) late += 1;
    else if (r.deadlinePassed) notYetSubmitted += 1;
  }
  return timelinessOfCounts(onTime, late, notYetSubmitted);
}

/** A summary from its counts (those of `summariseTimeliness`, or their sums over offices: a percentage of the sums, never an average of percentages). */
export function timelinessOfCounts(onTime: number, late: number, notYetSubmitted: number): TimelinessSummary {
  const counted = onTime + late + notYetSubmitted;
  return { onTime, late, notYetSubmitted, onTimePercent: counted === 0 ? null : onTimePercentOf(onTime, counted) };
}

/** `part` of `whole` in percent, two places, decimal arithmetic. */
export function onTimePercentOf(part: number, whole: number): string {
  return toTwoPlaces(new Dec(part).times(100).dividedBy(whole));
}
