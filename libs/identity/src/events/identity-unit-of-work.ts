import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@kinerja/domain';
import { Clock } from '@kinerja/platform';
import type { IdentityActor } from '../identity.types';
import type { IdentityEvent } from './identity.events';
import { IdentityEventLog } from './identity-event-log';

export type RecordEvent = (satker: string, event: IdentityEvent) => void;

/** What a client may say about a command: its Idempotency-Key and the version it last saw. */
export interface IdentityCommandOptions {
  idempotencyKey?: string | null;
  expectedVersion?: number | null;
}

/** A command's answer: the resource, its version (for ETag) and whether it is a replay. */
export interface IdentityOutcome<View> {
  view: View;
  version: number;
  replayed: boolean;
}

const MAX_KEY_LENGTH = 120;

class LostIdempotencyRace extends Error {}

/**
 * One transaction for a table change and the events that tell it: the work writes its rows and
 * records events; they are appended, stream by stream, before the commit. Either both or neither.
 * `command` adds the Idempotency-Key: the first answer of a key is stored in the same transaction
 * and returned, unchanged, to every retry.
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
    idempotencyKey: string | null | undefined,
    work: (manager: EntityManager, record: RecordEvent) => Promise<T>,
  ): Promise<{ result: T; replayed: boolean }> {
    const key = scopedKey(actor, idempotencyKey);
    if (!key) return { result: await this.run(actor, work), replayed: false };
    const seen = await this.firstAnswer<T>(actor, key, operation);
    if (seen) return seen;
    try {
      const result = await this.run(actor, async (manager, record) => {
        // Claim the key before the work: a concurrent request with the same key waits here on
        // the row until this transaction ends, then finds it taken and replays the stored answer.
        const claimed = await manager.query(
          `INSERT INTO identity_command_results (satker_code, idempotency_key, operation, result, created_at)
           VALUES ($1, $2, $3, 'null'::jsonb, $4) ON CONFLICT DO NOTHING RETURNING 1 AS claimed`,
          [actor.satker, key, operation, this.clock.now()],
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
      const winner = await this.firstAnswer<T>(actor, key, operation);
      if (!winner) throw error;
      return winner;
    }
  }

  /** The stored answer of this key, when the command was already carried out. */
  replay<T>(actor: IdentityActor, operation: string, idempotencyKey: string | null | undefined) {
    const key = scopedKey(actor, idempotencyKey);
    return key ? this.firstAnswer<T>(actor, key, operation) : Promise.resolve(null);
  }

  private async firstAnswer<T>(actor: IdentityActor, key: string, operation: string) {
    const [row] = await this.dataSource.query(
      `SELECT operation, result FROM identity_command_results WHERE satker_code = $1 AND idempotency_key = $2`,
      [actor.satker, key],
    );
    if (!row) return null;
    if (row.operation !== operation) {
      throw new DomainError(
        'IDEMPOTENCY.KEY_REUSED',
        'Idempotency-Key ini sudah dipakai untuk perintah lain; gunakan kunci baru untuk setiap perintah.',
        'validation',
      );
    }
    return { result: row.result as T, replayed: true };
  }
}

/** Keys belong to the actor: two users can never replay each other's answers. */
function scopedKey(actor: IdentityActor, key: string | null | undefined): string | null {
  if (key === undefined || key === null || key === '') return null;
  if (key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw new DomainError(
      'IDEMPOTENCY.INVALID_KEY',
      `Idempotency-Key harus 1–${MAX_KEY_LENGTH} karakter ASCII tanpa spasi.`,
      'validation',
    );
  }
  return `${actor.id}:${key}`;
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
