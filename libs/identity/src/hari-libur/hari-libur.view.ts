import type { HariLibur } from '@kinerja/domain';

/** A user as a holiday list names them: their id and, while the account exists, their full name. */
export interface RecordedBy {
  userId: string;
  fullName: string | null;
}

export interface HariLiburEntryView extends HariLibur {
  /** Who put this date in the list with this name and kind, and when (a later list that keeps it unchanged keeps them). */
  recordedBy: RecordedBy;
  recordedAt: string;
}

/**
 * A year's national holidays and cuti bersama, sorted by date. `version` counts the lists the year was
 * given (0: never; it is also the ETag for If-Match); `changedBy`/`changedAt` say who gave the last one.
 */
export interface HariLiburYearView {
  year: number;
  version: number;
  holidays: HariLiburEntryView[];
  changedBy: RecordedBy | null;
  changedAt: string | null;
}

export interface HariLiburChangeView {
  version: number;
  holidays: HariLibur[];
  changedBy: RecordedBy;
  changedAt: string;
}

/** Every list the year was given, oldest first (empty while it was never set). */
export interface HariLiburHistoryView {
  year: number;
  versions: HariLiburChangeView[];
}
