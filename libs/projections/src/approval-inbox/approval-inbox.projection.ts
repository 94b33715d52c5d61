import type { EntityManager } from 'typeorm';
import type { GlobalEvent } from '@kinerja/event-store';
import type { RealisasiEvent } from '@kinerja/domain';
import { Projection, ProjectionContext, truncateTables } from '../runner/projection';
import { REPORT_KEY_COLUMNS, reportKeyOf, reportKeyText, ReportKey } from '../shared/report-key';
import { Column, deleteByKeys, upsertRows } from '../shared/sql-rows';

export const APPROVAL_INBOX_TABLE = 'rm_approval_inbox';

const COLUMNS: readonly Column[] = [
  ...REPORT_KEY_COLUMNS,
  { name: 'stream_id', type: 'text' },
  { name: 'revision', type: 'integer' },
  { name: 'resubmission', type: 'boolean' },
  { name: 'submitted_by', type: 'text' },
  { name: 'submitted_at', type: 'timestamptz' },
];
const KEY = REPORT_KEY_COLUMNS.map((c) => c.name);

type InboxRow = ReportKey & { stream_id: string; revision: number; resubmission: boolean; submitted_by: string; submitted_at: string };

/**
 * The Sekretaris's inbox: a report enters when it is submitted and leaves when it is approved or
 * returned. Each event decides the row on its own, so within a batch the last event of a report wins.
 */
export class ApprovalInboxProjection implements Projection {
  readonly name = 'approval-inbox';
  readonly version = 1;
  readonly tables = [APPROVAL_INBOX_TABLE] as const;

  async apply(events: readonly GlobalEvent[], manager: EntityManager, context: ProjectionContext): Promise<void> {
    const final = new Map<string, { key: ReportKey; row: InboxRow | null }>();
    for (const event of events) {
      const key = reportKeyOf(event);
      if (!key) continue;
      const row = inboxRowAfter(event as GlobalEvent & RealisasiEvent, key);
      if (row !== undefined) final.set(reportKeyText(key), { key, row });
    }
    const removed = [...final.values()].filter((f) => f.row === null).map((f) => f.key);
    const waiting = [...final.values()].flatMap((f) => (f.row ? [f.row] : []));
    const table = context.table(APPROVAL_INBOX_TABLE);
    if (removed.length > 0) await deleteByKeys(manager, table, REPORT_KEY_COLUMNS, removed);
    if (waiting.length > 0) await upsertRows(manager, table, COLUMNS, KEY, waiting);
  }

  reset(manager: EntityManager, context: ProjectionContext): Promise<void> {
    return truncateTables(this, manager, context);
  }
}

/** The row after the event: a row (waiting), null (not waiting) or undefined (no change). */
function inboxRowAfter(event: GlobalEvent & RealisasiEvent, key: ReportKey): InboxRow | null | undefined {
  switch (event.type) {
    case 'RealisasiSubmitted':
      return {
        ...key, stream_id: event.streamId, revision: event.data.revision, resubmission: event.data.resubmission,
        submitted_by: event.data.submittedBy, submitted_at: event.data.submittedAt,
      };
    case 'RealisasiApproved':
    case 'RealisasiReturned':
    case 'RealisasiRevisionOpened':
    case 'RealisasiRevisionWithdrawn':
      return null;
    case 'RealisasiDraftSaved':
      return undefined;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
