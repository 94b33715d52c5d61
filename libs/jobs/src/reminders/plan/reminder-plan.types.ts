import type { DeadlineDayHistory, GrantedDeadlineExtension, ReportMove } from '@kinerja/domain';
import type { CalendarDate, OfficeTimeZone, YearMonth } from './office-time';

/** Where a monthly report stands, as far as reminders care. */
export type ReportStatus =
  | 'NOT_STARTED'
  | 'DRAFT'
  | 'SUBMITTED'
  | 'RETURNED'
  | 'APPROVED'
  /** Approved once, a correction being drafted: the approved figures count, nobody is chased. */
  | 'REVISING';

export interface IndicatorRef {
  code: string;
  name: string;
}

/** One expected monthly report of an office: a subbagian that is PIC of indicators of a PK in force. */
export interface ReportFact {
  year: number;
  month: number;
  subbagian: string;
  subbagianName: string;
  status: ReportStatus;
  /** The subbagian's indicators whose figure is still blank (every one when not started). */
  blankIndicators: IndicatorRef[];
  /** The last submission, ISO instant. */
  submittedAt: string | null;
  /** Who made the last submission (user id); absent or null when never submitted. */
  submittedBy?: string | null;
  returnedAt: string | null;
  returnReason: string | null;
  /**
   * The report's history (its event types and instants, oldest first; none when never opened): what
   * decides whether a dispensasi reaches it (`deadlineOfReport`: only a report still owed at the grant).
   */
  moves: ReportMove[];
}

/** A dispensasi as the office's reminders need it: when, until when and why, and who granted it. */
export interface PlannedExtension extends GrantedDeadlineExtension {
  /** The deadline it replaced. */
  previousDeadline: CalendarDate;
  reason: string;
  grantedByRole: 'SEKRETARIS' | 'ADMIN';
  /** The user who granted it: their full name (their id when the account is not found). */
  grantedByName: string;
}

export interface OfficeReminderSettings {
  satker: string;
  name: string;
  timeZone: OfficeTimeZone;
  /** The office's current deadline day: day D of month M+1 by which the report of month M is due. */
  deadlineDay: number;
  /**
   * Every deadline day the office has had, in order. Month M is due by the day it has under this
   * history (`deadlineDayForMonth`: a change never moves a deadline already passed); without it,
   * every month by `deadlineDay`.
   */
  deadlineDays?: DeadlineDayHistory;
  /**
   * The office's dispensasi, in the order granted: a report of a month given one while it was still
   * owed is due by its day (`deadlineOfReport`), and its grant is announced (`DEADLINE_EXTENDED`).
   */
  extensions?: readonly PlannedExtension[];
  /**
   * What the texts call the office's head, the KETUA account (`officeHead`: "Ketua" for a KPU office,
   * the head's own title for another kind of office). Absent: "Ketua". Read with the office; the
   * planner does not look at it.
   */
  head?: string;
}

export interface ReminderPlanInput {
  office: OfficeReminderSettings;
  now: Date;
  reports: readonly ReportFact[];
  /**
   * Year → the local date on which the office's PK of that year was first approved (`pkOpenedOn`).
   * A month whose deadline had passed on that day is due by the catch-up deadline (`reportDeadline`);
   * a year absent here has every month due by its own deadline.
   */
  pkOpened?: ReadonlyMap<number, CalendarDate>;
  /**
   * The national holidays and cuti bersama (ISO dates) among the days planned: no approval digest on
   * them (`isWorkingDay`). Deadlines are a day of the month and do not move for them. Absent: none.
   */
  holidays?: ReadonlySet<string>;
}

/** The reminders planned from the deadlines and the approval queue (plan-reminders.ts). */
export const REMINDER_KINDS = ['BEFORE_DEADLINE', 'OVERDUE_ESCALATION', 'APPROVAL_DIGEST', 'RETURNED_REPORT', 'DEADLINE_EXTENDED'] as const;

export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type ReminderAudience = { role: 'KASUBBAG'; subbagian: string } | { role: 'SEKRETARIS' };

/** A reminder due now. Its key is the same whoever computes it and whenever: the database keeps it unique. */
export interface PlannedReminder {
  key: string;
  kind: ReminderKind;
  satker: string;
  audience: ReminderAudience;
  /** The moment it became due (08:00 local of its day), ISO. */
  dueAt: string;
  /** Its local date, YYYY-MM-DD. */
  localDate: string;
  /**
   * The reporting month it is about: the last of `periods` (a reminder or escalation of a catch-up
   * deadline lists several); null for the digest, which spans months.
   */
  period: YearMonth | null;
  /**
   * Every reporting month it lists, oldest first: one, or the months of a catch-up deadline still
   * owed (January–November when the PK was approved in November); for the digest, the months of the
   * reports waiting.
   */
  periods: YearMonth[];
  /** The submission deadline of `periods`, the same for each (`reportDeadline`: its own, the catch-up deadline, or a dispensasi's). */
  deadline: CalendarDate | null;
  /**
   * When `deadline` is a catch-up deadline of (some of) `periods`: the day the PK of their year (the
   * year of `periods[0]`) was first approved (the message says why the months are due so late).
   * Absent otherwise.
   */
  pkApprovedOn?: CalendarDate;
  /** True when `deadline` is the day of a dispensasi granted after the month's deadline had passed. */
  dispensasi?: true;
  /** Only on `DEADLINE_EXTENDED`: the first dispensasi announced (`extensions[0]`). */
  extension?: PlannedExtension;
  /**
   * Only on `DEADLINE_EXTENDED`: every dispensasi it announces, one per month of `periods` (the grants
   * of one day, oldest month first). `deadline` is their new day when they share it, else null.
   */
  extensions?: PlannedExtension[];
  /** The reports concerned, in the order the message lists them. */
  reports: ReportFact[];
  /**
   * Other keys under which (some of) its months may already have been reminded for the same occasion:
   * on a reminder keyed by a range of months, the key each month had when the planner made one
   * reminder per month; on a grouped returned-report reminder, each report's per-report key (and on a
   * single one, the grouped key). The runner leaves out the months already reminded under one, so an
   * upgrade never sends them a second time (`leaveOutMonthsSent`).
   */
  supersedes?: Array<{ period: YearMonth; key: string }>;
  /**
   * Keys recorded with it, all or none in one transaction, `key` being the first: on a dispensasi
   * notice, the key of each grant it announces to its audience (one per month of `periods`), so a
   * grant is announced once whichever notice of its day lists it. The runner leaves out the grants
   * whose key is already recorded (`leaveOutAnnounced`).
   */
  claims?: Array<{ period: YearMonth; key: string }>;
  /**
   * Only on one recipient's copy of `APPROVAL_DIGEST` (`approvalDigestCopies`): `OTHERS` a Sekretaris's,
   * without the reports they submitted themselves (`ownLeftOut` of them, counted apart in the text);
   * `NO_OTHER_SEKRETARIS` the Ketua's, listing the reports that no active Sekretaris may approve because
   * each was submitted by the only one (maker-checker).
   */
  digestCopy?: { of: 'OTHERS'; ownLeftOut: number } | { of: 'NO_OTHER_SEKRETARIS'; sekretarisNames?: string[] };
}
