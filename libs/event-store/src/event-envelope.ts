import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/** previous hash of a tenant's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The metadata every event carries (the idempotency key is kept apart: it names a command). */
export interface EnvelopeMetadata {
  actorId: string;
  actorRole: string;
  correlationId: string;
  causationId: string | null;
  clientAddress: string | null;
  userAgent: string | null;
  /** Only when a program recorded the event on the actor's behalf (EventMetadata.loadedBy); never null. */
  loadedBy?: string;
}

/**
 * What the chain hashes: SHA-256 over `canonicalize(envelope)` (RFC 8785). The previous hash is a
 * field of the envelope, so each hash covers its predecessor. recordedAt is ISO 8601 UTC with
 * milliseconds, exactly as `Date.prototype.toISOString()` prints it.
 */
export interface ChainEnvelope {
  eventId: string;
  streamId: string;
  streamVersion: number;
  tenantId: string;
  tenantSequence: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EnvelopeMetadata;
  recordedAt: string;
  previousHash: string;
}

/** Fields only the database knows at append time, in RFC 8785 key order (UTF-16 code units). */
export const DATABASE_FIELDS = ['previousHash', 'recordedAt', 'streamVersion', 'tenantSequence'] as const;
type DatabaseField = (typeof DATABASE_FIELDS)[number];
export type KnownEnvelopeFields = Omit<ChainEnvelope, DatabaseField>;

export function hashEnvelope(envelope: ChainEnvelope): string {
  return sha256Hex(canonicalize(envelope));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The canonical text of an envelope cut around the database fields: `segments[0] + previousHash
 * (as a JSON string) + segments[1] + recordedAt (JSON string) + segments[2] + streamVersion +
 * segments[3] + tenantSequence + segments[4]` equals `canonicalize(envelope)`. The append function
 * splices the values in SQL (see the event-store migration); envelope-segments.spec.ts proves the
 * equality.
 */
export function envelopeSegments(known: KnownEnvelopeFields): string[] {
  const values: Record<string, unknown> = { ...known };
  const keys = [...Object.keys(values), ...DATABASE_FIELDS].sort();
  const segments: string[] = [];
  let current = '{';
  keys.forEach((key, index) => {
    if (index > 0) current += ',';
    current += `${JSON.stringify(key)}:`;
    if ((DATABASE_FIELDS as readonly string[]).includes(key)) {
      segments.push(current);
      current = '';
    } else {
      current += canonicalize(values[key]);
    }
  });
  segments.push(`${current}}`);
  return segments;
}

/** The splice the append function performs, in JS (used by tests and the benchmark's checks). */
export function spliceSegments(segments: string[], fields: Pick<ChainEnvelope, DatabaseField>): string {
  return (
    segments[0] + JSON.stringify(fields.previousHash) +
    segments[1] + JSON.stringify(fields.recordedAt) +
    segments[2] + String(fields.streamVersion) +
    segments[3] + String(fields.tenantSequence) +
    segments[4]
  );
}

/**
 * Data as JSONB will give it back: JSON has no undefined, Date or class instances. Canonicalising
 * the normalised value is what keeps the hash of the stored row equal to the hash at append.
 */
export function normaliseJson<T>(value: T): T {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('event data must be JSON');
  return JSON.parse(text) as T;
}
