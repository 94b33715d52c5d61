import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '@kinerja/platform';
import { ApprovalInboxQuery, type InboxItem } from '@kinerja/projections';
import { SatkerDirectory } from '../../shared/satker-directory';

const DAY_MS = 86_400_000;

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
  /** Whole days since submission (24-hour periods, as the approval digest counts them). */
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
    const now = this.clock.now().getTime();
    const items = waiting.map((item: InboxItem): ApprovalInboxEntry => {
      const person = names.get(item.submittedBy);
      return {
        satker: item.satker, year: item.year, month: item.month, subbagian: item.subbagian, revision: item.revision,
        resubmission: item.resubmission,
        submittedBy: { id: item.submittedBy, username: person?.username ?? null, fullName: person?.fullName ?? null },
        submittedAt: item.submittedAt,
        daysWaiting: Math.max(0, Math.floor((now - new Date(item.submittedAt).getTime()) / DAY_MS)),
      };
    });
    return { satker, count: items.length, items };
  }
}
