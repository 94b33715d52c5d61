import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  foldEvents, lkjDecider, lkjStreamId, perjanjianKinerjaDecider, pkInForce, pkStreamId,
  type LkjCommand, type LkjEvent, type LkjState, type PkEvent,
} from '@kinerja/domain';
import type { EventMetadata, EventStore } from '@kinerja/event-store';

export interface LoadedLkj {
  satker: string;
  year: number;
  state: LkjState;
  /** Events in the stream (0 before the first). */
  count: number;
  /** The `LkjRequested` event of each version, so that what follows from it names it as its cause. */
  requests?: ReadonlyMap<number, { eventId: string; correlationId: string }>;
}

function requestsOf(events: ReadonlyArray<{ type: string; eventId: string; data: unknown; metadata: { correlationId: string } }>) {
  const requests = new Map<number, { eventId: string; correlationId: string }>();
  for (const e of events) {
    if (e.type === 'LkjRequested') requests.set((e.data as { version: number }).version, { eventId: e.eventId, correlationId: e.metadata.correlationId });
  }
  return requests;
}

/** Who appends when nobody asked: the process manager and the job. */
export const SYSTEM_ACTOR = { userId: 'system:lkj', role: 'SEKRETARIS', subbagian: null } as const;

export function systemMetadata(satker: string, idempotencyKey: string | null, causationId: string | null = null, correlationId?: string): EventMetadata {
  return {
    tenantId: satker,
    actorId: SYSTEM_ACTOR.userId,
    actorRole: 'SYSTEM',
    correlationId: correlationId ?? randomUUID(),
    causationId,
    idempotencyKey,
  };
}

/** Reads and appends the `lkj:<satker>:<year>` stream through its decider, with optimistic concurrency. */
export class LkjStreams {
  constructor(private readonly store: EventStore) {}

  /** Pass the transaction's `manager` when loading inside one (PGlite has a single session). */
  async load(satker: string, year: number, manager?: EntityManager): Promise<LoadedLkj> {
    const events = await this.store.readStream(lkjStreamId(satker, year), { tenantId: satker }, manager);
    return { satker, year, state: foldEvents(lkjDecider, events as unknown as LkjEvent[]), count: events.length, requests: requestsOf(events) };
  }

  /** Holds the office until `manager`'s transaction ends: none of its appends commits meanwhile (EventStore.holdTenant). */
  async hold(satker: string, manager: EntityManager): Promise<void> {
    await this.store.holdTenant(satker, manager);
  }

  /** Is a PK of the year approved (in force)? Read from its stream, in `manager`'s transaction when given. */
  async pkApproved(satker: string, year: number, manager?: EntityManager): Promise<boolean> {
    const events = await this.store.readStream(pkStreamId(satker, year), { tenantId: satker }, manager);
    return pkInForce(foldEvents(perjanjianKinerjaDecider, events as unknown as PkEvent[])) !== null;
  }

  /**
   * A request with an idempotency key that was already used: the stream as it stood right after
   * the key's first append, and that append's events (answer as then, append nothing). Null for a
   * new key; IDEMPOTENCY.KEY_REUSED when the key was first used for another stream or request.
   */
  async firstAppendOf(satker: string, year: number, key: string, requestFingerprint: string | null): Promise<{ loaded: LoadedLkj; events: LkjEvent[] } | null> {
    const streamId = lkjStreamId(satker, year);
    const first = await this.store.firstAppendOf(satker, key, { streamId, requestFingerprint });
    if (first === null) return null;
    const events = (await this.store.readStream(streamId, { tenantId: satker, toVersion: first.lastVersion })) as unknown as LkjEvent[];
    return {
      loaded: { satker, year, state: foldEvents(lkjDecider, events), count: events.length },
      events: events.slice(first.firstVersion),
    };
  }

  /** Decides on `loaded`, appends what it decided (in `manager`'s transaction when given) and returns the new state. */
  async decide(
    loaded: LoadedLkj,
    command: LkjCommand,
    metadata: EventMetadata,
    manager?: EntityManager,
  ): Promise<{ loaded: LoadedLkj; events: LkjEvent[]; replayed: boolean }> {
    const events = lkjDecider.decide(command, loaded.state);
    if (events.length === 0) return { loaded, events, replayed: false };
    const expected = loaded.count === 0 ? 'no-stream' : loaded.count - 1;
    const result = await this.store.append(lkjStreamId(loaded.satker, loaded.year), expected, events, metadata, { manager });
    if (result.replayed) return { loaded, events: [], replayed: true };
    const state = events.reduce((s, e) => lkjDecider.evolve(s, e), loaded.state);
    return { loaded: { ...loaded, state, count: loaded.count + events.length }, events, replayed: false };
  }
}
