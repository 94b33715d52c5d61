import type { Pool, QueryResult } from 'pg';
import type { DataSource } from 'typeorm';
import type { PreparedEvent } from './append-input';
import type { EnvelopeMetadata } from './event-envelope';

/**
 * The common command — one event, a known expected version, its own transaction — as ONE named
 * prepared statement: parsed and planned once per connection instead of on every call, and no
 * plpgsql frame. It is the fast path of `event_store_append` (see the event-store migration)
 * written as a single statement; the function stays the one general path and the arbiter of
 * every case this statement does not decide:
 *
 * - no row comes back when the office has no chain head yet, the expected version is ahead of the
 *   stream, or the idempotency key was already used: nothing was written (each CTE feeds the next,
 *   so a head that is not advanced appends nothing and records no key), and the caller runs the
 *   function, which creates the head, raises the concurrency error or replays the first result;
 * - a unique violation on the idempotency key (the same command committed meanwhile) or, when a
 *   key was given, on the stream version (a concurrent retry of the same command got there first)
 *   aborts the statement as a whole, and the caller runs the function, which waits for the other
 *   writer and replays its result. Without a key a stream-version violation is a stale writer,
 *   exactly as in the function.
 *
 * The hash is spliced exactly as in the function (same segments, same text of recordedAt), so
 * `verify` cannot tell which path wrote an event; the event-store tests run both.
 *
 * Not used on the embedded PGlite: its socket server runs every connection on one session, where
 * a statement name prepared by one connection collides with the next connection's Parse.
 */
export const FAST_APPEND_STATEMENT = 'kinerja_event_store_append_one_v1';

export const FAST_APPEND_SQL = `
WITH head AS (
  UPDATE tenant_chain_heads h
     SET sequence = h.sequence + 1,
         previous_hash = h.hash,
         recorded_at = greatest(c.now, h.recorded_at),
         hash = encode(sha256(convert_to(
              $10::text || '"' || h.hash || '"'
           || $11::text || '"'
           || to_char(greatest(c.now, h.recorded_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'
           || $12::text || ($3::integer + 1)::text
           || $13::text || (h.sequence + 1)::text
           || $14::text, 'UTF8')), 'hex')
    FROM (SELECT date_trunc('milliseconds', clock_timestamp()) AS now) c
   WHERE h.tenant_id = $1::text
     AND ($3::integer < 0 OR EXISTS (
           SELECT 1 FROM events e
            WHERE e.tenant_id = $1::text AND e.stream_id = $2::text AND e.stream_version = $3::integer))
     AND ($4::text IS NULL OR NOT EXISTS (
           SELECT 1 FROM event_idempotency_keys k WHERE k.tenant_id = $1::text AND k.idempotency_key = $4::text))
  RETURNING h.sequence, h.previous_hash, h.hash, h.recorded_at
),
appended AS (
  INSERT INTO events (tenant_id, tenant_sequence, stream_id, stream_version, event_id, type,
                      schema_version, data, metadata, recorded_at, previous_hash, hash)
  SELECT $1::text, head.sequence, $2::text, $3::integer + 1, $6::uuid, $7::text, $8::integer, $9::jsonb, $5::jsonb,
         head.recorded_at, head.previous_hash, head.hash
    FROM head
  RETURNING event_id, stream_version, tenant_sequence, global_position, recorded_at, previous_hash, hash
),
keyed AS (
  INSERT INTO event_idempotency_keys (tenant_id, idempotency_key, stream_id, first_version, last_version)
  SELECT $1::text, $4::text, $2::text, a.stream_version, a.stream_version FROM appended a WHERE $4::text IS NOT NULL
)
SELECT event_id AS o_event_id, stream_version AS o_stream_version, tenant_sequence AS o_tenant_sequence,
       global_position AS o_global_position, recorded_at AS o_recorded_at, previous_hash AS o_previous_hash,
       hash AS o_hash, false AS o_replayed
  FROM appended`;

export interface FastAppendInput {
  tenantId: string;
  streamId: string;
  expected: number;
  idempotencyKey: string | null;
  metadata: EnvelopeMetadata;
  event: PreparedEvent;
}

export function fastAppendValues(input: FastAppendInput): unknown[] {
  const { event } = input;
  return [
    input.tenantId,
    input.streamId,
    input.expected,
    input.idempotencyKey,
    JSON.stringify(input.metadata),
    event.eventId,
    event.type,
    event.schemaVersion,
    event.dataJson,
    ...event.segments,
  ];
}

/** Whether a unique violation from the fast path means "let the function decide" rather than a stale writer. */
export function fastPathDefers(error: unknown, idempotencyKey: string | null): boolean {
  const { code, constraint } = error as { code?: string; constraint?: string };
  if (code !== '23505') return false;
  return constraint === 'event_idempotency_keys_pkey' || (idempotencyKey !== null && constraint === 'events_stream_version_key');
}

/**
 * The pg pool behind a TypeORM data source when named prepared statements are safe on it (a real
 * PostgreSQL server), null on the embedded PGlite. Asked once per data source.
 */
const poolOf = new WeakMap<DataSource, Promise<Pool | null>>();

export function preparedStatementPool(dataSource: DataSource): Promise<Pool | null> {
  let pool = poolOf.get(dataSource);
  if (!pool) {
    // A failed probe (database unreachable) is not remembered: the function path reports the error.
    pool = detect(dataSource).catch(() => {
      poolOf.delete(dataSource);
      return null;
    });
    poolOf.set(dataSource, pool);
  }
  return pool;
}

async function detect(dataSource: DataSource): Promise<Pool | null> {
  const master = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!master || typeof master.query !== 'function') return null;
  const rows: QueryResult<{ version: string }> = await master.query('SELECT version() AS version');
  return /PGlite/i.test(rows.rows[0]?.version ?? '') ? null : master;
}
