import { randomUUID } from 'node:crypto';
import { EnvelopeMetadata, envelopeSegments, normaliseJson } from './event-envelope';
import { EventMetadata, ExpectedVersion, NewEvent } from './event-store.types';
import { UpcasterRegistry } from './upcaster.registry';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One event as the append function takes it: its data as JSONB will store it, and its segments. */
export interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  /** `data` as JSON text, what the fast path sends for the JSONB column (serialised once). */
  dataJson: string;
  segments: string[];
}

export function prepareEvent(
  event: NewEvent,
  streamId: string,
  tenantId: string,
  metadata: EnvelopeMetadata,
  upcasters: UpcasterRegistry,
): PreparedEvent {
  const eventId = (event.eventId ?? randomUUID()).toLowerCase();
  if (!UUID.test(eventId)) throw new Error(`event id ${event.eventId} is not a UUID`);
  const schemaVersion = event.schemaVersion ?? upcasters.currentVersion(event.type);
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) throw new Error(`event ${event.type}: schema version ${String(schemaVersion)} is not a positive integer`);
  const dataJson = JSON.stringify(event.data);
  if (dataJson === undefined) throw new TypeError('event data must be JSON');
  const data: unknown = JSON.parse(dataJson); // as JSONB will give it back (normaliseJson, serialised once)
  const segments = envelopeSegments({ eventId, streamId, tenantId, type: event.type, schemaVersion, data, metadata });
  return { eventId, type: event.type, schemaVersion, data, dataJson, segments };
}

/**
 * What the store's tables accept, checked once per append before any SQL. These were CHECK
 * constraints, which PostgreSQL re-reads on every insert (see migration 1795920000000); the
 * append is the only writer of these tables, so the rule lives here. Lengths count UTF-16 code
 * units, never fewer than the characters PostgreSQL would count.
 */
export function assertAppendable(streamId: string, events: readonly NewEvent[], idempotencyKey: string | null, requestFingerprint: string | null = null): void {
  assertLength('stream id', streamId, STREAM_ID_MAX);
  for (const event of events) assertLength('event type', event.type, TYPE_MAX);
  if (idempotencyKey !== null) assertLength('idempotency key', idempotencyKey, IDEMPOTENCY_KEY_MAX);
  if (requestFingerprint !== null) assertLength('request fingerprint', requestFingerprint, REQUEST_FINGERPRINT_MAX);
}

export const STREAM_ID_MAX = 300;
export const TYPE_MAX = 200;
export const IDEMPOTENCY_KEY_MAX = 200;
export const REQUEST_FINGERPRINT_MAX = 200;

function assertLength(what: string, value: string, max: number): void {
  if (typeof value !== 'string' || value.length < 1 || value.length > max) {
    throw new Error(`${what} must be 1 to ${max} characters long, got ${typeof value === 'string' ? value.length : typeof value}`);
  }
}

export function toExpectedParameter(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'no-stream') return -1;
  if (!Number.isInteger(expected) || expected < -1) throw new Error(`invalid expected version ${String(expected)}`);
  return expected;
}

/** Unknown facts are null, never absent, so the stored JSONB and the hashed text agree. */
export function toEnvelopeMetadata(metadata: EventMetadata): EnvelopeMetadata {
  const envelope: EnvelopeMetadata = {
    actorId: metadata.actorId,
    actorRole: metadata.actorRole,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId ?? null,
    clientAddress: metadata.clientAddress ?? null,
    userAgent: metadata.userAgent ?? null,
    // Absent rather than null: an envelope without it hashes as every event recorded before it existed.
    ...(metadata.loadedBy ? { loadedBy: metadata.loadedBy } : {}),
  };
  // Text and null, the common case, is already what JSONB gives back: no JSON round trip needed.
  return Object.values(envelope).every((v) => v === null || typeof v === 'string') ? envelope : normaliseJson(envelope);
}
