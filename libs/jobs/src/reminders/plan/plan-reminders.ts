import { catchUpDeadline, extensionOf, reportDeadline } from '@kinerja/domain';
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
/**
 * An overdue report is escalated on the day after its deadline, or later (a missed run caught up)
 * until the end of the month after the deadline's month: the deadline falls in one of the last
 * ESCALATION_WINDOW_MONTHS months. Decided by the deadline, not the report month, so a month due by
 * a catch-up deadline (PK approved late) is escalated after THAT deadline, however old the month.
 */
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

/**
 * The deadline of the report of `period` (`reportDeadline`): by the day that month has under the
 * office's history (a change never moves a deadline already passed), or the catch-up deadline when
 * the PK of its year was first approved after that had passed (with, then, the day of that approval);
 * or the day of a dispensasi granted for it after that (`deadlineWithExtensions`).
 */
export function periodDeadline(
  { office, pkOpened }: Pick<ReminderPlanInput, 'office' | 'pkOpened'>, period: YearMonth,
): { deadline: CalendarDate; pkApprovedOn?: CalendarDate; dispensasi?: true } {
  const extension = extensionOf(office.extensions ?? [], period.year, period.month);
  if (extension) return { deadline: extension.until, dispensasi: true };
  const opened = pkOpened?.get(period.year) ?? null;
  const history = office.deadlineDays ?? [];
  const deadline = reportDeadline(history, period.year, period.month, opened, office.deadlineDay);
  const catchUp = catchUpDeadline(history, period.year, period.month, opened, office.deadlineDay) !== null;
  return catchUp && opened ? { deadline, pkApprovedOn: opened } : { deadline };
}

/** The local days of month M+1 on which a Kasubbag who has not submitted is reminded: the 1st and D−2. */
export function beforeDeadlineDays(deadlineDay: number): number[] {
  return [...new Set([1, deadlineDay - 2])].filter((d) => d >= 1 && d <= deadlineDay).sort((a, b) => a - b);
}

/** The report months of `reports`, oldest first. */
function periodsOf(reports: readonly ReportFact[]): YearMonth[] {
  const months = [...new Set(reports.map((r) => r.year * 12 + (r.month - 1)))].sort((a, b) => a - b);
  return months.map((index) => ({ year: Math.floor(index / 12), month: (index % 12) + 1 }));
}

const monthIndex = (d: YearMonth) => d.year * 12 + d.month;

function reportsOf(reports: readonly ReportFact[], period: YearMonth): ReportFact[] {
  return reports
    .filter((r) => r.year === period.year && r.month === period.month)
    .sort((a, b) => a.subbagian.localeCompare(b.subbagian));
}

/**
 * The months due by a deadline in the current month (last month's, and any due then by a catch-up
 * deadline), each reminded on the 1st and D−2 until the deadline passes.
 */
function beforeDeadline(input: ReminderPlanInput): PlannedReminder[] {
  const { office, now, reports } = input;
  const today = localDate(now, office.timeZone);
  return periodsOf(reports).flatMap((period) => {
    const { deadline, ...why } = periodDeadline(input, period);
    if (deadline.year !== today.year || deadline.month !== today.month) return [];
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
      .map((report): PlannedReminder => ({
        key: `before-deadline:${office.satker}:${isoMonth(period)}:${report.subbagian}:${isoDate(occasion)}`,
        kind: 'BEFORE_DEADLINE',
        satker: office.satker,
        audience: { role: 'KASUBBAG', subbagian: report.subbagian },
        dueAt: dueAt.toISOString(),
        localDate: isoDate(occasion),
        period,
        deadline,
        ...why,
        reports: [report],
      }));
  });
}

/** One escalation per office and report month, on the day after the month's deadline (its own or catch-up). */
function overdueEscalations(input: ReminderPlanInput): PlannedReminder[] {
  const { office, now, reports } = input;
  const today = localDate(now, office.timeZone);
  const planned: PlannedReminder[] = [];
  for (const period of periodsOf(reports)) {
    const { deadline, ...why } = periodDeadline(input, period);
    if (monthIndex(deadline) <= monthIndex(today) - ESCALATION_WINDOW_MONTHS) continue;
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
      // A month given a dispensasi was most likely escalated at its former deadline already: the
      // escalation after the dispensasi's day is another one, keyed by that day.
      key: `overdue:${office.satker}:${isoMonth(period)}${why.dispensasi ? `:${isoDate(deadline)}` : ''}`,
      kind: 'OVERDUE_ESCALATION',
      satker: office.satker,
      audience: { role: 'SEKRETARIS' },
      dueAt: dueAt.toISOString(),
      localDate: isoDate(date),
      period,
      deadline,
      ...why,
      reports: overdue,
    });
  }
  return planned;
}

function returnedReports(input: ReminderPlanInput): PlannedReminder[] {
  const { office, now, reports } = input;
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
        ...periodDeadline(input, period),
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
