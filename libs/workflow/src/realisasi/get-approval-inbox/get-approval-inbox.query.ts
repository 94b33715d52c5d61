import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { officeDaysBetween } from '@kinerja/domain';
import { Clock } from '@kinerja/platform';
import { ApprovalInboxQuery, type InboxItem } from '@kinerja/projections';
import { SatkerDirectory } from '../../shared/satker-directory';

export interface ApprovalInboxEntry {
  satker: string;
  year: number;
  month: number;
  subbagian: string;
  /** 0 for the first report, +1 for each correction after approval. */
  revision: number;
  /** Submitted again after being returned (or after a correction was returned). */
  resubmission: boolean;
  submittedBy: { id: string; username: string | null; fullName: string | null };
  submittedAt: string;
  /**
   * Office-calendar days from the day of submission to today, in the office's time zone (0 on the day
   * itself), as `daysLate` and the approval digest count them.
   */
  daysWaiting: number;
}

export interface ApprovalInboxView {
  satker: string;
  count: number;
  /** Oldest submission first. */
  items: ApprovalInboxEntry[];
}

/**
 * The Sekretaris's approval inbox: every monthly report of the office waiting for approval, oldest
 * first, from the approval-inbox read model (it follows the log, so a submission a moment old may
 * not be in it yet).
 */
export class GetApprovalInboxQuery extends Query<ApprovalInboxView> {
  constructor(readonly satker: string) {
    super();
  }
}

@QueryHandler(GetApprovalInboxQuery)
export class GetApprovalInboxHandler implements IQueryHandler<GetApprovalInboxQuery> {
  constructor(
    private readonly inbox: ApprovalInboxQuery,
    private readonly directory: SatkerDirectory,
    private readonly clock: Clock,
  ) {}

  async execute({ satker }: GetApprovalInboxQuery): Promise<ApprovalInboxView> {
    const waiting = await this.inbox.waiting(satker);
    const names = await this.directory.names(waiting.map((item) => item.submittedBy));
    const timeZone = await this.directory.timeZoneOf(satker);
    const now = this.clock.now().toISOString();
    const items = waiting.map((item: InboxItem): ApprovalInboxEntry => {
      const person = names.get(item.submittedBy);
      return {
        satker: item.satker, year: item.year, month: item.month, subbagian: item.subbagian, revision: item.revision,
        resubmission: item.resubmission,
        submittedBy: { id: item.submittedBy, username: person?.username ?? null, fullName: person?.fullName ?? null },
        submittedAt: item.submittedAt,
        daysWaiting: officeDaysBetween(item.submittedAt, now, timeZone),
      };
    });
    return { satker, count: items.length, items };
  }
}
