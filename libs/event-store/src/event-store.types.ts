// The contract every other library codes against. The implementation lives beside this file.
import type { EntityManager } from 'typeorm';
import type { Checkpoint } from './checkpoint';

/** An event as the domain produces it: a tagged union member. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  /** Defaults to the current schema version of `type` (1 unless an upcaster says otherwise). */
  schemaVersion?: number;
  /** A UUID chosen by the caller (e.g. from the command); generated when absent. */
  eventId?: string;
}

/** Who and what caused an append. Stored in the envelope of every event it appends. */
export interface EventMetadata {
  /** The office (satker) code: the tenant that owns the stream and its integrity chain. */
  tenantId: string;
  actorId: string;
  actorRole: string;
  correlationId: string;
  causationId?: string | null;
  clientAddress?: string | null;
  userAgent?: string | null;
  /**
   * The program that recorded the event on the actor's behalf (`seed:demo`, which loads the demo
   * office's history as its people), when it was not the actor at work. Absent otherwise: hashed with
   * the envelope only when set, so the events recorded without it keep their hashes.
   */
  loadedBy?: string | null;
  /** Unique per command in the database: a retried command appends nothing and returns the first result. */
  idempotencyKey?: string | null;
  /**
   * With `idempotencyKey`: the fingerprint of the request (`requestFingerprint()`), stored with the
   * key. An append whose key was first used with another fingerprint is refused
   * (`IdempotencyKeyReusedError`) instead of replayed. Absent or null: not compared.
   */
  requestFingerprint?: string | null;
}

/** `-1` (or 'no-stream') means the stream must not exist yet; `'any'` skips the check. */
export type ExpectedVersion = number | 'no-stream' | 'any';

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  eventId: string;
  streamId: string;
  streamVersion: number;
  tenantId: string;
  /** The tenant's chain sequence (1, 2, 3 … per tenant). */
  tenantSequence: number;
  /** Position in the global log (bigint as string-safe number). */
  globalPosition: string;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: Omit<EventMetadata, 'tenantId' | 'idempotencyKey' | 'requestFingerprint'>;
  recordedAt: Date;
  previousHash: string;
  hash: string;
}

export interface AppendResult {
  streamId: string;
  /** Stream version after the append (the version of the last event appended). */
  nextExpectedVersion: number;
  events: RecordedEvent[];
  /** True when the idempotency key had been seen: nothing was appended, the first result is returned. */
  replayed: boolean;
}

export type BrokenLinkKind = 'modified' | 'deleted' | 'inserted' | 'reordered';

export type VerifyResult =
  | { intact: true; tenantId: string; head: { sequence: number; hash: string; count: number } }
  | {
      intact: false;
      tenantId: string;
      brokenLink: { sequence: number; eventId: string | null; kind: BrokenLinkKind; detail: string };
    };

export interface AppendOptions {
  /** Append inside the caller's transaction (e.g. with outbox rows); otherwise one of its own. */
  manager?: EntityManager;
}

export interface ReadStreamOptions {
  /** Only needed when two offices could use the same stream id; routes the query to one tenant. */
  tenantId?: string;
  /** Inclusive. */
  toVersion?: number;
  /** Events recorded at or before this instant. */
  asOf?: Date;
}

export interface ReadAllOptions {
  /** Exclusive: events after this checkpoint. Defaults to the start of the log. */
  after?: Checkpoint | string | null;
  /** At most this many events (default 500). */
  limit?: number;
}

/** An event read from the global log, with the checkpoint to save once it is handled. */
export type GlobalEvent = RecordedEvent & { checkpoint: Checkpoint };

export interface ReadAllResult {
  events: GlobalEvent[];
  /** The checkpoint after the last event returned (the `after` given when none was). */
  checkpoint: Checkpoint;
}

export interface ReadTenantEventsOptions {
  /** Inclusive, default 1. */
  fromSequence?: number;
  /** Default 1000. */
  limit?: number;
}

/** The end of a tenant's chain: what a signed digest commits to. Sequence 0 and 64 zeros when empty. */
export interface ChainHead {
  sequence: number;
  hash: string;
}
