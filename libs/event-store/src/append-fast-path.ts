import type { Pool, QueryResult } from 'pg';
import type { DataSource } from 'typeorm';
import type { PreparedEvent } from './append-input';
import type { EnvelopeMetadata } from './event-envelope';

export interface FastAppendInput {
  tenantId: string;
  streamId: string;
  expected: number;
  idempotencyKey: string | null;
  metadata: EnvelopeMetadata;
  event: PreparedEvent;
}

/** The parameters of one fast append, in the column order of the batch statement (append-batch.ts). */
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
