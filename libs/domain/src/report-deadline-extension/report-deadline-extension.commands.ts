import type { Command } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';

export type ExtendReportDeadline = Command<'ExtendReportDeadline', {
  satker: string;
  year: number;
  month: number;
  until: LocalDate;
  reason: string;
  /** The office's time zone: "today" and "passed" are its local dates. */
  timeZone: string;
  /**
   * The month's deadline before any dispensasi (`reportDeadline`: its own or catch-up), null when no
   * PK of the year is approved (nothing is owed, so nothing is late).
   */
  deadline: LocalDate | null;
  /**
   * The subbagian whose report of the month is still owed now (they owe it under the month's PK
   * version, and it is not started, in draft, or returned without ever having been approved), as read
   * by the handler. Empty: every report of the month is in, and a dispensasi would excuse nobody.
   */
  owedBy: readonly string[];
}>;

export type ReportDeadlineCommand = ExtendReportDeadline;
