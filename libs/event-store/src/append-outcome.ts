import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import { databaseNeverReached } from '@kinerja/platform';
import type { AppendRow } from './append-batch';

/**
 * What a failed append statement did. When the server answers with an ERROR, the statement's own
 * transaction was rolled back and nothing of it was written. When the answer is lost (the
 * connection dropped, the server ended the session with a FATAL error — which it may do after a
 * commit), the outcome is unknown: the events may be in the store although the caller never
 * heard so. Without a look, the store would then hand the append to the function, which reports
 * the stream as moved on (409) or, with a key, as replayed — an append acknowledged as failed that
 * in fact happened. A statement that never reached a session (connection refused, no connection
 * in time, the server turning the session away at start) wrote nothing either.
 */
export function certainlyRolledBack(error: unknown): boolean {
  return (error as { severity?: unknown } | null)?.severity === 'ERROR' || databaseNeverReached(error);
}

/** An append whose events may have been written: each event's id, chosen before the statement was sent. */
export interface SentAppend {
  tenantId: string;
  streamId: string;
  eventIds: readonly string[];
}

// Event ids are unique per office (events_event_id_key); the stream is matched as well, so an
// event id a caller chose twice for different streams is never taken for this append's event.
const WRITTEN_SQL = `
SELECT e.tenant_id AS o_tenant_id, e.event_id AS o_event_id, e.stream_version AS o_stream_version,
       e.tenant_sequence AS o_tenant_sequence, e.global_position AS o_global_position, e.recorded_at AS o_recorded_at,
       e.previous_hash AS o_previous_hash, e.hash AS o_hash, false AS o_replayed
  FROM unnest($1::text[], $2::text[], $3::uuid[]) AS s(tenant_id, stream_id, event_id)
  JOIN events e ON e.tenant_id = s.tenant_id AND e.event_id = s.event_id AND e.stream_id = s.stream_id`;

/**
 * The rows of the appends that are in the store, each append's rows in the order of its event ids; an append
 * appears with all its events or not at all (one transaction wrote them). Runs on a fresh
 * connection of the pool; rejects when the database cannot be asked.
 */
export async function writtenAppends(pool: Pool, appends: readonly SentAppend[]): Promise<Map<SentAppend, AppendRow[]>> {
  const tenants: string[] = [];
  const streams: string[] = [];
  const ids: string[] = [];
  for (const append of appends) {
    for (const eventId of append.eventIds) {
      tenants.push(append.tenantId);
      streams.push(append.streamId);
      ids.push(eventId);
    }
  }
  const { rows } = await pool.query<AppendRow & { o_tenant_id: string }>(WRITTEN_SQL, [tenants, streams, ids]);
  const byEvent = new Map(rows.map(({ o_tenant_id, ...row }) => [`${o_tenant_id}\u0000${row.o_event_id}`, row]));
  const written = new Map<SentAppend, AppendRow[]>();
  for (const append of appends) {
    const found = append.eventIds.map((id) => byEvent.get(`${append.tenantId}\u0000${id}`));
    if (found.every((row): row is AppendRow => row !== undefined)) written.set(append, found);
  }
  return written;
}

/**
 * The waits before asking `writtenAppends` again when the database cannot answer: a lost answer
 * usually comes with a dropped connection or a restarting server, which may be back a moment later.
 */
export const LOOK_UP_RETRY_WAITS_MS = [100, 400, 1000];

/** `writtenAppends`, asked again after each of `waitsMs` while it rejects; rejects with the last error. */
export async function writtenAppendsPatiently(
  pool: Pool,
  appends: readonly SentAppend[],
  waitsMs: readonly number[] = LOOK_UP_RETRY_WAITS_MS,
): Promise<Map<SentAppend, AppendRow[]>> {
  for (const wait of waitsMs) {
    try {
      return await writtenAppends(pool, appends);
    } catch {
      await sleep(wait);
    }
  }
  return writtenAppends(pool, appends);
}
