import { catchUpDeadline, deadlineOfReport, reportDeadline, reportDeadlineAndBasis, reportOwedAt } from '@kinerja/domain';
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
import type { OfficeReminderSettings, PlannedExtension, PlannedReminder, ReminderPlanInput, ReportFact, ReportStatus } from './reminder-plan.types';

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
const NO_HOLIDAYS: ReadonlySet<string> = new Set();

/**
 * The reminders an office is due at `now`, catch-up included: a run missed earlier is made good by
 * the next run as long as the reminder still makes sense (a pre-deadline reminder until the next
 * one or the deadline, an escalation for two months, a daily one on its own day). Which of them
 * were already sent is not known here: the caller records each by its key, at most once.
 *
 * Months due by the same deadline are reminded together (`DeadlineGroup`): an office whose PK was
 * approved in November gets one escalation listing January–November, not eleven. Keys — the same
 * whoever computes them and whenever, and never changed for a reminder recorded before:
 * - `before-deadline:<satker>:<months>:<subbagian>:<YYYY-MM-DD occasion>`
 * - `overdue:<satker>:<months>`, after a dispensasi `overdue:<satker>:<YYYY-MM>:<YYYY-MM-DD deadline>`
 * - `returned:<satker>:<YYYY-MM>:<subbagian>:<YYYY-MM-DD>` (one report returned), `returned:<satker>:<subbagian>:<YYYY-MM-DD>`
 *   (several, one reminder per subbagian and day), `approval-digest:<satker>:<YYYY-MM-DD>`
 * - `dispensasi:<satker>:<YYYY-MM>:<YYYY-MM-DD until>:<kasubbag-<subbagian> | sekretaris>` (a dispensasi announced: a
 *   notice listing the grants of one day claims each one's key, `dispensasiAnnouncements`)
 * where `<months>` is `YYYY-MM` for a month due by its own deadline (the key as it always was) and
 * `YYYY-MM..YYYY-MM` for a catch-up deadline: the year's first catch-up month to the month of the
 * PK's first approval (`groupMonths`), fixed by the rule, so it stays the same when reports are
 * submitted or a dispensasi takes a month out of the group (that month then has reminders of its own,
 * by its own deadline, under its own month: another reminder by design).
 */
export function planReminders(input: ReminderPlanInput): PlannedReminder[] {
  const groups = deadlineGroups(input);
  return [
    ...beforeDeadline(input, groups),
    ...overdueEscalations(input, groups),
    ...returnedReports(input),
    ...approvalDigest(input),
    ...dispensasiAnnouncements(input),
  ];
}

/**
 * The deadline of one report (`deadlineOfReport`, the rule every reader uses): by the day its month
 * has under the office's history (a change never moves a deadline already passed), or the catch-up
 * deadline when the PK of its year was first approved after that had passed (with, then, the day of
 * that approval); or the day of a dispensasi of its month granted while the report was still owed
 * (`moves`): one sent and waiting at the grant, returned afterwards, keeps the deadline it had.
 */
export function deadlineOfReportFact(
  { office, pkOpened }: Pick<ReminderPlanInput, 'office' | 'pkOpened'>, report: ReportFact,
): { deadline: CalendarDate; pkApprovedOn?: CalendarDate; dispensasi?: true } {
  const opened = pkOpened?.get(report.year) ?? null;
  const history = office.deadlineDays ?? [];
  const own = reportDeadlineAndBasis(history, report.year, report.month, opened, office.deadlineDay);
  const { deadline, basis } = deadlineOfReport(own.deadline, own.catchUp, office.extensions ?? [], report.year, report.month, report.moves);
  if (basis === 'DISPENSASI') return { deadline, dispensasi: true };
  return basis === 'CATCH_UP' && opened ? { deadline, pkApprovedOn: opened } : { deadline };
}

/**
 * The years whose PK streams a run reads (cheap: a handful of events each): this year, the two before
 * it (a PK approved late in the following year, in December at the latest, makes its months due in
 * January of the year after: `catchUpDeadline`) and the year of any dispensasi still to be announced
 * or escalated. Older PKs are not read (a PK approved more than a year after its year: README).
 */
export function pkYearsToRead(office: OfficeReminderSettings, today: CalendarDate): number[] {
  const years = new Set([today.year - 2, today.year - 1, today.year]);
  for (const e of office.extensions ?? []) if (monthIndex(e.until) > monthIndex(today) - ESCALATION_WINDOW_MONTHS) years.add(e.year);
  return [...years].sort((a, b) => a - b);
}

/**
 * The years whose monthly reports a run reads: this year and last (a returned report or one waiting
 * for approval is chased whatever its deadline), and an older year only when one of its months can
 * be due in the planner's window — its latest deadline (December's, own or catch-up, or a dispensasi's)
 * has an escalation still to make (`ESCALATION_WINDOW_MONTHS`). So a PK of 2025 approved on 7 December
 * 2026 has 2025 read until its escalation of 6 January 2027 is past the window, and no longer.
 */
export function reportYearsToRead(
  office: OfficeReminderSettings, today: CalendarDate, pkOpened: ReadonlyMap<number, CalendarDate>,
): number[] {
  const years = new Set([today.year - 1, today.year]);
  const history = office.deadlineDays ?? [];
  for (const [year, opened] of pkOpened) {
    if (years.has(year) || year > today.year) continue;
    const latest = [
      reportDeadline(history, year, 12, opened, office.deadlineDay),
      ...(office.extensions ?? []).filter((e) => e.year === year).map((e) => e.until),
    ];
    if (latest.some((d) => monthIndex(d) > monthIndex(today) - ESCALATION_WINDOW_MONTHS)) years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}

/** The local days of month M+1 on which a Kasubbag who has not submitted is reminded: the 1st and D−2. */
export function beforeDeadlineDays(deadlineDay: number): number[] {
  return [...new Set([1, deadlineDay - 2])].filter((d) => d >= 1 && d <= deadlineDay).sort((a, b) => a - b);
}

/** The report months of `reports`, oldest first. */
export function periodsOf(reports: readonly ReportFact[]): YearMonth[] {
  const months = [...new Set(reports.map((r) => r.year * 12 + (r.month - 1)))].sort((a, b) => a - b);
  return months.map((index) => ({ year: Math.floor(index / 12), month: (index % 12) + 1 }));
}

const monthIndex = (d: YearMonth) => d.year * 12 + d.month;

/**
 * The months owed that share one effective deadline and are reminded and escalated together: the
 * months of a catch-up deadline with the month whose own deadline it is (PK approved 20 November,
 * day 10: January–November, due 10 December), or a single month. A month given a dispensasi is a
 * group of its own, by its own later deadline.
 */
interface DeadlineGroup {
  /** The months part of the keys: `YYYY-MM`, or `YYYY-MM..YYYY-MM` for a catch-up deadline (`groupMonths`). */
  months: string;
  deadline: CalendarDate;
  dispensasi?: true;
  /** The months of the group the office owes reports for, oldest first. */
  periods: YearMonth[];
  /** The reports due by this deadline (`deadlineOfReportFact`): a month's reports not reached by its dispensasi keep their own. */
  reports: ReportFact[];
  /** Month index → the day the PK of its year was first approved, for the months due by the catch-up deadline. */
  catchUp: Map<number, CalendarDate>;
}

function deadlineGroups(input: ReminderPlanInput): DeadlineGroup[] {
  const groups = new Map<string, DeadlineGroup>();
  const ordered = [...input.reports].sort((a, b) => monthIndex(a) - monthIndex(b) || a.subbagian.localeCompare(b.subbagian));
  for (const report of ordered) {
    const { deadline, pkApprovedOn, dispensasi } = deadlineOfReportFact(input, report);
    const id = dispensasi ? `${isoMonth(report)}:${isoDate(deadline)}` : isoDate(deadline);
    let group = groups.get(id);
    if (!group) {
      group = { months: '', deadline, ...(dispensasi ? { dispensasi } : {}), periods: [], reports: [], catchUp: new Map() };
      groups.set(id, group);
    }
    group.reports.push(report);
    if (pkApprovedOn) group.catchUp.set(monthIndex(report), pkApprovedOn);
  }
  const ranges = catchUpRanges(input);
  for (const group of groups.values()) {
    group.periods = periodsOf(group.reports);
    group.months = groupMonths(ranges, group);
  }
  return [...groups.values()];
}

/**
 * The months a group's keys name. They must not change while its reminders can still be planned,
 * whatever happens meanwhile (reports submitted, a dispensasi taking a month out), or the same
 * reminder would be recorded under a second key and sent twice; so they come from the deadline rule,
 * not from the months still owed. A catch-up deadline names the range of its year's catch-up months
 * and the month whose own deadline it is, the first approval's or, approved on a 1st, the one before
 * (`2026-01..2026-11` for 20 November, `2026-01..2026-10` for 1 November), fixed by that
 * approval (the first one never changes, and a deadline already passed never moves). Any other
 * deadline is one month's (`2026-11`: the key as it always was); a dispensasi month keeps its month.
 */
function groupMonths(catchUpRanges: ReadonlyMap<string, string>, group: DeadlineGroup): string {
  const single = group.periods.length === 1 ? isoMonth(group.periods[0]) : null;
  if (group.dispensasi) return single!;
  const range = catchUpRanges.get(isoDate(group.deadline));
  if (range !== undefined) return range;
  // Two months share a deadline only through a catch-up deadline; named by their range all the same.
  return single ?? `${isoMonth(group.periods[0])}..${isoMonth(group.periods[group.periods.length - 1])}`;
}

/**
 * The office's catch-up deadlines (ISO date) → the range of months that names them (`groupMonths`),
 * one per year with an approved PK and catch-up months, worked out once per plan rather than per group.
 * When two years' catch-up deadlines fall on the same day, the first year in `pkOpened` names it.
 */
function catchUpRanges({ office, pkOpened }: ReminderPlanInput): Map<string, string> {
  const ranges = new Map<string, string>();
  const history = office.deadlineDays ?? [];
  for (const [year, opened] of pkOpened ?? []) {
    const first = Array.from({ length: 12 }, (_, i) => i + 1).find(
      (month) => catchUpDeadline(history, year, month, opened, office.deadlineDay) !== null,
    );
    if (first === undefined) continue;
    const due = catchUpDeadline(history, year, first, opened, office.deadlineDay)!;
    // To the month whose own deadline it is: the approval's, or the one before when approved on a 1st.
    if (!ranges.has(isoDate(due))) ranges.set(isoDate(due), `${isoMonth({ year, month: first })}..${isoMonth(addMonths(due, -1))}`);
  }
  return ranges;
}

/** What a reminder of `group` listing `reports` says about its months and deadline. */
function aboutMonths(group: DeadlineGroup, reports: readonly ReportFact[]) {
  const periods = periodsOf(reports);
  const pkApprovedOn = periods.map((p) => group.catchUp.get(monthIndex(p))).find((d) => d !== undefined);
  return {
    period: periods[periods.length - 1],
    periods,
    deadline: group.deadline,
    ...(pkApprovedOn ? { pkApprovedOn } : {}),
    ...(group.dispensasi ? { dispensasi: group.dispensasi } : {}),
  };
}

/**
 * For a reminder keyed by a range: the key each of its months had when the planner made one reminder
 * per month (773bc38, before months were grouped), for the same occasion. A run after an upgrade
 * leaves out the months already reminded under it (`leaveOutMonthsSent`).
 */
function supersedes(group: DeadlineGroup, reports: readonly ReportFact[], keyOf: (month: string) => string) {
  if (!group.months.includes('..')) return {};
  return { supersedes: periodsOf(reports).map((period) => ({ period, key: keyOf(isoMonth(period)) })) };
}

/**
 * `reminder` without the months already reminded under their per-month key (`supersedes`, recorded
 * by the planner before months were grouped: an upgrade on the day of a catch-up reminder or
 * escalation), or null when every one was. `taken` holds the keys already recorded. Its own key stays.
 */
export function leaveOutMonthsSent(reminder: PlannedReminder, taken: ReadonlySet<string>): PlannedReminder | null {
  const sent = new Set((reminder.supersedes ?? []).filter((s) => taken.has(s.key)).map((s) => monthIndex(s.period)));
  if (sent.size === 0) return reminder;
  const periods = reminder.periods.filter((p) => !sent.has(monthIndex(p)));
  if (periods.length === 0) return null;
  // The months due by the catch-up deadline are those before the month whose own deadline it is.
  const { pkApprovedOn, ...rest } = reminder;
  const stillCatchUp = pkApprovedOn && reminder.deadline && monthIndex(periods[0]) < monthIndex(addMonths(reminder.deadline, -1));
  return {
    ...rest,
    ...(stillCatchUp ? { pkApprovedOn } : {}),
    period: periods[periods.length - 1],
    periods,
    reports: reminder.reports.filter((r) => !sent.has(monthIndex(r))),
    supersedes: reminder.supersedes!.filter((s) => !sent.has(monthIndex(s.period))),
  };
}

/**
 * The months due by a deadline in the current month (last month's, and any due then by a catch-up
 * deadline), reminded on the 1st and D−2 until the deadline passes: one reminder per subbagian and
 * occasion, listing every month of the group it has not submitted.
 */
function beforeDeadline({ office, now }: ReminderPlanInput, groups: readonly DeadlineGroup[]): PlannedReminder[] {
  const today = localDate(now, office.timeZone);
  return groups.flatMap((group) => {
    const { deadline } = group;
    if (deadline.year !== today.year || deadline.month !== today.month) return [];
    const deadlinePassed = localInstant({ ...deadline, day: deadline.day + 1 }, 0, office.timeZone);
    if (now >= deadlinePassed) return [];
    // After a dispensasi its announcement (DEADLINE_EXTENDED) replaces the occasions before the
    // grant: a reminder dated before the grant, for a deadline that had not yet been given, is news
    // of nothing (and its month was reminded then, under the key of the deadline it had).
    const granted = group.dispensasi ? grantOf(office, group) : null;
    const occasion = beforeDeadlineDays(deadline.day)
      .map((day) => ({ ...today, day }))
      .filter((date) => localInstant(date, REMINDER_HOUR, office.timeZone) <= now)
      .filter((date) => granted === null || localInstant(date, REMINDER_HOUR, office.timeZone) >= granted)
      .pop();
    if (!occasion) return [];
    const dueAt = localInstant(occasion, REMINDER_HOUR, office.timeZone);
    const owed = new Map<string, ReportFact[]>();
    for (const report of group.reports) {
      if (NOT_SUBMITTED.has(report.status)) owed.set(report.subbagian, [...(owed.get(report.subbagian) ?? []), report]);
    }
    return [...owed]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([subbagian, listed]): PlannedReminder => ({
        key: `before-deadline:${office.satker}:${group.months}:${subbagian}:${isoDate(occasion)}`,
        kind: 'BEFORE_DEADLINE',
        satker: office.satker,
        audience: { role: 'KASUBBAG', subbagian },
        dueAt: dueAt.toISOString(),
        localDate: isoDate(occasion),
        ...aboutMonths(group, listed),
        ...supersedes(group, listed, (month) => `before-deadline:${office.satker}:${month}:${subbagian}:${isoDate(occasion)}`),
        reports: listed,
      }));
  });
}

/** When the dispensasi that gave a dispensasi group its deadline was first granted (to that day, for that month). */
function grantOf(office: OfficeReminderSettings, group: DeadlineGroup): Date | null {
  const month = group.periods[0];
  const grants = (office.extensions ?? [])
    .filter((e) => e.year === month.year && e.month === month.month && isoDate(e.until) === isoDate(group.deadline))
    .map((e) => new Date(e.grantedAt).getTime());
  return grants.length > 0 ? new Date(Math.min(...grants)) : null;
}

/**
 * One escalation per office and deadline, on the day after it (a month's own, a catch-up deadline or
 * a dispensasi), listing every overdue report of every month of the group.
 */
function overdueEscalations({ office, now }: ReminderPlanInput, groups: readonly DeadlineGroup[]): PlannedReminder[] {
  const today = localDate(now, office.timeZone);
  const planned: PlannedReminder[] = [];
  for (const group of groups) {
    const { deadline } = group;
    if (monthIndex(deadline) <= monthIndex(today) - ESCALATION_WINDOW_MONTHS) continue;
    const escalationDay = { ...deadline, day: deadline.day + 1 };
    const dueAt = localInstant(escalationDay, REMINDER_HOUR, office.timeZone);
    if (now < dueAt) continue;
    // A report returned before the deadline passed and not sent again is as late as one never sent;
    // one returned afterwards had been sent in time (its Kasubbag is chased by RETURNED_REPORT).
    const deadlinePassed = localInstant({ ...deadline, day: deadline.day + 1 }, 0, office.timeZone);
    const overdue = group.reports.filter(
      (r) => NOT_SUBMITTED.has(r.status) || (r.status === 'RETURNED' && r.returnedAt !== null && new Date(r.returnedAt) < deadlinePassed),
    );
    if (overdue.length === 0) continue;
    const date = localDate(dueAt, office.timeZone);
    planned.push({
      // A month given a dispensasi was most likely escalated at its former deadline already: the
      // escalation after the dispensasi's day is another one, keyed by that day.
      key: `overdue:${office.satker}:${group.months}${group.dispensasi ? `:${isoDate(deadline)}` : ''}`,
      kind: 'OVERDUE_ESCALATION',
      satker: office.satker,
      audience: { role: 'SEKRETARIS' },
      dueAt: dueAt.toISOString(),
      localDate: isoDate(date),
      ...aboutMonths(group, overdue),
      ...supersedes(group, overdue, (month) => `overdue:${office.satker}:${month}`),
      reports: overdue,
    });
  }
  return planned;
}

/**
 * One reminder per subbagian and day listing every report of it returned before 08:00 and not sent
 * again. A single report keeps the key a returned report always had, `returned:<satker>:<YYYY-MM>:
 * <subbagian>:<date>`; several share `returned:<satker>:<subbagian>:<date>`. Each carries the other
 * key(s) of the same day (`supersedes`): the per-report keys on a grouped one (an upgrade on a day a
 * report was already reminded on its own), the grouped key on a single one (a report of the group
 * sent again after the grouped reminder was recorded leaves one: already reminded). The set of
 * reports only shrinks after 08:00 (a return after it is tomorrow's), so nothing is sent twice.
 */
function returnedReports(input: ReminderPlanInput): PlannedReminder[] {
  const { office, now, reports } = input;
  const today = localDate(now, office.timeZone);
  const dueAt = localInstant(today, REMINDER_HOUR, office.timeZone);
  if (now < dueAt) return [];
  const bySubbagian = new Map<string, ReportFact[]>();
  for (const report of reports) {
    if (report.status !== 'RETURNED' || report.returnedAt === null || new Date(report.returnedAt) >= dueAt) continue;
    bySubbagian.set(report.subbagian, [...(bySubbagian.get(report.subbagian) ?? []), report]);
  }
  const date = isoDate(today);
  const perReport = (report: ReportFact) => `returned:${office.satker}:${isoMonth(report)}:${report.subbagian}:${date}`;
  return [...bySubbagian]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([subbagian, unsorted]): PlannedReminder => {
      const listed = unsorted.sort((a, b) => monthIndex(a) - monthIndex(b));
      const grouped = `returned:${office.satker}:${subbagian}:${date}`;
      const periods = periodsOf(listed);
      const common = {
        kind: 'RETURNED_REPORT' as const,
        satker: office.satker,
        audience: { role: 'KASUBBAG' as const, subbagian },
        dueAt: dueAt.toISOString(),
        localDate: date,
        period: periods[periods.length - 1],
        periods,
        reports: listed,
      };
      if (listed.length === 1) {
        return { key: perReport(listed[0]), ...common, ...deadlineOfReportFact(input, listed[0]), supersedes: [{ period: periods[0], key: grouped }] };
      }
      // Each report has its own deadline; the reminder names one only when they share it.
      const deadlines = new Set(listed.map((r) => isoDate(deadlineOfReportFact(input, r).deadline)));
      return {
        key: grouped,
        ...common,
        deadline: deadlines.size === 1 ? deadlineOfReportFact(input, listed[0]).deadline : null,
        supersedes: listed.map((report) => ({ period: { year: report.year, month: report.month }, key: perReport(report) })),
      };
    });
}

/**
 * The dispensasi announced, from the office's stream as the runner reads it with each office: to the
 * Kasubbag of each subbagian whose report of the month a grant reaches (still owed at the grant,
 * `reportOwedAt`, the rule of `deadlineOfReport`) and to the Sekretaris, from its grant until its new
 * deadline has passed (a run missed meanwhile is made good; after that it is news no more). The
 * worker plans the office as soon as a grant is appended (`DispensasiNotices`); the runs catch up.
 *
 * The grants of one office-calendar day are announced together: one notice per audience listing
 * every month of that day's grants it concerns, oldest first. Each grant keeps its own key per
 * audience, `dispensasi:<satker>:<YYYY-MM>:<YYYY-MM-DD until>:<kasubbag-<subbagian> | sekretaris>`
 * (a month has a dispensasi per new day), and a notice claims the keys of every grant it lists
 * (`claims`, its own key being the first's), all of them or none in one transaction: so each grant
 * is announced once to each audience, whichever notice lists it, and a grant made after the day's
 * notice went out is announced in a notice of its own (`leaveOutAnnounced`).
 */
function dispensasiAnnouncements({ office, now, reports }: ReminderPlanInput): PlannedReminder[] {
  const days = new Map<string, PlannedExtension[]>();
  for (const extension of office.extensions ?? []) {
    if (now < new Date(extension.grantedAt)) continue;
    if (now >= localInstant({ ...extension.until, day: extension.until.day + 1 }, 0, office.timeZone)) continue;
    const day = isoDate(localDate(new Date(extension.grantedAt), office.timeZone));
    days.set(day, [...(days.get(day) ?? []), extension]);
  }
  return [...days].sort(([a], [b]) => a.localeCompare(b)).flatMap(([day, unsorted]) => {
    const grants = unsorted
      .sort((a, b) => monthIndex(a) - monthIndex(b) || a.grantedAt.localeCompare(b.grantedAt))
      .map((extension) => ({
        extension,
        base: `dispensasi:${office.satker}:${isoMonth(extension)}:${isoDate(extension.until)}`,
        reached: reports
          .filter((r) => monthIndex(r) === monthIndex(extension) && reportOwedAt(r.moves, extension.grantedAt))
          .sort((a, b) => a.subbagian.localeCompare(b.subbagian)),
      }));
    const notice = (audience: PlannedReminder['audience'], suffix: string, listed: typeof grants, reached: (g: (typeof grants)[number]) => ReportFact[]) => {
      const claims = listed.map((g) => ({ period: { year: g.extension.year, month: g.extension.month }, key: `${g.base}:${suffix}` }));
      return announcementOf(office.satker, day, audience, listed.map((g) => g.extension), listed.flatMap(reached), claims);
    };
    const subbagian = [...new Set(grants.flatMap((g) => g.reached.map((r) => r.subbagian)))].sort();
    return [
      ...subbagian.map((code) => notice(
        { role: 'KASUBBAG', subbagian: code }, `kasubbag-${code}`,
        grants.filter((g) => g.reached.some((r) => r.subbagian === code)), (g) => g.reached.filter((r) => r.subbagian === code),
      )),
      notice({ role: 'SEKRETARIS' }, 'sekretaris', grants, (g) => g.reached),
    ];
  });
}

/** One dispensasi notice of a grant day: `extensions` oldest month first, `claims` their keys for its audience. */
function announcementOf(
  satker: string, day: string, audience: PlannedReminder['audience'], extensions: PlannedExtension[], reports: ReportFact[],
  claims: Array<{ period: YearMonth; key: string }>,
): PlannedReminder {
  const periods = extensions.map((e) => ({ year: e.year, month: e.month }));
  const untils = new Set(extensions.map((e) => isoDate(e.until)));
  return {
    key: claims[0].key,
    kind: 'DEADLINE_EXTENDED',
    satker,
    audience,
    dueAt: new Date(Math.min(...extensions.map((e) => new Date(e.grantedAt).getTime()))).toISOString(),
    localDate: day,
    period: periods[periods.length - 1],
    periods,
    // The new day when every grant listed gives the same one; else each month says its own.
    deadline: untils.size === 1 ? extensions[0].until : null,
    dispensasi: true,
    extension: extensions[0],
    extensions,
    reports,
    claims,
  };
}

/**
 * A dispensasi notice without the grants already announced to its audience (their key in `taken`, the
 * keys recorded), keyed by the first grant left; null when every one was. Any other reminder as it is,
 * or null when its key is taken.
 */
export function leaveOutAnnounced(reminder: PlannedReminder, taken: ReadonlySet<string>): PlannedReminder | null {
  if (!reminder.claims) return taken.has(reminder.key) ? null : reminder;
  const claims = reminder.claims.filter((c) => !taken.has(c.key));
  if (claims.length === reminder.claims.length) return reminder;
  if (claims.length === 0) return null;
  const left = new Set(claims.map((c) => monthIndex(c.period)));
  const extensions = (reminder.extensions ?? []).filter((e) => left.has(monthIndex(e)));
  const reports = reminder.reports.filter((r) => left.has(monthIndex(r)));
  return announcementOf(reminder.satker, reminder.localDate, reminder.audience, extensions, reports, claims);
}

/**
 * Each working morning (Monday–Friday, not a national holiday or cuti bersama: `holidays`), the reports
 * submitted before 08:00 and still waiting, oldest first. Nothing is sent on a day off; the next
 * working morning's digest lists whatever still waits then.
 */
function approvalDigest({ office, now, reports, holidays }: ReminderPlanInput): PlannedReminder[] {
  const today = localDate(now, office.timeZone);
  const dueAt = localInstant(today, REMINDER_HOUR, office.timeZone);
  if (!isWorkingDay(today, holidays ?? NO_HOLIDAYS) || now < dueAt) return [];
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
    periods: periodsOf(waiting),
    deadline: null,
    reports: waiting,
  }];
}
