import type { DataSource, EntityManager } from 'typeorm';
import type { GlobalEvent } from '@kinerja/event-store';
import { CATATAN_REVIU_EVENT_TYPES, type CatatanReviuEvent } from '@kinerja/domain/catatan-reviu/catatan-reviu.events';
import { personRefOf, personRefs } from '@kinerja/identity/users/person-ref';
import { type Projection, type ProjectionContext, truncateTables } from '../runner/projection';

const TABLE = 'catatan_reviu';
const TYPES = new Set<string>(CATATAN_REVIU_EVENT_TYPES);

/**
 * The list of review notes per office (status, what it is about, every tindak lanjut), for the
 * Inspektorat's and the Sekretaris's lists. Notes are few: one statement per event is enough.
 */
export class CatatanReviuListProjection implements Projection {
  readonly name = 'catatan-reviu';
  readonly version = 1;
  readonly tables = [TABLE] as const;

  async apply(events: readonly GlobalEvent[], manager: EntityManager, context: ProjectionContext): Promise<void> {
    const table = context.table(TABLE);
    for (const event of events) {
      if (!TYPES.has(event.type)) continue;
      await applyOne(manager, table, event, event as unknown as CatatanReviuEvent);
    }
  }

  reset(manager: EntityManager, context: ProjectionContext): Promise<void> {
    return truncateTables(this, manager, context);
  }
}

async function applyOne(manager: EntityManager, table: string, envelope: GlobalEvent, event: CatatanReviuEvent): Promise<void> {
  const key = [envelope.tenantId, event.data.noteId];
  const version = envelope.streamVersion + 1;
  switch (event.type) {
    case 'CatatanReviuWritten': {
      const d = event.data;
      const t = d.target;
      await manager.query(
        `INSERT INTO ${table} (satker_code, note_id, category, status, target, year, month, subbagian_code, indicator_code, title,
           description, recommendation, written_by, written_at, version, updated_at)
         VALUES ($1, $2, $3, 'OPEN', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $13) ON CONFLICT DO NOTHING`,
        [...key, d.category, JSON.stringify(t), t.year, t.kind === 'YEAR' ? null : t.month, t.kind === 'REPORT' ? t.subbagian : null,
          t.kind === 'INDICATOR' ? t.indicatorCode : null, d.title, d.description, d.recommendation, d.writtenBy, d.writtenAt, version],
      );
      return;
    }
    case 'TindakLanjutSubmitted': {
      const { number, response, submittedBy, submittedAt } = event.data;
      await manager.query(
        `UPDATE ${table} SET status = 'ANSWERED', tindak_lanjut = tindak_lanjut || $3::jsonb, version = $4, updated_at = $5
          WHERE satker_code = $1 AND note_id = $2`,
        [...key, JSON.stringify([{ number, response, submittedBy, submittedAt }]), version, submittedAt],
      );
      return;
    }
    case 'CatatanReviuClosed':
      await manager.query(
        `UPDATE ${table} SET status = 'CLOSED', closed_at = $3, conclusion = $4, version = $5, updated_at = $3 WHERE satker_code = $1 AND note_id = $2`,
        [...key, event.data.closedAt, event.data.conclusion, version],
      );
      return;
    case 'CatatanReviuReopened':
      await manager.query(
        `UPDATE ${table} SET status = 'OPEN', closed_at = NULL, conclusion = NULL, version = $3, updated_at = $4,
           history = history || $5::jsonb WHERE satker_code = $1 AND note_id = $2`,
        [...key, version, event.data.reopenedAt, JSON.stringify([{ reopenedAt: event.data.reopenedAt, reason: event.data.reason, by: event.data.reopenedBy }])],
      );
      return;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export interface CatatanReviuListFilter {
  satker: string;
  year?: number;
  status?: string;
  category?: string;
}

/** Reads the list (newest first), each author named (`writtenByUser`). Not logged: reads are not events. */
export async function listCatatanReviu(dataSource: DataSource, filter: CatatanReviuListFilter) {
  const params: unknown[] = [filter.satker];
  let where = 'satker_code = $1';
  if (filter.year !== undefined) where += ` AND year = $${params.push(filter.year)}`;
  if (filter.status) where += ` AND status = $${params.push(filter.status)}`;
  if (filter.category) where += ` AND category = $${params.push(filter.category)}`;
  const rows = await dataSource.query(
    `SELECT note_id, category, status, target, title, recommendation, written_by, written_at, tindak_lanjut, closed_at, version
       FROM ${TABLE} WHERE ${where} ORDER BY written_at DESC, note_id LIMIT 1000`,
    params,
  ) as Array<Record<string, unknown>>;
  const people = await personRefs(dataSource, rows.map((r) => r.written_by as string));
  return rows.map((r) => ({
    noteId: r.note_id, category: r.category, status: r.status, target: r.target, title: r.title, recommendation: r.recommendation,
    writtenBy: r.written_by, writtenByUser: personRefOf(people, r.written_by as string), writtenAt: new Date(r.written_at as string).toISOString(),
    tindakLanjutCount: (r.tindak_lanjut as unknown[]).length, closedAt: r.closed_at ? new Date(r.closed_at as string).toISOString() : null,
    version: r.version,
  }));
}
