import type { DataSource } from 'typeorm';
import type { EventStore } from '@kinerja/event-store';
import type { Clock } from '@kinerja/platform';
import { OutboxProcessManager } from '../outbox-process-manager';
import type { PkLkjNoticeIntent, PkLkjNoticeOutbox } from './pk-lkj-notice-outbox';

export const PK_LKJ_PROCESS_MANAGER = 'process-manager:pk-lkj-notices';

/** The events someone is told of (a draft LKj's `LkjProduced` is left out by the planner). */
const ANNOUNCED = new Set<string>(['PkSubmitted', 'PkReturned', 'PkApproved', 'LkjProduced', 'LkjMarkedStale', 'LkjSigned']);

/**
 * Turns a PK submitted, returned or approved and an LKj produced, signed or gone stale into a job that records
 * and sends its notice, as `CatatanReviuProcessManager` does for a note: one outbox row per event,
 * written with the checkpoint (`OutboxProcessManager`).
 */
export class PkLkjProcessManager extends OutboxProcessManager<PkLkjNoticeIntent> {
  constructor(dataSource: DataSource, store: EventStore, outbox: PkLkjNoticeOutbox, clock: Clock) {
    super(dataSource, store, outbox, clock, PK_LKJ_PROCESS_MANAGER, (event) =>
      ANNOUNCED.has(event.type) ? { satker: event.tenantId, streamId: event.streamId, eventId: event.eventId } : null);
  }
}
