import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@kinerja/event-store';
import { copyNumber as n, copyText as s, CopyWriter, EncodedLines } from '../shared/copy-rows';
import type { AuditTrailState } from './audit-trail.state';
import { saveState, type TableName } from './audit-trail.store';
import type { AuditFigureRow, AuditTrailRow } from './audit-trail.types';
import { describeEvent } from './describe-event';

const TRAIL_COLUMNS = [
  'satker_code', 'tenant_sequence', 'event_id', 'stream_id', 'stream_version', 'event_type', 'recorded_at',
  'actor_id', 'actor_name', 'actor_username', 'actor_role', 'subject_kind', 'year', 'month', 'subbagian_code', 'pk_version',
  'report_revision', 'summary', 'changes', 'reason', 'correlation_id', 'causation_id', 'previous_hash', 'hash', 'occurred_at', 'loaded_by',
];

const FIGURE_COLUMNS = ['satker_code', 'indicator_code', 'year', 'month', 'tenant_sequence', 'stream_id', 'field', 'value_before', 'value_after'];

/**
 * One audit_trail row in COPY text format, fields in the order of TRAIL_COLUMNS. The event id
 * (a uuid column) and the time (ISO 8601) need no escaping; the hashes do (a tampered row may hold anything).
 * Fields are joined from an array: the line comes out as one flat string, where a template would
 * make a rope of some fifty pieces for the collector to copy and the COPY writer to flatten.
 */
function trailLine(r: AuditTrailRow): string {
  return [
    s(r.satker), r.tenantSequence, r.eventId, s(r.streamId), r.streamVersion, s(r.eventType), r.recordedAt.toISOString(),
    s(r.actorId), s(r.actorName), s(r.actorUsername), s(r.actorRole), r.subjectKind, n(r.year), n(r.month),
    s(r.subbagian), n(r.pkVersion), n(r.reportRevision), s(r.summary), s(JSON.stringify(r.changes)), s(r.reason),
    s(r.correlationId), s(r.causationId), s(r.previousHash), s(r.hash), s(r.occurredAt?.toISOString()), `${s(r.loadedBy)}\n`,
  ].join('\t');
}

function figureLine(f: AuditFigureRow): string {
  return [s(f.satker), s(f.indicatorCode), f.year, f.month, f.tenantSequence, s(f.streamId), s(f.field), s(f.before), `${s(f.after)}\n`].join('\t');
}

/**
 * The rebuild's way to write a batch: rows of fresh shadow tables, each event applied exactly once
 * (the rebuild reads strictly after its last batch, and a failed rebuild starts over on new shadow
 * tables), so `COPY` replaces the live path's `INSERT … ON CONFLICT DO NOTHING`. The server inserts
 * the first rows while the later events are still being described.
 */
export async function copyAuditBatch(manager: EntityManager, events: readonly RecordedEvent[], state: AuditTrailState, t: TableName): Promise<void> {
  const trail = await CopyWriter.open(manager, t('audit_trail'), TRAIL_COLUMNS);
  const figures = new EncodedLines();
  for (const event of events) {
    const described = describeEvent(event, state);
    trail.line(trailLine(described.row));
    for (const f of described.figures) figures.line(figureLine(f));
    if (trail.full) await trail.flush();
  }
  await trail.end();
  const figureChunks = figures.take();
  if (figureChunks.length > 0) {
    const figureCopy = await CopyWriter.open(manager, t('audit_trail_figure'), FIGURE_COLUMNS);
    await figureCopy.writeChunks(figureChunks);
    await figureCopy.end();
  }
  await saveState(manager, state, t);
}
