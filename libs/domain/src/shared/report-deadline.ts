import type { LocalDate } from './local-date';

/** One setting of an office's deadline day: from `changedOn` (office calendar) the day is `deadlineDay`. */
export interface DeadlineDayChange {
  changedOn: LocalDate;
  deadlineDay: number;
}

/**
 * Every deadline day an office has had, in the order set: the first is the day it was created with
 * (or the day it had when its history began) and holds for every month until a change moves it.
 */
export type DeadlineDayHistory = readonly DeadlineDayChange[];

/** The deadline of month M: day D of month M+1 (office calendar), the whole day included. */
export function monthDeadline(year: number, month: number, deadlineDay: number): LocalDate {
  return month === 12 ? { year: year + 1, month: 1, day: deadlineDay } : { year, month: month + 1, day: deadlineDay };
}

/** True from the day after `deadline`: a deadline of 10 December has passed from 11 December. */
export function deadlineHasPassed(deadline: LocalDate, on: LocalDate): boolean {
  return on.year !== deadline.year
    ? on.year > deadline.year
    : on.month !== deadline.month
      ? on.month > deadline.month
      : on.day > deadline.day;
}

/**
 * The deadline day of month M's report, from the office's history of deadline days: a change made
 * on local date t applies to month M only if M's deadline has not passed at t under the day M had
 * until then AND would not have passed under the new day. Otherwise M keeps the day it had. So an
 * extension of the report window still open works (5 → 15 on 3 December: November is due 15
 * December), a shortening never makes a report overdue after the fact (10 → 5 on 7 December leaves
 * November at 10 December; December is due 5 January), and a deadline already passed never moves.
 * Changes fold in their order. An empty history answers `fallback`.
 */
export function deadlineDayForMonth(history: DeadlineDayHistory, year: number, month: number, fallback?: number): number {
  if (history.length === 0) {
    if (fallback === undefined) throw new Error(`No deadline day is known for ${year}-${month}`);
    return fallback;
  }
  let day = history[0].deadlineDay;
  for (const change of history.slice(1)) {
    const stillOpen = !deadlineHasPassed(monthDeadline(year, month, day), change.changedOn);
    const openUnderNew = !deadlineHasPassed(monthDeadline(year, month, change.deadlineDay), change.changedOn);
    if (stillOpen && openUnderNew) day = change.deadlineDay;
  }
  return day;
}

/** The deadline of month M as it stands after every change of the office's deadline day. */
export function reportDeadlineOf(history: DeadlineDayHistory, year: number, month: number, fallback?: number): LocalDate {
  return monthDeadline(year, month, deadlineDayForMonth(history, year, month, fallback));
}

/**
 * The first report month a change of the deadline day applies to, given the history before it:
 * the month whose deadline falls in the month of the change when that deadline has passed under
 * neither its day nor the new one, else the month of the change itself (due next month). Every
 * later month takes it too: a later month's deadline is always later.
 */
export function firstMonthChangeApplies(before: DeadlineDayHistory, change: DeadlineDayChange): { year: number; month: number } {
  const { year, month } = change.changedOn;
  const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  const day = deadlineDayForMonth(before, previous.year, previous.month, change.deadlineDay);
  const applies = !deadlineHasPassed(monthDeadline(previous.year, previous.month, day), change.changedOn)
    && !deadlineHasPassed(monthDeadline(previous.year, previous.month, change.deadlineDay), change.changedOn);
  return applies ? previous : { year, month };
}

/**
 * The catch-up deadline of month M, or null when M keeps its own. `opened` is the local date on
 * which the office's PK of M's year was FIRST approved (a PK Perubahan does not move it): no report
 * is accepted before. Every report gets at least the office's usual window, the 1st to day D of the
 * month after its month. So M keeps its own deadline only if the PK was approved by the 1st of the
 * month after M, the first day M could be sent; otherwise M is due by the deadline of the first month
 * whose window the approval leaves whole: the month before `opened`'s when `opened` is a 1st, else
 * `opened`'s own. With day 10 and the PK of 2026 first approved on 20 November 2026, January to
 * October are due 10 December, as November is; approved on 1 November, January to September are
 * due 10 November, as October is; approved on 7 December, January to November are due 10 January
 * 2027, as December is (never an older month due after a newer one, never a deadline a few hours
 * after the approval).
 */
export function catchUpDeadline(
  history: DeadlineDayHistory, year: number, month: number, opened: LocalDate | null, fallback?: number,
): LocalDate | null {
  if (opened === null || !deadlineHasPassed(firstDaySendable(year, month), opened)) return null;
  const whole = opened.day === 1 ? previousMonth(opened) : opened;
  return reportDeadlineOf(history, whole.year, whole.month, fallback);
}

/** The 1st of the month after M: the first day M's report can be sent. */
function firstDaySendable(year: number, month: number): LocalDate {
  return month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
}

function previousMonth({ year, month }: LocalDate): { year: number; month: number } {
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

/**
 * The deadline month M's report is actually due by, the one every reader of a deadline uses (status,
 * overdue, reminders, what users are shown): the catch-up deadline when the year's PK was first
 * approved after M's own deadline (`catchUpDeadline`), else M's own (`reportDeadlineOf`). Without an
 * approved PK (`opened` null) nothing is owed, and the month's own deadline is the one shown.
 */
export function reportDeadline(
  history: DeadlineDayHistory, year: number, month: number, opened: LocalDate | null, fallback?: number,
): LocalDate {
  return reportDeadlineAndBasis(history, year, month, opened, fallback).deadline;
}

/**
 * `reportDeadline` and whether it is the catch-up one (`deadlineOfReport` needs both): the catch-up
 * deadline is computed once, not once to tell the basis and again for the deadline.
 */
export function reportDeadlineAndBasis(
  history: DeadlineDayHistory, year: number, month: number, opened: LocalDate | null, fallback?: number,
): { deadline: LocalDate; catchUp: boolean } {
  const catchUp = catchUpDeadline(history, year, month, opened, fallback);
  return catchUp ? { deadline: catchUp, catchUp: true } : { deadline: reportDeadlineOf(history, year, month, fallback), catchUp: false };
}
