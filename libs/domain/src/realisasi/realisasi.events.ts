import type { Event } from '../shared/decider';
import type { RealisasiKey, RealisasiLine, BudgetLine } from './realisasi.types';

/**
 * The whole content of the report as the Kasubbag left it (lines and budget replace the previous
 * ones): successive events are the value history. The first one of a stream opens the report.
 */
export type RealisasiDraftSaved = Event<'RealisasiDraftSaved', {
  key: RealisasiKey;
  revision: number;
  pkVersion: number;
  lines: RealisasiLine[];
  budget: BudgetLine[];
  savedBy: string;
  savedAt: string;
}>;

export type RealisasiSubmitted = Event<'RealisasiSubmitted', {
  revision: number;
  /** True when this follows a return. */
  resubmission: boolean;
  submittedBy: string;
  submittedAt: string;
}>;

export type RealisasiApproved = Event<'RealisasiApproved', {
  revision: number;
  approvedBy: string;
  approvedAt: string;
}>;

export type RealisasiReturned = Event<'RealisasiReturned', {
  revision: number;
  reason: string;
  returnedBy: string;
  returnedAt: string;
}>;

/** A correction after approval: a new revision is drafted; the approved figures count until it is approved. */
export type RealisasiRevisionOpened = Event<'RealisasiRevisionOpened', {
  revision: number;
  reason: string;
  openedBy: string;
  openedAt: string;
}>;

/**
 * An opened correction dropped before it was submitted (`revision`, never reused): the report is
 * approved again, at `approvedRevision`, with the approved content it carries (`pkVersion`, `lines`,
 * `budget`), so a reader of this event alone knows what the report holds again.
 */
export type RealisasiRevisionWithdrawn = Event<'RealisasiRevisionWithdrawn', {
  revision: number;
  approvedRevision: number;
  pkVersion: number;
  lines: RealisasiLine[];
  budget: BudgetLine[];
  /** The last submission of the approved revision, as the report reads again (null if none is recorded). */
  approvedSubmission: { by: string; at: string } | null;
  /** The last return before the approval (of any earlier revision), as the status matrix reads again; null if none. */
  approvedReturn: { by: string; reason: string; at: string } | null;
  /** Optional: null when the Kasubbag gave none. */
  reason: string | null;
  withdrawnBy: string;
  withdrawnAt: string;
}>;

export type RealisasiEvent =
  | RealisasiDraftSaved
  | RealisasiSubmitted
  | RealisasiApproved
  | RealisasiReturned
  | RealisasiRevisionOpened
  | RealisasiRevisionWithdrawn;
export type RealisasiEventType = RealisasiEvent['type'];
