import { monthDeadline, type LocalDate } from '@kinerja/domain';
import type { StoredSubmissionStatus } from './submission-status.fold';

export type SubmissionStatus = 'NOT_STARTED' | 'NOT_REQUIRED' | StoredSubmissionStatus | 'OVERDUE';

/**
 * The deadline of month M: day D of month M+1 (office calendar), the whole day included. D is the
 * day of THAT month (`deadlineDayForMonth` of the office's history), not the office's current day.
 */
export const deadlineOf = monthDeadline;

function after(a: LocalDate, b: LocalDate): boolean {
  return a.year !== b.year ? a.year > b.year : a.month !== b.month ? a.month > b.month : a.day > b.day;
}

/**
 * A report is owed by a subbagian that is PIC of at least one indicator of the PK version its month
 * is reported under (`pkVersionForMonth`: the one in force when the month ended; the obligation
 * reminders and the LKj's "all approved" follow it too); without an approved PK nothing is owed yet. A report owed is overdue once its deadline day is over and it has never been submitted
 * for the first time or sits in draft/returned without ever having been approved. A correction of
 * an approved report is never overdue: the approved figures stand meanwhile. A report nobody owes
 * and nobody opened is NOT_REQUIRED; one opened anyway keeps its own status and is never overdue.
 */
export function statusShown(
  stored: { status: StoredSubmissionStatus; approvedOnce: boolean } | null,
  period: { year: number; month: number; deadlineDay: number; owed: boolean },
  today: LocalDate,
): SubmissionStatus {
  const late = period.owed && after(today, deadlineOf(period.year, period.month, period.deadlineDay));
  if (stored === null) return !period.owed ? 'NOT_REQUIRED' : late ? 'OVERDUE' : 'NOT_STARTED';
  if (late && !stored.approvedOnce && (stored.status === 'DRAFT' || stored.status === 'RETURNED')) return 'OVERDUE';
  return stored.status;
}
