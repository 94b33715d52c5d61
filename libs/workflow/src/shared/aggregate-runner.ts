import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, foldEvents, type CommandMetadata, type Decider } from '@kinerja/domain';
import { actorScopedKey, AppendOutcomeUnknownError, ConcurrencyError, EventStore, type EventMetadata, type NewEvent } from '@kinerja/event-store';
import { Clock, currentContext } from '@kinerja/platform';
import { StreamStateReader, type LoadedState, type StreamToFold } from './stream-state-reader';
import { domainActor, type CommandOptions, type WorkflowActor } from './workflow-actor';

export interface StreamTarget {
  tenant: string;
  streamId: string;
}

export interface RunResult<State> {
  state: State;
  version: number;
  replayed: boolean;
}

/**
 * The one way a command reaches a stream: idempotency check, load (read + evolve), optimistic
 * concurrency against the client's version, decide, append at the version read. Time comes from
 * the Clock, request facts (correlation id, address, user agent) from the request context.
 *
 * Idempotency: the key (scoped to the actor) is stored by the append with the request's
 * fingerprint (`options.requestFingerprint`); a retry of the same request answers as the first
 * did, the key sent with another command, stream or payload is refused (IDEMPOTENCY.KEY_REUSED,
 * see libs/event-store/src/idempotency.ts), before anything is decided and, for duplicates that
 * race, by the append itself. A duplicate that checked the key just before the first request was
 * stored meets the state after it: refused by the decider (e.g. REALISASI.ALREADY_SUBMITTED) or by
 * a stale version (EVENT_STORE.CONCURRENCY). A refusal of a command with a key therefore asks the
 * key again, and answers as the first request did when it is the same request.
 */
/** How many times a command sent without an expected version is decided when writers race. */
const UNVERSIONED_ATTEMPTS = 3;

@Injectable()
export class AggregateRunner {
  private readonly states: StreamStateReader;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.states = new StreamStateReader(dataSource, store.upcasters);
  }

  /** The stream's state now (from this process's cache plus what was appended since), or as of `toVersion`. */
  async load<S, C, E>(target: StreamTarget, decider: Decider<S, C, E>, toVersion?: number): Promise<{ state: S; version: number }> {
    if (toVersion === undefined) {
      const loaded = await this.states.load(target.tenant, [{ streamId: target.streamId, folder: decider }]);
      return loaded.get(target.streamId) as LoadedState<S>;
    }
    const events = await this.store.readStream(target.streamId, { tenantId: target.tenant, toVersion: toVersion - 1 });
    return { state: foldEvents(decider, events as unknown as E[]), version: events.length };
  }

  /** Several streams of one office, each folded by its decider, in one query. */
  loadMany(tenant: string, streams: StreamToFold[]): Promise<Map<string, LoadedState>> {
    return this.states.load(tenant, streams);
  }

  /**
   * `companions` are other streams of the same office the decision reads (e.g. the PK a report is
   * measured against): loaded in the same round trip as the command's own stream and handed to
   * `prepare`, folded, which adds what else the decision needs.
   */
  async run<S, C, E extends NewEvent, P = undefined>(
    target: StreamTarget,
    decider: Decider<S, C, E>,
    actor: WorkflowActor,
    options: CommandOptions,
    build: (metadata: CommandMetadata, state: S, prepared: P) => C,
    prepare?: (companions: Map<string, LoadedState>) => Promise<P>,
    companions: StreamToFold[] = [],
  ): Promise<RunResult<S>> {
    const key = actorScopedKey(actor.id, options.idempotencyKey);
    const requestFingerprint = options.requestFingerprint ?? null;
    const metadata = this.eventMetadata(target, actor, key, requestFingerprint, options.loadedBy ?? null);
    if (!key) return this.decideAndAppend(target, decider, actor, options, metadata, build, prepare, companions);
    const asFirst = await this.replayOf(target, decider, key, requestFingerprint);
    if (asFirst !== null) return asFirst;
    try {
      return await this.decideAndAppend(target, decider, actor, options, metadata, build, prepare, companions);
    } catch (error) {
      // A refusal (the decider's, a stale version): the same request may have been stored since the key
      // was checked, and its answer is due, not this refusal; another request under the key is
      // IDEMPOTENCY.KEY_REUSED (firstAppendOf). An unknown outcome stays one: the database did not answer.
      if (!(error instanceof DomainError) || error instanceof AppendOutcomeUnknownError) throw error;
      const stored = await this.replayOf(target, decider, key, requestFingerprint);
      if (stored === null) throw error;
      return stored;
    }
  }

  /** The stream as the key's first append left it, when `key` was used by this same request; null for a new key. */
  private async replayOf<S, C, E>(target: StreamTarget, decider: Decider<S, C, E>, key: string, requestFingerprint: string | null): Promise<RunResult<S> | null> {
    const first = await this.store.firstAppendOf(target.tenant, key, { streamId: target.streamId, requestFingerprint });
    return first === null ? null : { ...(await this.load(target, decider, first.lastVersion + 1)), replayed: true };
  }

  private async decideAndAppend<S, C, E extends NewEvent, P>(
    target: StreamTarget,
    decider: Decider<S, C, E>,
    actor: WorkflowActor,
    options: CommandOptions,
    eventMetadata: EventMetadata,
    build: (metadata: CommandMetadata, state: S, prepared: P) => C,
    prepare: ((companions: Map<string, LoadedState>) => Promise<P>) | undefined,
    companions: StreamToFold[],
    attempt = 1,
  ): Promise<RunResult<S>> {
    const streams = await this.states.load(target.tenant, [{ streamId: target.streamId, folder: decider }, ...companions]);
    const { state, version } = streams.get(target.streamId) as LoadedState<S>;
    const prepared = prepare ? await prepare(streams) : (undefined as P);
    const expected = options.expectedVersion;
    if (expected !== undefined && expected !== null && expected !== version) {
      throw new ConcurrencyError(target.streamId, expected, version);
    }
    const metadata: CommandMetadata = { actor: domainActor(actor), now: this.clock.now().toISOString(), ...(eventMetadata.idempotencyKey ? { recordUnchanged: true } : {}) };
    const events = decider.decide(build(metadata, state, prepared), state);
    if (events.length === 0) return { state, version, replayed: false };
    let appended;
    try {
      appended = await this.store.append(target.streamId, version === 0 ? 'no-stream' : version - 1, events, eventMetadata);
    } catch (error) {
      // Another writer appended between this load and this append. A client that named no version
      // asked for no optimistic check: decide again on the stream as it now is (its rules, e.g.
      // "already submitted", answer the loser), a few times before giving up with the conflict.
      if (!(error instanceof ConcurrencyError)) throw error;
      // The store counts a stream's events from 0 (its last event's number); the client counts them
      // (`version`, what it sent as expectedVersion): the refusal is told in the client's numbers,
      // as the check above tells a loser that loaded the newer stream.
      if (expected != null) throw new ConcurrencyError(target.streamId, expected, error.actualVersion + 1);
      if (attempt >= UNVERSIONED_ATTEMPTS) throw new ConcurrencyError(target.streamId, version, error.actualVersion + 1);
      return this.decideAndAppend(target, decider, actor, options, eventMetadata, build, prepare, companions, attempt + 1);
    }
    if (appended.replayed) {
      // Another request with the same key (same stream and fingerprint: the append checked) won the race: answer as it did.
      return { ...(await this.load(target, decider, appended.nextExpectedVersion + 1)), replayed: true };
    }
    const next = events.reduce((s, e) => decider.evolve(s, e), state);
    return { state: next, version: appended.nextExpectedVersion + 1, replayed: false };
  }

  private eventMetadata(target: StreamTarget, actor: WorkflowActor, key: string | null, requestFingerprint: string | null, loadedBy: string | null): EventMetadata {
    const context = currentContext();
    return {
      tenantId: target.tenant,
      actorId: actor.id,
      actorRole: actor.role,
      correlationId: context?.correlationId ?? randomUUID(),
      clientAddress: context?.clientAddress ?? null,
      userAgent: context?.userAgent ?? null,
      idempotencyKey: key,
      requestFingerprint,
      loadedBy,
    };
  }
}
