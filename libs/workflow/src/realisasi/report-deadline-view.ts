import {
  approvedVersionsOf, deadlineOfReport, firstSubmissionOf, localDateOf, localDateText, pkOpenedOn, reportDeadlineAndBasis,
  reportMovesOf, reportTimeliness, subbagianOwingByMonth,
  type DeadlineBasis, type LocalDate, type PkState, type RealisasiKey, type RealisasiState, type ReportTimeliness,
} from '@kinerja/domain';
import type { SatkerFacts } from '../shared/satker-directory';
import type { RealisasiView } from './realisasi.view';

/** A report's deadline and whether it came in on time, as its readers show them (detail and monthly list). */
export interface ReportDeadlineView extends ReportTimeliness {
  /** This report's deadline, YYYY-MM-DD in the office calendar (`deadlineOfReport`). */
  deadline: string;
  deadlineBasis: DeadlineBasis;
}

/**
 * The report with its deadline and whether it came in on time: what `GET realisasi/{year}/{month}/{subbagian}`
 * and every command on the report answer (`reportDeadlineOf`).
 */
export type RealisasiDetailView = RealisasiView & ReportDeadlineView;

/** What a report's deadline is computed from: the office's clock (`SatkerDirectory.clockOf`) and its dispensasi. */
export type DeadlineFacts = Pick<SatkerFacts, 'timeZone' | 'reportDeadlineDay' | 'deadlineDays' | 'extensions'>;

/**
 * The deadline of one report (as `deadlineOfReportIn`: own, catch-up, or a dispensasi granted while
 * it was still owed) and its timeliness (`reportTimeliness`: its first submission against its
 * deadline as it stood then), the month's deadline computed once for both. `owed`: the subbagian is
 * PIC of an indicator of the month's PK version.
 */
export function reportDeadlineView(
  facts: DeadlineFacts, year: number, month: number, opened: LocalDate | null, state: RealisasiState, owed: boolean,
): ReportDeadlineView {
  const moves = reportMovesOf(state);
  const extensions = facts.extensions ?? [];
  const { deadline: own, catchUp } = reportDeadlineAndBasis(facts.deadlineDays, year, month, opened, facts.reportDeadlineDay);
  const { deadline, basis } = deadlineOfReport(own, catchUp, extensions, year, month, moves);
  const timeliness = reportTimeliness(own, catchUp, extensions, year, month, firstSubmissionOf(moves), owed, facts.timeZone);
  return { deadline: localDateText(deadline), deadlineBasis: basis, ...timeliness };
}

/**
 * The deadline fields of one report, from its office's facts and its year's PK (the PK's first
 * approval, and whether the month's PK version makes the subbagian PIC of an indicator): the one
 * computation of the report detail and of the answers of the report's commands.
 */
export function reportDeadlineOf(facts: DeadlineFacts, pk: PkState, key: RealisasiKey, state: RealisasiState): ReportDeadlineView {
  const versions = approvedVersionsOf(pk);
  const owed = subbagianOwingByMonth(versions, key.year, facts.timeZone)[key.month - 1].includes(key.subbagian);
  return reportDeadlineView(facts, key.year, key.month, pkOpenedOn(versions, facts.timeZone), state, owed);
}

/**
 * The office's deadline facts as they stood at `at` (an ISO instant): the dispensasi granted by then
 * and the deadline-day changes made by that day (the history's first entry always: the day the
 * office had). For the answer of a command replayed for its Idempotency-Key, which must read as the
 * first answer did, not with a dispensasi granted since. A change of the deadline day later on the
 * same office-calendar day is counted (the history keeps days, not instants).
 */
export function deadlineFactsAsOf(facts: DeadlineFacts, at: string): DeadlineFacts {
  const day = localDateText(localDateOf(at, facts.timeZone));
  const grantedBy = new Date(at).getTime();
  return {
    ...facts,
    deadlineDays: facts.deadlineDays.filter((change, i) => i === 0 || localDateText(change.changedOn) <= day),
    extensions: (facts.extensions ?? []).filter((e) => new Date(e.grantedAt).getTime() <= grantedBy),
  };
}
