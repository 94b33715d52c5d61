import { DataSource } from 'typeorm';
import { requestFingerprint, type CommandOptions } from '@kinerja/event-store';
import { auditSummaryOf } from '@kinerja/projections/audit-trail/audit-summary';

/**
 * What seed:demo wrote, told apart from what anybody else wrote, so that it never acts on a living
 * office:
 * - every workflow command of the seed carries the Idempotency-Key `seed-demo:<stream>:<version>`
 *   (scoped, like every key, to the demo user it acts as), the version being the number of events the
 *   seed itself wrote on that stream before, as the expected version. The key is stored with the
 *   fingerprint of the request `seed:demo {stream, version}`, which no HTTP request can have (theirs is
 *   `<METHOD> <route>` and its payload): a client sending the same key is not taken for the seed;
 * - offices, subbagian and users are created as the system actor `seed-demo`, which is no person.
 * An event is the seed's when its append's key and fingerprint are the seed's for that stream and
 * version. A killed seed, run again, finds its own events, and a retried step replays instead of
 * appending twice.
 */
export const SEED_ACTOR_ID = 'seed-demo';

const SEED_COMMAND = 'seed:demo';

export function seedStepKey(streamId: string, version: number): string {
  return `${SEED_ACTOR_ID}:${streamId}:${version}`;
}

export function seedStepFingerprint(streamId: string, version: number): string {
  return requestFingerprint(SEED_COMMAND, { stream: streamId, version });
}

/** How the events say who recorded them for the demo's people (EventMetadata.loadedBy); the audit trail shows it. */
export const SEED_LOADED_BY = 'seed:demo';

/**
 * The options of the seed's command on `streamId` when the seed has written `version` events there.
 * Its events are recorded as the demo's people (the Ketua approves the PK) but marked as loaded by
 * the seed, so the audit trail does not present them as the people's own acts at the time they were loaded.
 */
export function seedStepOptions(streamId: string, version: number): CommandOptions {
  return {
    idempotencyKey: seedStepKey(streamId, version), requestFingerprint: seedStepFingerprint(streamId, version), expectedVersion: version,
    loadedBy: SEED_LOADED_BY,
  };
}

/** An event of the office that seed:demo did not write. */
export interface ForeignEvent {
  streamId: string;
  version: number;
  /** Its place in the office's chain (how the audit trail finds it). */
  tenantSequence: number;
  type: string;
  recordedAt: Date;
  /** Written by a person (an account of `users`), not by the system. */
  byPerson: boolean;
}

export interface OfficeLedger {
  /** Events per stream. */
  versions: Map<string, number>;
  /** Each stream's first event that the seed did not write. */
  foreign: Map<string, ForeignEvent>;
  /** The latest event a person wrote in the office outside the seed; null while nobody has. */
  latestPersonAct: ForeignEvent | null;
}

interface LedgerRow {
  tenant_sequence: string;
  stream_id: string;
  stream_version: number;
  type: string;
  recorded_at: Date;
  actor_id: string | null;
  by_person: boolean;
  idempotency_key: string | null;
  first_version: number | null;
  request_fingerprint: string | null;
}

/** Every event of the office with who wrote it: the seed, a person or the system. */
export async function readOfficeLedger(dataSource: DataSource, tenant: string): Promise<OfficeLedger> {
  const rows: LedgerRow[] = await dataSource.query(
    `SELECT e.tenant_sequence, e.stream_id, e.stream_version, e.type, e.recorded_at, e.metadata->>'actorId' AS actor_id,
            EXISTS (SELECT 1 FROM users u WHERE u.id::text = e.metadata->>'actorId') AS by_person,
            k.idempotency_key, k.first_version, k.request_fingerprint
       FROM events e
       LEFT JOIN event_idempotency_keys k
         ON k.tenant_id = e.tenant_id AND k.stream_id = e.stream_id
        AND e.stream_version BETWEEN k.first_version AND k.last_version
      WHERE e.tenant_id = $1
      ORDER BY e.tenant_sequence`,
    [tenant],
  );
  const ledger: OfficeLedger = { versions: new Map(), foreign: new Map(), latestPersonAct: null };
  for (const row of rows) {
    const version = Number(row.stream_version);
    ledger.versions.set(row.stream_id, Math.max(ledger.versions.get(row.stream_id) ?? 0, version + 1));
    const first = row.first_version === null ? null : Number(row.first_version);
    const bySeed =
      first !== null &&
      row.idempotency_key === `${row.actor_id}:${seedStepKey(row.stream_id, first)}` &&
      row.request_fingerprint === seedStepFingerprint(row.stream_id, first);
    if (bySeed) continue;
    const event: ForeignEvent = { streamId: row.stream_id, version, tenantSequence: Number(row.tenant_sequence), type: row.type, recordedAt: new Date(row.recorded_at), byPerson: row.by_person };
    if (!ledger.foreign.has(row.stream_id)) ledger.foreign.set(row.stream_id, event);
    if (event.byPerson) ledger.latestPersonAct = event;
  }
  return ledger;
}

/**
 * An event the seed did not write, as the audit trail tells it ("Sekretaris Demo: Membuka PK
 * Perubahan 2026 …"), for the seed's messages: the operator reads what happened, not a type name.
 */
export async function foreignEventWords(dataSource: DataSource, tenant: string, event: ForeignEvent): Promise<string> {
  const told = await auditSummaryOf(dataSource, tenant, event.tenantSequence);
  if (!told) return `peristiwa urutan ${event.tenantSequence}`;
  const summary = told.summary.replace(/\.$/, '');
  return told.actorName ? `${told.actorName}: ${summary}` : summary;
}
