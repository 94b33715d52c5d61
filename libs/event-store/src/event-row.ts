import { GlobalEvent, RecordedEvent } from './event-store.types';
import { UpcasterRegistry } from './upcaster.registry';

/** The columns every read selects, as `EventRow` names them. */
export const EVENT_COLUMNS = `
  e.tenant_id, e.tenant_sequence, e.stream_id, e.stream_version, e.event_id, e.type,
  e.schema_version, e.data, e.metadata, e.recorded_at, e.previous_hash, e.hash,
  e.global_position, e.transaction_id::text AS transaction_id`;

export interface EventRow {
  tenant_id: string;
  tenant_sequence: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: RecordedEvent['metadata'];
  recorded_at: Date;
  previous_hash: string;
  hash: string;
  global_position: string;
  transaction_id: string;
}

/** A stored row as code reads it: upcast to the current schema version of its type. */
export function toRecordedEvent(row: EventRow, upcasters: UpcasterRegistry): RecordedEvent {
  const current = upcasters.upcast(row.type, row.schema_version, row.data);
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    tenantId: row.tenant_id,
    tenantSequence: Number(row.tenant_sequence),
    globalPosition: String(row.global_position),
    type: row.type,
    schemaVersion: current.schemaVersion,
    data: current.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

/** One row of `EVENT_COLUMNS` read with pg's `rowMode: 'array'`: the values in the order selected. */
export type EventRowValues = [
  tenantId: string, tenantSequence: string, streamId: string, streamVersion: number, eventId: string, type: string,
  schemaVersion: number, data: unknown, metadata: RecordedEvent['metadata'], recordedAt: Date, previousHash: string,
  hash: string, globalPosition: string, transactionId: string,
];

/**
 * A row of the global log read as an array, as a `GlobalEvent`: the global read builds each event in one object,
 * without a row object and an intermediate recorded event (a rebuild holds batches of them).
 */
export function globalEventOfValues(row: EventRowValues, upcasters: UpcasterRegistry): GlobalEvent {
  const [tenantId, tenantSequence, streamId, streamVersion, eventId, type, schemaVersion, data, metadata, recordedAt, previousHash, hash, globalPosition, transactionId] = row;
  const current = upcasters.upcast(type, schemaVersion, data);
  const position = String(globalPosition);
  return {
    eventId,
    streamId,
    streamVersion,
    tenantId,
    tenantSequence: Number(tenantSequence),
    globalPosition: position,
    type,
    schemaVersion: current.schemaVersion,
    data: current.data,
    metadata,
    recordedAt,
    previousHash,
    hash,
    checkpoint: { txId: transactionId, position },
  };
}
