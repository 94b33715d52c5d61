import type { RecordedEvent } from '@kinerja/event-store';
import type { AuditTrailState } from './audit-trail.state';
import type { AuditFigureRow, AuditTrailRow } from './audit-trail.types';
import { describeCapaianTahunLalu } from './describe-capaian-tahun-lalu';
import { CATATAN_REVIU_TYPES, describeCatatanReviu } from './describe-catatan-reviu';
import { describeIdentity, IDENTITY_TYPES } from './describe-identity';
import { describeIntegrity } from './describe-integrity';
import { describeLkj, LKJ_TYPES } from './describe-lkj';
import { describePk, PK_TYPES } from './describe-pk';
import { describeRatingScale } from './describe-rating-scale';
import { describeRealisasi, REALISASI_TYPES } from './describe-realisasi';
import { describeReminder } from './describe-reminder';
import { describeReportDeadline } from './describe-report-deadline';
import type { Description, Describer } from './describe.types';
import { statedTimeOf } from './stated-time';

const DESCRIBERS: Describer[] = [
  describePk, describeRealisasi, describeCatatanReviu, describeIdentity, describeRatingScale, describeIntegrity,
  describeCapaianTahunLalu, describeLkj, describeReminder, describeReportDeadline,
];

/** Every event type the trail has words for (a spec holds it against every event union of the code base). */
export const DESCRIBED_EVENT_TYPES: ReadonlySet<string> = new Set([
  ...PK_TYPES, ...REALISASI_TYPES, ...CATATAN_REVIU_TYPES, ...IDENTITY_TYPES, ...LKJ_TYPES,
  'RatingScaleSet', 'IntegrityAlertResolved', 'CapaianTahunLaluImported', 'ReminderSent', 'ReportDeadlineExtended',
]);

/** An event of a type this code does not know yet (every type recorded today has words) still appears, by its type. */
function generic(event: RecordedEvent): Description {
  return { subjectKind: 'LAINNYA', summary: `Peristiwa ${event.type} tercatat pada ${event.streamId}.` };
}

/** How the trail names Kinerja itself: its jobs (reminders, LKj) and the bootstrap of the first office. */
export const SYSTEM_ACTOR_NAME = 'Sistem Kinerja';

/** The actor `seed:demo` records for the offices, subbagian and users it creates (no account of `users`). */
const SEED_DEMO_ACTOR = { id: 'seed-demo', fullName: 'Seed demo', username: 'seed-demo' };

/** The id the seed's import of last year's capaian was recorded under before it recorded itself as `seed-demo`: the seed too. */
const EARLIER_SEED_ACTOR_ID = 'system:seed';

/**
 * Who acted when no person did: Kinerja (role SYSTEM, ids `system` and `system:<job>`) or the
 * demo seed, as it records itself; null for a person (named by the identity events).
 */
function nonPersonActor(actorId: string, actorRole: string): { fullName: string; username: string | null } | null {
  if (actorId === SEED_DEMO_ACTOR.id || actorId === EARLIER_SEED_ACTOR_ID) return { fullName: SEED_DEMO_ACTOR.fullName, username: SEED_DEMO_ACTOR.username };
  const system = actorRole === 'SYSTEM' || actorId === 'system' || actorId.startsWith('system:');
  return system ? { fullName: SYSTEM_ACTOR_NAME, username: null } : null;
}

/**
 * One event in words, and the figures it touched. Pure apart from `state`, which it reads and
 * updates in memory (names, indicators, last saved values); the projection persists it.
 */
export function describeEvent(event: RecordedEvent, state: AuditTrailState): { row: AuditTrailRow; figures: AuditFigureRow[] } {
  let description: Description | null = null;
  for (const describer of DESCRIBERS) {
    description = describer(event, state);
    if (description) break;
  }
  const d = description ?? generic(event);
  const meta = event.metadata;
  const actor = state.actor(meta.actorId) ?? nonPersonActor(meta.actorId, meta.actorRole);
  const row: AuditTrailRow = {
    satker: event.tenantId,
    tenantSequence: event.tenantSequence,
    eventId: event.eventId,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    eventType: event.type,
    recordedAt: event.recordedAt,
    occurredAt: statedTimeOf(event),
    actorId: meta.actorId,
    actorName: actor?.fullName ?? null,
    actorUsername: actor?.username ?? null,
    actorRole: meta.actorRole,
    loadedBy: meta.loadedBy ?? null,
    subjectKind: d.subjectKind,
    year: d.year ?? null,
    month: d.month ?? null,
    subbagian: d.subbagian ?? null,
    pkVersion: d.pkVersion ?? null,
    reportRevision: d.reportRevision ?? null,
    summary: d.summary,
    changes: d.changes ?? [],
    reason: d.reason ?? null,
    correlationId: meta.correlationId ?? null,
    causationId: meta.causationId ?? null,
    previousHash: event.previousHash,
    hash: event.hash,
  };
  const figures = (d.figures ?? []).filter(() => d.year != null).map((f): AuditFigureRow => ({
    satker: event.tenantId, indicatorCode: f.indicatorCode, year: d.year as number, month: f.month,
    tenantSequence: event.tenantSequence, streamId: event.streamId, field: f.field, before: f.before, after: f.after,
  }));
  return { row, figures };
}
