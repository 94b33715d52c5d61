import { deadlineHasPassed, type LocalDate } from '@kinerja/domain';
import type { StoredSubmissionStatus } from './submission-status.fold';

export type SubmissionStatus = 'NOT_STARTED' | 'NOT_REQUIRED' | StoredSubmissionStatus | 'OVERDUE';

/**
 * A report is owed by a subbagian that is PIC of at least one indicator of the PK version its month
 * is reported under (`pkVersionForMonth`: the one in force when the month ended; the obligation
 * reminders and the LKj's "all approved" follow it too); without an approved PK nothing is owed yet. A report owed is overdue once its deadline day is over and it has never been submitted
 * for the first time or sits in draft/returned without ever having been approved. A correction of
 * an approved report is never overdue: the approved figures stand meanwhile. A report nobody owes
 * and nobody opened is NOT_REQUIRED; one opened anyway keeps its own status and is never overdue.
 * `deadline` is the month's effective deadline (`reportDeadline` of @kinerja/domain: its own, or the
 * catch-up deadline when the year's PK was first approved after it had passed; then any dispensasi,
 * `deadlineWithExtensions`).
 */
export function statusShown(
  stored: { status: StoredSubmissionStatus; approvedOnce: boolean } | null,
  period: { deadline: LocalDate; owed: boolean },
  today: LocalDate,
): SubmissionStatus {
  const late = period.owed && deadlineHasPassed(period.deadline, today);
  if (stored === null) return !period.owed ? 'NOT_REQUIRED' : late ? 'OVERDUE' : 'NOT_STARTED';
  if (late && !stored.approvedOnce && (stored.status === 'DRAFT' || stored.status === 'RETURNED')) return 'OVERDUE';
  return stored.status;
}
