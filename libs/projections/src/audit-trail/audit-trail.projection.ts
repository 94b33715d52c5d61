import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@kinerja/event-store';
import type { AuditFigureRow, AuditTrailRow } from './audit-trail.types';
import { loadAuditState, saveAuditBatch } from './audit-trail.store';
import { describeEvent } from './describe-event';

/** The tables the audit trail owns, emptied by a rebuild. */
export const AUDIT_TRAIL_TABLES = [
  'audit_trail', 'audit_trail_figure', 'audit_trail_actor', 'audit_trail_indicator', 'audit_trail_stream_state',
] as const;

/**
 * The audit trail follows the global log: every event of every office becomes one row in words.
 * A batch is handled with three reads and at most six writes, all in the caller's transaction
 * (the runner commits the checkpoint in the same one, so nothing is skipped or applied twice).
 */
export class AuditTrailProjection {
  readonly name = 'audit-trail';
  readonly tables = AUDIT_TRAIL_TABLES;

  async handle(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    if (events.length === 0) return;
    const state = await loadAuditState(manager, events);
    const rows: AuditTrailRow[] = [];
    const figures: AuditFigureRow[] = [];
    for (const event of events) {
      const described = describeEvent(event, state);
      rows.push(described.row);
      figures.push(...described.figures);
    }
    await saveAuditBatch(manager, rows, figures, state);
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query(`TRUNCATE ${AUDIT_TRAIL_TABLES.join(', ')}`);
  }
}
