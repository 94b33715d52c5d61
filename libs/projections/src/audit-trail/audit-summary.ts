import type { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { loadAuditState } from './audit-trail.store';
import { describeEvent } from './describe-event';

/** One event as the audit trail tells it: who, and what in words ("Membuka PK Perubahan 2026 …"). */
export interface AuditSummary {
  actorName: string | null;
  summary: string;
}

/**
 * How the audit trail tells the office's event at `tenantSequence`: its row when the projection has
 * written it, otherwise the same words described now from the trail's state (which, the row not
 * written yet, is still the state before the event) and, for a person the trail has not named yet,
 * the account's name. Null when the office has no such event.
 * For messages that name an event to a person, who must never read a type such as `PkRevisionOpened`.
 */
export async function auditSummaryOf(dataSource: DataSource, satker: string, tenantSequence: number): Promise<AuditSummary | null> {
  const [row]: Array<{ actor_name: string | null; summary: string }> = await dataSource.query(
    'SELECT actor_name, summary FROM audit_trail WHERE satker_code = $1 AND tenant_sequence = $2',
    [satker, tenantSequence],
  );
  if (row) return { actorName: row.actor_name, summary: row.summary };
  const [event] = await new EventStore(dataSource).readTenantEvents(satker, { fromSequence: tenantSequence, limit: 1 });
  if (!event || event.tenantSequence !== tenantSequence) return null;
  const state = await loadAuditState(dataSource.manager, [event], (name) => name);
  const described = describeEvent(event, state).row;
  // The trail learns names from the identity events it has projected; until then, the account's name now.
  const [user]: Array<{ full_name: string }> = described.actorName !== null ? [] : await dataSource.query(
    'SELECT full_name FROM users WHERE id::text = $1', [event.metadata.actorId],
  );
  return { actorName: described.actorName ?? user?.full_name ?? null, summary: described.summary };
}
