import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { reportDeadlinesStreamId, type ReportDeadlineExtended } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import { SatkerDirectory } from '../../shared/satker-directory';

/** One dispensasi as the office and its auditors read it. Dates are the office's local dates, YYYY-MM-DD. */
export interface ReportDeadlineExtensionView {
  month: number;
  /** The deadline it replaced (the month's own, its catch-up deadline, or an earlier dispensasi). */
  fromDeadline: string;
  until: string;
  reason: string;
  grantedBy: { id: string; username: string | null; fullName: string | null };
  grantedAt: string;
}

export interface ReportDeadlineExtensionsView {
  satker: string;
  year: number;
  /** By month, then in the order granted. */
  extensions: ReportDeadlineExtensionView[];
}

/** The dispensasi granted for the reports of one year of an office (stream `report-deadlines:<satker>`). */
export class ListReportDeadlineExtensionsQuery extends Query<ReportDeadlineExtensionsView> {
  constructor(readonly satker: string, readonly year: number) {
    super();
  }
}

@QueryHandler(ListReportDeadlineExtensionsQuery)
export class ListReportDeadlineExtensionsHandler implements IQueryHandler<ListReportDeadlineExtensionsQuery> {
  constructor(private readonly store: EventStore, private readonly directory: SatkerDirectory) {}

  async execute({ satker, year }: ListReportDeadlineExtensionsQuery): Promise<ReportDeadlineExtensionsView> {
    const events = await this.store.readStream(reportDeadlinesStreamId(satker), { tenantId: satker });
    const granted = events
      .filter((e) => e.type === 'ReportDeadlineExtended')
      .map((e) => e.data as ReportDeadlineExtended['data'])
      .filter((d) => d.year === year);
    // By id, not by office: an ADMIN of an office above grants dispensasi too.
    const names = await this.directory.names(granted.map((d) => d.grantedBy));
    const extensions = granted
      .map((d, order) => ({ d, order }))
      .sort((a, b) => a.d.month - b.d.month || a.order - b.order)
      .map(({ d }): ReportDeadlineExtensionView => {
        const person = names.get(d.grantedBy);
        return {
          month: d.month, fromDeadline: d.previousDeadline, until: d.until, reason: d.reason,
          grantedBy: { id: d.grantedBy, username: person?.username ?? null, fullName: person?.fullName ?? null }, grantedAt: d.grantedAt,
        };
      });
    return { satker, year, extensions };
  }
}
