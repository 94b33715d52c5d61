import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { actorScopedKey, IdempotencyKeyReusedError } from '@kinerja/event-store';
import { Clock } from '@kinerja/platform';
import type { IdentityActor } from '../identity.types';
import type { IdentityEvent } from './identity.events';
import { IdentityEventLog } from './identity-event-log';

export type RecordEvent = (satker: string, event: IdentityEvent) => void;

/**
 * What a client may say about a command: its Idempotency-Key, the fingerprint of the request the
 * key came with (see `requestFingerprint` of @kinerja/event-store; absent: not compared) and the
 * version it last saw.
 */
export interface IdentityCommandOptions {
  idempotencyKey?: string | null;
  requestFingerprint?: string | null;
  expectedVersion?: number | null;
}

/** A command's answer: the resource, its version (for ETag) and whether it is a replay. */
export interface IdentityOutcome<View> {
  view: View;
  version: number;
  replayed: boolean;
}

class LostIdempotencyRace extends Error {}

/**
 * One transaction for a table change and the events that tell it: the work writes its rows and
 * records events; they are appended, stream by stream, before the commit. Either both or neither.
 * `command` adds the Idempotency-Key: the first answer of a key is stored in the same transaction
 * and returned, unchanged, to every retry — a retry being the same operation with the same request
 * fingerprint; the key sent with another operation or another request is refused
 * (IDEMPOTENCY.KEY_REUSED), as on the event-sourced commands.
 */
@Injectable()
export class IdentityUnitOfWork {
  private readonly committedListeners: Array<() => void> = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly eventLog: IdentityEventLog,
    private readonly clock: Clock,
  ) {}

  /**
   * Called after every commit of this process's identity changes, before the caller answers: what
   * this process keeps about users and offices (the API's session cache) is dropped at once,
   * without waiting for the database's notification.
   */
  onCommitted(listener: () => void): void {
    this.committedListeners.push(listener);
  }

  async run<T>(actor: IdentityActor, work: (manager: EntityManager, record: RecordEvent) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(async (manager) => {
      const pending = new Map<string, IdentityEvent[]>();
      const answer = await work(manager, (satker, event) => {
        pending.set(satker, [...(pending.get(satker) ?? []), event]);
      });
      for (const [satker, events] of pending) await this.eventLog.append(manager, satker, events, actor);
      return answer;
    });
    for (const listener of this.committedListeners) listener();
    return result;
  }

  async command<T>(
    actor: IdentityActor,
    operation: string,
    options: IdentityCommandOptions,
    work: (manager: EntityManager, record: RecordEvent) => Promise<T>,
  ): Promise<{ result: T; replayed: boolean }> {
    const key = actorScopedKey(actor.id, options.idempotencyKey);
    if (!key) return { result: await this.run(actor, work), replayed: false };
    const fingerprint = options.requestFingerprint ?? null;
    const seen = await this.firstAnswer<T>(actor, key, operation, fingerprint);
    if (seen) return seen;
    try {
      const result = await this.run(actor, async (manager, record) => {
        // Claim the key before the work: a concurrent request with the same key waits here on
        // the row until this transaction ends, then finds it taken and replays the stored answer.
        const claimed = await manager.query(
          `INSERT INTO identity_command_results (satker_code, idempotency_key, operation, result, created_at, request_fingerprint)
           VALUES ($1, $2, $3, 'null'::jsonb, $4, $5) ON CONFLICT DO NOTHING RETURNING 1 AS claimed`,
          [actor.satker, key, operation, this.clock.now(), fingerprint],
        );
        if (claimed.length === 0) throw new LostIdempotencyRace();
        const answer = await work(manager, record);
        await manager.query(
          `UPDATE identity_command_results SET result = $3::jsonb WHERE satker_code = $1 AND idempotency_key = $2`,
          [actor.satker, key, JSON.stringify(answer ?? null)],
        );
        return answer;
      });
      return { result, replayed: false };
    } catch (error) {
      if (!(error instanceof LostIdempotencyRace)) throw error;
      // A concurrent request with the same key committed first: answer as it did.
      const winner = await this.firstAnswer<T>(actor, key, operation, fingerprint);
      if (!winner) throw error;
      return winner;
    }
  }

  /** The stored answer of this key, when the command was already carried out. */
  replay<T>(actor: IdentityActor, operation: string, options: IdentityCommandOptions) {
    const key = actorScopedKey(actor.id, options.idempotencyKey);
    return key ? this.firstAnswer<T>(actor, key, operation, options.requestFingerprint ?? null) : Promise.resolve(null);
  }

  /** The first answer of the key when this is a retry of its request; refused when the key was used for another one. */
  private async firstAnswer<T>(actor: IdentityActor, key: string, operation: string, fingerprint: string | null) {
    const [row] = await this.dataSource.query(
      `SELECT operation, result, request_fingerprint FROM identity_command_results WHERE satker_code = $1 AND idempotency_key = $2`,
      [actor.satker, key],
    );
    if (!row) return null;
    const otherRequest = row.request_fingerprint !== null && fingerprint !== null && row.request_fingerprint !== fingerprint;
    if (row.operation !== operation || otherRequest) throw new IdempotencyKeyReusedError();
    return { result: row.result as T, replayed: true };
  }
}

/** True when `error` is PostgreSQL's unique_violation (optionally of the named constraint). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.driverError?.code;
  const name = e?.constraint ?? e?.driverError?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}

export function outcome<View extends { version: number }>(answer: { result: View; replayed: boolean }): IdentityOutcome<View> {
  return { view: answer.result, version: answer.result.version, replayed: answer.replayed };
}
