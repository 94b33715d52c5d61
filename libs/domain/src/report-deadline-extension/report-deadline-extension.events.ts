import type { Event } from '../shared/decider';

/**
 * A dispensasi: the SEKRETARIS or ADMIN gave the office's report of one month a later deadline,
 * after its deadline had passed, for a stated reason. Dates are the office's local dates, YYYY-MM-DD.
 */
export type ReportDeadlineExtended = Event<'ReportDeadlineExtended', {
  satker: string;
  year: number;
  month: number;
  /** The new deadline, the whole day included. */
  until: string;
  /** The deadline it replaces (the month's own, its catch-up deadline, or an earlier dispensasi). */
  previousDeadline: string;
  reason: string;
  grantedBy: string;
  grantedByRole: 'SEKRETARIS' | 'ADMIN';
  grantedAt: string;
}>;

export type ReportDeadlineEvent = ReportDeadlineExtended;
export type ReportDeadlineEventType = ReportDeadlineEvent['type'];

/** One stream per office: `report-deadlines:<satker>`. */
export function reportDeadlinesStreamId(satker: string): string {
  return `report-deadlines:${satker}`;
}
