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
  const data = normaliseJson(event.data);
  const segments = envelopeSegments({ eventId, streamId, tenantId, type: event.type, schemaVersion, data, metadata });
  return { eventId, type: event.type, schemaVersion, data, segments };
}

export function toExpectedParameter(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'no-stream') return -1;
  if (!Number.isInteger(expected) || expected < -1) throw new Error(`invalid expected version ${String(expected)}`);
  return expected;
}

/** Unknown facts are null, never absent, so the stored JSONB and the hashed text agree. */
export function toEnvelopeMetadata(metadata: EventMetadata): EnvelopeMetadata {
  return normaliseJson({
    actorId: metadata.actorId,
    actorRole: metadata.actorRole,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId ?? null,
    clientAddress: metadata.clientAddress ?? null,
    userAgent: metadata.userAgent ?? null,
  });
}
