import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '@kinerja/platform';
import { localDateOf, localDateText, timelinessOfCounts, type DeadlineBasis, type TimelinessSummary } from '@kinerja/domain';
import { submissionMatricesVersion, SubmissionStatusQuery, type OfficeSubmissionMatrix } from '@kinerja/projections';
import { DataSource } from 'typeorm';
import { StatusSummaryCache, type DatedAnswer } from './status-summary-cache';

/** The states of an owed monthly report (a cell NOT_REQUIRED is owed by nobody and not counted). */
export const OWED_STATES = ['APPROVED', 'SUBMITTED', 'RETURNED', 'DRAFT', 'NOT_STARTED', 'OVERDUE'] as const;
export type OwedState = (typeof OWED_STATES)[number];
export type StateCounts = Record<OwedState, number>;

export interface OfficeStatusSummary {
  satker: string;
  name: string;
  parentCode: string | null;
  timeZone: string;
  deadlineDay: number;
  pkApproved: boolean;
  /** Owed reports (subbagian × month) by state, the year's twelve months. */
  counts: StateCounts;
  /** The overdue ones, oldest first; `deadlineBasis` says whether the deadline is the month's own, a catch-up one or a dispensasi. */
  overdue: Array<{ subbagian: string; month: number; deadline: string; deadlineBasis: DeadlineBasis }>;
  /** Ketepatan waktu pelaporan: the office's owed reports due or sent, by how they were first submitted (its status matrix's). */
  timeliness: TimelinessSummary;
}

export interface StatusSummaryView {
  year: number;
  asOf: string;
  totals: StateCounts & { offices: number; officesWithoutPk: number; officesWithOverdue: number; timeliness: TimelinessSummary };
  offices: OfficeStatusSummary[];
}

function emptyCounts(): StateCounts {
  return { APPROVED: 0, SUBMITTED: 0, RETURNED: 0, DRAFT: 0, NOT_STARTED: 0, OVERDUE: 0 };
}

/**
 * Every office in the reader's scope on one page: how many of its owed monthly reports are
 * approved, waiting, returned, in draft, not started or overdue, and which are overdue. The same
 * rule as each office's status matrix (`SubmissionStatusQuery`), read for all offices at once:
 * what an Inspektorat above 550 offices looks at before opening any of them.
 */
export class GetStatusSummaryQuery extends Query<StatusSummaryView> {
  constructor(readonly satkers: readonly string[], readonly year: number) {
    super();
  }
}

/** A summary without the instant it was asked at: what `StatusSummaryCache` keeps and shares. */
export type StatusSummaryAnswer = Omit<StatusSummaryView, 'asOf'>;

/**
 * Answers from `StatusSummaryCache` when nothing it is made of changed since it was computed
 * (`submissionMatricesVersion`, read first: one short query) and every office's local
 * date is the same: the same answer as computing it again, for a fraction of the CPU. Identical
 * requests arriving together share one computation.
 */
@QueryHandler(GetStatusSummaryQuery)
export class GetStatusSummaryHandler implements IQueryHandler<GetStatusSummaryQuery> {
  constructor(
    private readonly submissions: SubmissionStatusQuery,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly cache: StatusSummaryCache<StatusSummaryAnswer>,
  ) {}

  async execute({ satkers, year }: GetStatusSummaryQuery): Promise<StatusSummaryView> {
    const now = this.clock.now();
    const instant = now.toISOString();
    const version = await submissionMatricesVersion(this.dataSource, satkers);
    const answer = await this.cache.answer(satkers, year, version, (zone) => localDateText(localDateOf(instant, zone)), () => this.compute(satkers, year, now));
    return { year: answer.year, asOf: instant, totals: answer.totals, offices: answer.offices };
  }

  /** The summary at `now`, with the local date of each time zone of its offices (what decided OVERDUE). */
  private async compute(satkers: readonly string[], year: number, now: Date): Promise<DatedAnswer<StatusSummaryAnswer>> {
    const matrices = await this.submissions.matrices(satkers, year, now);
    const summaries = matrices.map(summarise).sort((a, b) => a.satker.localeCompare(b.satker));
    const totals = { ...emptyCounts(), offices: summaries.length, officesWithoutPk: 0, officesWithOverdue: 0, timeliness: totalTimeliness(summaries) };
    for (const s of summaries) {
      for (const state of OWED_STATES) totals[state] += s.counts[state];
      if (!s.pkApproved) totals.officesWithoutPk += 1;
      if (s.counts.OVERDUE > 0) totals.officesWithOverdue += 1;
    }
    const instant = now.toISOString();
    const days = new Map([...new Set(matrices.map((m) => m.timeZone))].map((zone) => [zone, localDateText(localDateOf(instant, zone))]));
    return { value: { year, totals, offices: summaries }, days };
  }
}

function summarise(m: OfficeSubmissionMatrix): OfficeStatusSummary {
  const counts = emptyCounts();
  const overdue: OfficeStatusSummary['overdue'] = [];
  for (const cell of m.cells) {
    if (cell.status === 'NOT_REQUIRED') continue;
    counts[cell.status] += 1;
    if (cell.status === 'OVERDUE') overdue.push({ subbagian: cell.subbagian, month: cell.month, deadline: cell.deadline, deadlineBasis: cell.deadlineBasis });
  }
  overdue.sort((a, b) => a.month - b.month || a.subbagian.localeCompare(b.subbagian));
  return {
    satker: m.satker, name: m.name, parentCode: m.parentCode,
    timeZone: m.timeZone, deadlineDay: m.deadlineDay, pkApproved: m.pkApproved, counts, overdue, timeliness: m.timeliness,
  };
}

/** The offices' timeliness added up, the percentage taken over the sums (not an average of percentages). */
function totalTimeliness(summaries: readonly OfficeStatusSummary[]): TimelinessSummary {
  const sum = (pick: (t: TimelinessSummary) => number) => summaries.reduce((n, s) => n + pick(s.timeliness), 0);
  return timelinessOfCounts(sum((t) => t.onTime), sum((t) => t.late), sum((t) => t.notYetSubmitted));
}
