import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '@kinerja/platform';
import type { TimelinessSummary } from '@kinerja/domain';
import { SubmissionStatusQuery, type SubmissionCell } from '@kinerja/projections';

/** One cell of the read model without its subbagian (the row names it). */
export type StatusMatrixMonth = Omit<SubmissionCell, 'subbagian'>;

export interface StatusMatrixRow {
  subbagian: string;
  /** Months 1 to 12, in order. */
  months: StatusMatrixMonth[];
}

export interface StatusMatrixView {
  satker: string;
  year: number;
  timeZone: string;
  deadlineDay: number;
  rows: StatusMatrixRow[];
  /** Ketepatan waktu pelaporan of the office's owed reports of the year (`summariseTimeliness`). */
  timeliness: TimelinessSummary;
}

/**
 * The submission-status matrix of an office's year: subbagian × month, each cell NOT_STARTED,
 * DRAFT, SUBMITTED, RETURNED, APPROVED or OVERDUE (decided now, by `statusShown`). Served from the
 * submission-status read model, which follows the log.
 */
export class GetStatusMatrixQuery extends Query<StatusMatrixView> {
  constructor(readonly satker: string, readonly year: number) {
    super();
  }
}

@QueryHandler(GetStatusMatrixQuery)
export class GetStatusMatrixHandler implements IQueryHandler<GetStatusMatrixQuery> {
  constructor(private readonly submissions: SubmissionStatusQuery, private readonly clock: Clock) {}

  async execute({ satker, year }: GetStatusMatrixQuery): Promise<StatusMatrixView> {
    const matrix = await this.submissions.matrix(satker, year, this.clock.now());
    const rows = matrix.subbagian.map((subbagian): StatusMatrixRow => ({
      subbagian,
      months: matrix.cells
        .filter((cell) => cell.subbagian === subbagian)
        .sort((a, b) => a.month - b.month)
        .map(({ subbagian: _subbagian, ...month }: SubmissionCell) => month),
    }));
    return { satker, year, timeZone: matrix.timeZone, deadlineDay: matrix.deadlineDay, rows, timeliness: matrix.timeliness };
  }
}
