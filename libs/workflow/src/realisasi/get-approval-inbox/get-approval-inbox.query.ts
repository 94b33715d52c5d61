import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { officeDaysBetween, ownRealisasiSubmission, type Actor } from '@kinerja/domain';
import { Clock } from '@kinerja/platform';
import { ApprovalInboxQuery, type InboxItem } from '@kinerja/projections';
import { SatkerDirectory } from '../../shared/satker-directory';
import { domainActor, withOtherAccounts, type WorkflowActor } from '../../shared/workflow-actor';

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
  /**
   * The reader submitted it (their account, or another of theirs by e-mail or full name: the rule of
   * REALISASI.OWN_SUBMISSION), so they may not approve or return it: another Sekretaris must. Listed
   * all the same — it waits in their office — and left out of their approval digest.
   */
  ownSubmission: boolean;
  /** When `ownSubmission`: why and who may approve it instead (the refusal's message); else null. */
  ownSubmissionHint: string | null;
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
  /** `reader`: who asks; the items they submitted themselves are marked (`ownSubmission`). */
  constructor(readonly satker: string, readonly reader: WorkflowActor) {
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

  async execute({ satker, reader }: GetApprovalInboxQuery): Promise<ApprovalInboxView> {
    const waiting = await this.inbox.waiting(satker);
    if (waiting.length === 0) return { satker, count: 0, items: [] };
    const [names, timeZone, accounts] = await Promise.all([
      this.directory.names(waiting.map((item) => item.submittedBy)),
      this.directory.timeZoneOf(satker),
      // The reader's other accounts, as an approval would see them.
      this.directory.otherAccountsOf(reader.id),
    ]);
    const me = withOtherAccounts(domainActor(reader), accounts);
    const now = this.clock.now().toISOString();
    const items = waiting.map((item: InboxItem): ApprovalInboxEntry => {
      const person = names.get(item.submittedBy);
      return {
        satker: item.satker, year: item.year, month: item.month, subbagian: item.subbagian, revision: item.revision,
        resubmission: item.resubmission,
        submittedBy: { id: item.submittedBy, username: person?.username ?? null, fullName: person?.fullName ?? null },
        submittedAt: item.submittedAt,
        daysWaiting: officeDaysBetween(item.submittedAt, now, timeZone),
        ...ownSubmissionOf(me, item.submittedBy),
      };
    });
    return { satker, count: items.length, items };
  }
}

function ownSubmissionOf(reader: Actor, submittedBy: string): Pick<ApprovalInboxEntry, 'ownSubmission' | 'ownSubmissionHint'> {
  const refusal = ownRealisasiSubmission(reader, submittedBy);
  return { ownSubmission: refusal !== null, ownSubmissionHint: refusal?.message ?? null };
}
