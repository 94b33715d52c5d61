import type { Pool, QueryResult } from 'pg';
import type { DataSource } from 'typeorm';
import type { PreparedEvent } from './append-input';
import type { EnvelopeMetadata } from './event-envelope';

/** The most events one append may carry on the fast path; longer appends go to the function. */
export const FAST_APPEND_MAX_EVENTS = 16;

export interface FastAppendInput {
  tenantId: string;
  streamId: string;
  expected: number;
  idempotencyKey: string | null;
  /** Stored with the key (null without a key). */
  requestFingerprint: string | null;
  metadata: EnvelopeMetadata;
  /** One to FAST_APPEND_MAX_EVENTS events, in stream order. */
  events: PreparedEvent[];
}

/**
 * The parameters of one event of a fast append, in the column order of the statements
 * (append-batch.ts): the append's own values, the event's, its ordinal and the append's count,
 * then the append's request fingerprint.
 */
export function fastAppendValues(input: FastAppendInput, ordinal = 0, metadataJson = JSON.stringify(input.metadata)): unknown[] {
  const event = input.events[ordinal];
  return [
    input.tenantId,
    input.streamId,
    input.expected,
    input.idempotencyKey,
    metadataJson,
    event.eventId,
    event.type,
    event.schemaVersion,
    event.dataJson,
    ...event.segments,
    ordinal,
    input.events.length,
    input.requestFingerprint,
  ];
}

/**
 * The pg pool behind a TypeORM data source when named prepared statements are safe on it (a real
 * PostgreSQL server), null on the embedded PGlite: its socket server runs every connection on one
 * session, where a statement name prepared by one connection collides with the next one's Parse.
 * Asked once per data source.
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
