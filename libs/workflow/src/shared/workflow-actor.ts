import type { Actor, Role } from '@kinerja/domain';

/** The authenticated person behind a command or query (the HTTP edge's AuthenticatedUser fits). */
export interface WorkflowActor {
  id: string;
  role: Role;
  satker: string;
  subbagian: string | null;
}

/**
 * What a client adds to a command for safe retries and optimistic concurrency:
 * - `idempotencyKey`: the `Idempotency-Key` header; a replay returns the first answer, appends nothing;
 * - `requestFingerprint`: what identifies the request the key came with (`requestFingerprint()` of
 *   @kinerja/event-store; the HTTP edge takes the route and the canonical payload). The key sent
 *   again with another fingerprint is refused (422 IDEMPOTENCY.KEY_REUSED); absent: not compared;
 * - `expectedVersion`: from `If-Match: "<version>"` or the body; a stale one is refused with 409.
 */
export interface CommandOptions {
  idempotencyKey?: string | null;
  requestFingerprint?: string | null;
  expectedVersion?: number | null;
}

export function domainActor(actor: WorkflowActor): Actor {
  return { userId: actor.id, role: actor.role, subbagian: actor.role === 'KASUBBAG' ? actor.subbagian : null };
}

/** The answer of every command: the resource after it, with the version clients send back in If-Match. */
export interface CommandOutcome<View> {
  /** Number of events in the stream: 0 before the first, then 1, 2, … */
  version: number;
  /** True when the Idempotency-Key had been seen: nothing was appended. */
  replayed: boolean;
  view: View;
}
