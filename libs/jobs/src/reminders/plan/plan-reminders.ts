import { deadlineDayForMonth } from '@kinerja/domain';
import {
  addMonths,
  CalendarDate,
  isoDate,
  isoMonth,
  isWorkingDay,
  localDate,
  localInstant,
  YearMonth,
} from './office-time';
import type { OfficeReminderSettings, PlannedReminder, ReminderPlanInput, ReportFact, ReportStatus } from './reminder-plan.types';

/** Every reminder goes out at this local hour. */
export const REMINDER_HOUR = 8;
/** An overdue report is escalated on the day after its deadline, or later (catch-up) until the end of the month after. */
const ESCALATION_WINDOW_MONTHS = 2;
const NOT_SUBMITTED: ReadonlySet<ReportStatus> = new Set(['NOT_STARTED', 'DRAFT']);

/**
 * The reminders an office is due at `now`, catch-up included: a run missed earlier is made good by
 * the next run as long as the reminder still makes sense (a pre-deadline reminder until the next
 * one or the deadline, an escalation for two months, a daily one on its own day). Which of them
 * were already sent is not known here: the caller records each by its key, at most once.
 */
export function planReminders(input: ReminderPlanInput): PlannedReminder[] {
  return [
    ...beforeDeadline(input),
    ...overdueEscalations(input),
    ...returnedReports(input),
    ...approvalDigest(input),
  ];
}

/** Day D of the month after `period`. */
export function deadlineOf(period: YearMonth, deadlineDay: number): CalendarDate {
  const next = addMonths(period, 1);
  return { ...next, day: deadlineDay };
}

/** The deadline day of `period` under the office's history: a change never moves a deadline already passed. */
export function deadlineDayOfPeriod(office: OfficeReminderSettings, period: YearMonth): number {
  return deadlineDayForMonth(office.deadlineDays ?? [], period.year, period.month, office.deadlineDay);
}

/** The deadline of the report of `period`, by that month's deadline day. */
export function periodDeadline(office: OfficeReminderSettings, period: YearMonth): CalendarDate {
  return deadlineOf(period, deadlineDayOfPeriod(office, period));
}

/** The local days of month M+1 on which a Kasubbag who has not submitted is reminded: the 1st and D−2. */
export function beforeDeadlineDays(deadlineDay: number): number[] {
  return [...new Set([1, deadlineDay - 2])].filter((d) => d >= 1 && d <= deadlineDay).sort((a, b) => a - b);
}

function reportsOf(reports: readonly ReportFact[], period: YearMonth): ReportFact[] {
  return reports
    .filter((r) => r.year === period.year && r.month === period.month)
    .sort((a, b) => a.subbagian.localeCompare(b.subbagian));
}

function beforeDeadline({ office, now, reports }: ReminderPlanInput): PlannedReminder[] {
  const today = localDate(now, office.timeZone);
  const period = addMonths(today, -1);
  const deadline = periodDeadline(office, period);
  const deadlinePassed = localInstant({ ...deadline, day: deadline.day + 1 }, 0, office.timeZone);
  if (now >= deadlinePassed) return [];
  const occasion = beforeDeadlineDays(deadline.day)
    .map((day) => ({ ...today, day }))
    .filter((date) => localInstant(date, REMINDER_HOUR, office.timeZone) <= now)
    .pop();
  if (!occasion) return [];
  const dueAt = localInstant(occasion, REMINDER_HOUR, office.timeZone);
  return reportsOf(reports, period)
    .filter((r) => NOT_SUBMITTED.has(r.status))
    .map((report) => ({
      key: `before-deadline:${office.satker}:${isoMonth(period)}:${report.subbagian}:${isoDate(occasion)}`,
      kind: 'BEFORE_DEADLINE' as const,
      satker: office.satker,
      audience: { role: 'KASUBBAG' as const, subbagian: report.subbagian },
      dueAt: dueAt.toISOString(),
      localDate: isoDate(occasion),
      period,
      deadline,
      reports: [report],
    }));
}

function overdueEscalations({ office, now, reports }: ReminderPlanInput): PlannedReminder[] {
  const today = localDate(now, office.timeZone);
  const planned: PlannedReminder[] = [];
  for (let back = ESCALATION_WINDOW_MONTHS; back >= 1; back--) {
    const period = addMonths(today, -back);
    const deadline = periodDeadline(office, period);
    const escalationDay = { ...deadline, day: deadline.day + 1 };
    const dueAt = localInstant(escalationDay, REMINDER_HOUR, office.timeZone);
    if (now < dueAt) continue;
    // A report returned before the deadline passed and not sent again is as late as one never sent;
    // one returned afterwards had been sent in time (its Kasubbag is chased by RETURNED_REPORT).
    const deadlinePassed = localInstant({ ...deadline, day: deadline.day + 1 }, 0, office.timeZone);
    const overdue = reportsOf(reports, period).filter(
      (r) => NOT_SUBMITTED.has(r.status) || (r.status === 'RETURNED' && r.returnedAt !== null && new Date(r.returnedAt) < deadlinePassed),
    );
    if (overdue.length === 0) continue;
    const date = localDate(dueAt, office.timeZone);
    planned.push({
      key: `overdue:${office.satker}:${isoMonth(period)}`,
      kind: 'OVERDUE_ESCALATION',
      satker: office.satker,
      audience: { role: 'SEKRETARIS' },
      dueAt: dueAt.toISOString(),
      localDate: isoDate(date),
      period,
      deadline,
      reports: overdue,
    });
  }
  return planned;
}

function returnedReports({ office, now, reports }: ReminderPlanInput): PlannedReminder[] {
  const today = localDate(now, office.timeZone);
  const dueAt = localInstant(today, REMINDER_HOUR, office.timeZone);
  if (now < dueAt) return [];
  return reports
    .filter((r) => r.status === 'RETURNED' && r.returnedAt !== null && new Date(r.returnedAt) < dueAt)
    .sort((a, b) => a.year - b.year || a.month - b.month || a.subbagian.localeCompare(b.subbagian))
    .map((report) => {
      const period = { year: report.year, month: report.month };
      return {
        key: `returned:${office.satker}:${isoMonth(period)}:${report.subbagian}:${isoDate(today)}`,
        kind: 'RETURNED_REPORT' as const,
        satker: office.satker,
        audience: { role: 'KASUBBAG' as const, subbagian: report.subbagian },
        dueAt: dueAt.toISOString(),
        localDate: isoDate(today),
        period,
        deadline: periodDeadline(office, period),
        reports: [report],
      };
    });
}

function approvalDigest({ office, now, reports }: ReminderPlanInput): PlannedReminder[] {
  const today = localDate(now, office.timeZone);
  const dueAt = localInstant(today, REMINDER_HOUR, office.timeZone);
  if (!isWorkingDay(today) || now < dueAt) return [];
  const waiting = reports
    .filter((r) => r.status === 'SUBMITTED' && r.submittedAt !== null && new Date(r.submittedAt) <= dueAt)
    .sort(
      (a, b) =>
        new Date(a.submittedAt!).getTime() - new Date(b.submittedAt!).getTime() ||
        a.year - b.year || a.month - b.month || a.subbagian.localeCompare(b.subbagian),
    );
  if (waiting.length === 0) return [];
  return [{
    key: `approval-digest:${office.satker}:${isoDate(today)}`,
    kind: 'APPROVAL_DIGEST',
    satker: office.satker,
    audience: { role: 'SEKRETARIS' },
    dueAt: dueAt.toISOString(),
    localDate: isoDate(today),
    period: null,
    deadline: null,
    reports: waiting,
  }];
}
