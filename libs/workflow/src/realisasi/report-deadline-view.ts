import {
  deadlineOfReport, firstSubmissionOf, localDateText, reportDeadlineAndBasis, reportMovesOf, reportTimeliness,
  type DeadlineBasis, type LocalDate, type RealisasiState, type ReportTimeliness,
} from '@kinerja/domain';
import type { SatkerFacts } from '../shared/satker-directory';

/** A report's deadline and whether it came in on time, as its readers show them (detail and monthly list). */
export interface ReportDeadlineView extends ReportTimeliness {
  /** This report's deadline, YYYY-MM-DD in the office calendar (`deadlineOfReport`). */
  deadline: string;
  deadlineBasis: DeadlineBasis;
}

/**
 * The deadline of one report (as `deadlineOfReportIn`: own, catch-up, or a dispensasi granted while
 * it was still owed) and its timeliness (`reportTimeliness`: its first submission against its
 * deadline as it stood then), the month's deadline computed once for both. `owed`: the subbagian is
 * PIC of an indicator of the month's PK version.
 */
export function reportDeadlineView(
  facts: SatkerFacts, year: number, month: number, opened: LocalDate | null, state: RealisasiState, owed: boolean,
): ReportDeadlineView {
  const moves = reportMovesOf(state);
  const extensions = facts.extensions ?? [];
  const { deadline: own, catchUp } = reportDeadlineAndBasis(facts.deadlineDays, year, month, opened, facts.reportDeadlineDay);
  const { deadline, basis } = deadlineOfReport(own, catchUp, extensions, year, month, moves);
  const timeliness = reportTimeliness(own, catchUp, extensions, year, month, firstSubmissionOf(moves), owed, facts.timeZone);
  return { deadline: localDateText(deadline), deadlineBasis: basis, ...timeliness };
}
