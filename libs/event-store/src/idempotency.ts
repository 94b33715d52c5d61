import { canonicalize } from 'json-canonicalize';
import { DomainError } from '@kinerja/domain';
import { normaliseJson, sha256Hex } from './event-envelope';

/**
 * Idempotency keys, as every command path uses them (the workflow's AggregateRunner, the identity
 * unit of work, the LKj and last year's capaian):
 * - a key belongs to the person who sent it (`actorScopedKey`): two users never replay each other;
 * - a key names ONE request: the first use records, with the key, the fingerprint of the request it
 *   came with (`requestFingerprint`: the command and its canonical payload). The same key with the
 *   same command and payload is a retry: it gets the first answer and appends nothing. The same key
 *   with another command, another stream or another payload is refused with
 *   `IdempotencyKeyReusedError` (422), and nothing is appended — as Stripe and the IETF
 *   Idempotency-Key draft do, instead of answering a request that never ran.
 * - keys recorded before fingerprints were kept (fingerprint null) still replay, on their stream.
 */

/** A key of one person (scoped to them), at most this long as the client sends it. */
export const CLIENT_KEY_MAX_LENGTH = 120;

/**
 * `<actor>:<key>`, or null without a key; refuses a key that is empty (a client that sent the header
 * meant its retry to be safe: an empty key read as none would make it a second command), too long or
 * not printable ASCII.
 */
export function actorScopedKey(actorId: string, key: string | null | undefined): string | null {
  if (key === undefined || key === null) return null;
  if (key.length > CLIENT_KEY_MAX_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw new DomainError(
      'IDEMPOTENCY.INVALID_KEY',
      `Idempotency-Key harus 1–${CLIENT_KEY_MAX_LENGTH} karakter ASCII tanpa spasi (mis. sebuah UUID); kirim ulang dengan kunci seperti itu, atau tanpa header Idempotency-Key.`,
      'validation',
    );
  }
  return `${actorId}:${key}`;
}

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of `{ command, payload }`: equal for equal requests
 * whatever the order of their keys or their whitespace, different as soon as a value, the command
 * or the target differs. `payload` is taken as JSON gives it (undefined fields dropped).
 */
export function requestFingerprint(command: string, payload: unknown): string {
  return sha256Hex(canonicalize({ command, payload: payload === undefined ? null : normaliseJson(payload) }));
}

/**
 * What a client adds to a command for safe retries and optimistic concurrency, on every command path:
 * - `idempotencyKey`: the `Idempotency-Key` header; a replay returns the first answer, appends nothing;
 * - `requestFingerprint`: what identifies the request the key came with (`requestFingerprint()`;
 *   the HTTP edge takes the route and the canonical payload). The key sent again with another
 *   fingerprint is refused (422 IDEMPOTENCY.KEY_REUSED); absent: not compared;
 * - `expectedVersion`: from `If-Match: "<version>"` or the body; a stale one is refused with 409.
 */
export interface CommandOptions {
  idempotencyKey?: string | null;
  requestFingerprint?: string | null;
  expectedVersion?: number | null;
  /** Never from a client: the program recording for the actor (`seed:demo`), kept as EventMetadata.loadedBy. */
  loadedBy?: string | null;
}

/** What the first use of a key appended (stream versions, inclusive) and the request it came with. */
export interface IdempotencyRecord {
  streamId: string;
  firstVersion: number;
  lastVersion: number;
  /** Null for keys recorded before fingerprints were kept, or by appends that gave none. */
  requestFingerprint: string | null;
}

/** The request a command with a key is: its stream and its fingerprint (null: not compared). */
export interface IdempotentRequest {
  streamId: string;
  requestFingerprint: string | null;
}

/** Is `request` a retry of the request that recorded `record`? A fingerprint missing on either side is not compared. */
export function isSameRequest(record: IdempotencyRecord, request: IdempotentRequest): boolean {
  if (record.streamId !== request.streamId) return false;
  return record.requestFingerprint === null || request.requestFingerprint === null || record.requestFingerprint === request.requestFingerprint;
}

/** The key was first used for another command or another request: nothing was appended. The HTTP edge answers 422. */
export class IdempotencyKeyReusedError extends DomainError {
  static readonly code = 'IDEMPOTENCY.KEY_REUSED';

  constructor() {
    super(
      IdempotencyKeyReusedError.code,
      'Idempotency-Key ini sudah dipakai untuk perintah lain atau dengan isi permintaan yang berbeda; perintah ini tidak dijalankan. ' +
        'Kirim ulang permintaan yang sama persis untuk mendapatkan jawaban pertama, atau gunakan kunci baru untuk setiap perintah baru.',
      'validation',
    );
    this.name = 'IdempotencyKeyReusedError';
  }
}
