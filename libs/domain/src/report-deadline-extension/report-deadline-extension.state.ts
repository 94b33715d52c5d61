import type { LocalDate } from '../shared/local-date';
import type { ReportDeadlineEvent } from './report-deadline-extension.events';

/** A dispensasi as a month's readers need it: the reports of month (year, month) still owed are due by `until`. */
export interface DeadlineExtension {
  year: number;
  month: number;
  until: LocalDate;
}

/** A dispensasi with its grant, for the readers of one report (`deadlineOfReport`). */
export interface GrantedDeadlineExtension extends DeadlineExtension {
  /** ISO 8601 instant of the grant (`ReportDeadlineExtended.data.grantedAt`). */
  grantedAt: string;
}

export interface ReportDeadlineState {
  /** In the order granted. */
  extensions: GrantedDeadlineExtension[];
}

export function initialReportDeadlineState(): ReportDeadlineState {
  return { extensions: [] };
}

export function parseLocalDate(text: string): LocalDate {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  return { year, month, day };
}

export function localDateText(d: LocalDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function evolveReportDeadlines(state: ReportDeadlineState, event: ReportDeadlineEvent): ReportDeadlineState {
  switch (event.type) {
    case 'ReportDeadlineExtended': {
      const { year, month, until, grantedAt } = event.data;
      return { extensions: [...state.extensions, { year, month, until: parseLocalDate(until), grantedAt }] };
    }
    default: {
      const _exhaustive: never = event.type;
      return _exhaustive;
    }
  }
}

/**
 * The deadline month M is due by once dispensasi are counted: the last one granted for M (each is
 * granted only after the deadline before it had passed, for a later day), else `deadline` — the
 * month's `reportDeadline`: the deadline of the month's reports still owed (`deadlineOfReport` decides
 * one report, which may have been sent before a grant).
 */
export function deadlineWithExtensions(deadline: LocalDate, extensions: readonly DeadlineExtension[], year: number, month: number): LocalDate {
  return extensionOf(extensions, year, month)?.until ?? deadline;
}

/** The dispensasi of a month, if any: the last granted. */
export function extensionOf(extensions: readonly DeadlineExtension[], year: number, month: number): DeadlineExtension | null {
  const granted = extensions.filter((e) => e.year === year && e.month === month);
  return granted[granted.length - 1] ?? null;
}
