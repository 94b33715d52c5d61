import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  approvedVersionsOf, localDateOf, localDateText, parseLocalDate, pkOpenedOn, subbagianOwingByMonth, type DeadlineBasis, type RealisasiStatus,
} from '@kinerja/domain';
import { Clock } from '@kinerja/platform';
import { statusShown } from '@kinerja/projections';
import { PkReader } from '../../perjanjian-kinerja/pk-reader';
import { deadlineOfMonth, SatkerDirectory } from '../../shared/satker-directory';
import { reportDeadlineView } from '../report-deadline-view';
import { RealisasiReader } from '../realisasi-reader';

/** NOT_REQUIRED: not opened, and not owed (the subbagian is PIC of no indicator of the month's PK version, or no PK is approved). */
export type RealisasiListStatus = RealisasiStatus | 'NOT_STARTED' | 'NOT_REQUIRED';

export interface RealisasiListCell {
  subbagian: string;
  status: RealisasiListStatus;
  version: number;
  revision: number | null;
  submittedAt: string | null;
  /**
   * This report's deadline (YYYY-MM-DD): the month's `dueDate`, except for a report sent before a
   * dispensasi of the month was granted, which keeps the deadline it had (`deadlineOfReport`).
   */
  dueDate: string;
  /** Where `dueDate` comes from, as the status matrix says it: OWN, CATCH_UP or DISPENSASI (`deadlineOfReport`). */
  deadlineBasis: DeadlineBasis;
  /**
   * The deadline has passed in the office's time zone and the report was never submitted or sits in
   * draft/returned without ever having been approved: the one rule of the submission-status read
   * model (`statusShown`). A correction of an approved report is never overdue.
   */
  overdue: boolean;
  /** The report's first submission (`reportTimeliness`); `submittedAt` is the latest. Null while never submitted. */
  firstSubmittedAt: string | null;
  /** First submitted by its deadline day as it stood then; null while never submitted, or not owed. */
  submittedOnTime: boolean | null;
  /** Whole office-calendar days after that deadline day, 0 when on time; null as `submittedOnTime`. */
  daysLate: number | null;
}

export interface RealisasiListMonth {
  month: number;
  /**
   * The deadline (local date, YYYY-MM-DD), `deadlineOfMonth`: the month's deadline day of the following
   * month, or the catch-up deadline when the year's PK was first approved after that had passed, or
   * the last dispensasi of the month (for the reports still owed when it was granted).
   */
  dueDate: string;
  reports: RealisasiListCell[];
}

export interface RealisasiListView {
  satker: string;
  year: number;
  subbagian: string[];
  months: RealisasiListMonth[];
}

/**
 * Status of every monthly report of a year: month × subbagian. With `onlySubbagian` (a Kasubbag's
 * own), the list holds that subbagian's reports alone.
 */
export class ListRealisasiQuery extends Query<RealisasiListView> {
  constructor(readonly satker: string, readonly year: number, readonly onlySubbagian: string | null = null) {
    super();
  }
}

@QueryHandler(ListRealisasiQuery)
export class ListRealisasiHandler implements IQueryHandler<ListRealisasiQuery> {
  constructor(
    private readonly reader: RealisasiReader,
    private readonly directory: SatkerDirectory,
    private readonly pk: PkReader,
    private readonly clock: Clock,
  ) {}

  async execute({ satker, year, onlySubbagian }: ListRealisasiQuery): Promise<RealisasiListView> {
    const facts = await this.directory.facts(satker);
    const { state: pk } = await this.pk.load(satker, year);
    const versions = approvedVersionsOf(pk);
    const owingByMonth = subbagianOwingByMonth(versions, year, facts.timeZone).map((subs) => new Set(subs));
    const opened = pkOpenedOn(versions, facts.timeZone);
    const listed = [...new Set([...facts.subbagianCodes, ...owingByMonth.flatMap((s) => [...s])])].sort();
    const subbagian = onlySubbagian === null ? listed : listed.filter((code) => code === onlySubbagian);
    const today = localDateOf(this.clock.now().toISOString(), facts.timeZone);
    const loaded = await this.reader.loadYear(satker, year, subbagian);
    const months = Array.from({ length: 12 }, (_, i): RealisasiListMonth => {
      const month = i + 1;
      const deadline = deadlineOfMonth(facts, year, month, opened);
      const dueDate = localDateText(deadline);
      const reports = loaded.filter((r) => r.key.month === month).map(({ key, state, version }): RealisasiListCell => {
        const stored = state.status === 'EMPTY' ? null : { status: state.status, approvedOnce: state.approved !== null };
        const owed = owingByMonth[month - 1].has(key.subbagian);
        const { deadline: own, deadlineBasis, ...timeliness } = reportDeadlineView(facts, year, month, opened, state, owed);
        return {
          subbagian: key.subbagian, status: stored?.status ?? (owed ? 'NOT_STARTED' : 'NOT_REQUIRED'), version,
          revision: state.status === 'EMPTY' ? null : state.revision,
          submittedAt: state.status === 'EMPTY' ? null : state.submittedAt,
          dueDate: own,
          deadlineBasis,
          overdue: statusShown(stored, { deadline: parseLocalDate(own), owed }, today) === 'OVERDUE',
          ...timeliness,
        };
      });
      return { month, dueDate, reports };
    });
    return { satker, year, subbagian, months };
  }
}
