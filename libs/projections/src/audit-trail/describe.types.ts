import type { RecordedEvent } from '@kinerja/event-store';
import type { AuditTrailState } from './audit-trail.state';
import type { AuditChange, AuditSubjectKind } from './audit-trail.types';

/** The part of a row that depends on what the event means (the envelope supplies the rest). */
export interface Description {
  subjectKind: AuditSubjectKind;
  summary: string;
  year?: number | null;
  month?: number | null;
  subbagian?: string | null;
  pkVersion?: number | null;
  reportRevision?: number | null;
  changes?: AuditChange[];
  reason?: string | null;
  /** Figures touched: month 0 for the year. */
  figures?: Array<{ indicatorCode: string; month: number; field: string; before: string | null; after: string | null }>;
}

/** Describes one family of events; null when the type is not of this family. */
export type Describer = (event: RecordedEvent, state: AuditTrailState) => Description | null;

/** "kosong" (not reported) rather than an empty cell: blank is never 0. */
export function shown(value: string | null | undefined): string {
  return value === null || value === undefined ? 'kosong' : value;
}
