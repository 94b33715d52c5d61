import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IdentityActor } from '../identity.types';
import type { IdentityEvent } from './identity.events';
import { IdentityEventLog } from './identity-event-log';

export type RecordEvent = (satker: string, event: IdentityEvent) => void;

/**
 * One transaction for a table change and the events that tell it: the work writes its rows and
 * records events; they are appended, stream by stream, before the commit. Either both or neither.
 */
@Injectable()
export class IdentityUnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventLog: IdentityEventLog,
  ) {}

  run<T>(actor: IdentityActor, work: (manager: EntityManager, record: RecordEvent) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const pending = new Map<string, IdentityEvent[]>();
      const result = await work(manager, (satker, event) => {
        pending.set(satker, [...(pending.get(satker) ?? []), event]);
      });
      for (const [satker, events] of pending) await this.eventLog.append(manager, satker, events, actor);
      return result;
    });
  }
}

/** True when `error` is PostgreSQL's unique_violation (optionally of the named constraint). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.driverError?.code;
  const name = e?.constraint ?? e?.driverError?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
