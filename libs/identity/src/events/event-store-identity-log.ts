import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { currentContext } from '@kinerja/platform';
import type { IdentityActor } from '../identity.types';
import type { IdentityEvent } from './identity.events';
import { identityStreamId } from './identity.events';
import { IdentityEventLog } from './identity-event-log';

/**
 * The identity stream of an office in the event store. The table rows carry the concurrency
 * control (row locks, versions), so the stream is appended at whatever version it has reached.
 */
@Injectable()
export class EventStoreIdentityLog extends IdentityEventLog {
  constructor(private readonly store: EventStore) {
    super();
  }

  async append(manager: EntityManager, satker: string, events: IdentityEvent[], actor: IdentityActor): Promise<void> {
    const context = currentContext();
    await this.store.append(
      identityStreamId(satker),
      'any',
      events,
      {
        tenantId: satker,
        actorId: actor.id,
        actorRole: actor.role,
        correlationId: context?.correlationId ?? randomUUID(),
        clientAddress: context?.clientAddress ?? null,
        userAgent: context?.userAgent ?? null,
      },
      { manager },
    );
  }
}
