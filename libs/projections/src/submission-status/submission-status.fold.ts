import type { RealisasiEvent } from '@kinerja/domain';
import type { ReportKey } from '../shared/report-key';

export type StoredSubmissionStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED';

/** One cell of the matrix as stored (timestamps as ISO text). */
export interface SubmissionStatusRow extends ReportKey {
  status: StoredSubmissionStatus;
  revision: number;
  first_saved_at: string;
  /** The first `RealisasiSubmitted` of the report: what its timeliness is judged by (`reportTimeliness`). */
  first_submitted_at: string | null;
  /** The latest submission. */
  submitted_at: string | null;
  submitted_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
  returned_at: string | null;
  returned_by: string | null;
  return_reason: string | null;
  last_changed_at: string;
}

/** The cell after one event of its report. Pure; `row` is null only before the report's first event. */
export function evolveSubmissionStatus(row: SubmissionStatusRow | null, key: ReportKey, event: RealisasiEvent): SubmissionStatusRow {
  if (row === null) {
    if (event.type !== 'RealisasiDraftSaved') throw new Error(`submission-status: ${event.type} before the report was opened`);
    const d = event.data;
    return {
      ...key, status: 'DRAFT', revision: d.revision, first_saved_at: d.savedAt, first_submitted_at: null, submitted_at: null, submitted_by: null,
      approved_at: null, approved_by: null, returned_at: null, returned_by: null, return_reason: null, last_changed_at: d.savedAt,
    };
  }
  switch (event.type) {
    case 'RealisasiDraftSaved':
      // A returned report being fixed stays RETURNED until it is submitted again.
      return { ...row, revision: event.data.revision, last_changed_at: event.data.savedAt };
    case 'RealisasiSubmitted': {
      const d = event.data;
      return {
        ...row, status: 'SUBMITTED', revision: d.revision, first_submitted_at: row.first_submitted_at ?? d.submittedAt,
        submitted_at: d.submittedAt, submitted_by: d.submittedBy, last_changed_at: d.submittedAt,
      };
    }
    case 'RealisasiApproved': {
      const d = event.data;
      return { ...row, status: 'APPROVED', revision: d.revision, approved_at: d.approvedAt, approved_by: d.approvedBy, last_changed_at: d.approvedAt };
    }
    case 'RealisasiReturned': {
      const d = event.data;
      return {
        ...row, status: 'RETURNED', revision: d.revision, returned_at: d.returnedAt, returned_by: d.returnedBy,
        return_reason: d.reason, last_changed_at: d.returnedAt,
      };
    }
    case 'RealisasiRevisionOpened': {
      const d = event.data;
      return { ...row, status: 'DRAFT', revision: d.revision, last_changed_at: d.openedAt };
    }
    case 'RealisasiRevisionWithdrawn': {
      // Approved again, as the cell read before the correction was opened (its approval stays).
      const d = event.data;
      return {
        ...row, status: 'APPROVED', revision: d.approvedRevision,
        submitted_at: d.approvedSubmission?.at ?? row.submitted_at, submitted_by: d.approvedSubmission?.by ?? row.submitted_by,
        returned_at: d.approvedReturn?.at ?? null, returned_by: d.approvedReturn?.by ?? null, return_reason: d.approvedReturn?.reason ?? null,
        last_changed_at: d.withdrawnAt,
      };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
