import type { EntityManager } from 'typeorm';
import type { IdentityActor } from '../identity.types';
import type { IdentityEvent } from './identity.events';

/** Appends identity events to the office's `identity:<satker>` stream inside the caller's transaction. */
export abstract class IdentityEventLog {
  abstract append(manager: EntityManager, satker: string, events: IdentityEvent[], actor: IdentityActor): Promise<void>;
}
