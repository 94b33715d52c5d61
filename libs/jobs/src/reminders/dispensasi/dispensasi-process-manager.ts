import type { DataSource } from 'typeorm';
import type { EventStore } from '@kinerja/event-store';
import type { Clock } from '@kinerja/platform';
import { OutboxProcessManager } from '../outbox-process-manager';
import type { DispensasiIntent, DispensasiOutbox } from './dispensasi-outbox';

export const DISPENSASI_PROCESS_MANAGER = 'process-manager:dispensasi';

/**
 * Turns a granted dispensasi (`ReportDeadlineExtended`, appended by the API) into a job that plans
 * and sends the office's notices at once, instead of at the next hourly run: one outbox row per
 * grant, written with the checkpoint (`OutboxProcessManager`). Enqueueing happens after the commit
 * (`DispensasiNotices`); a row never enqueued is found again in the outbox.
 */
export class DispensasiProcessManager extends OutboxProcessManager<DispensasiIntent> {
  constructor(dataSource: DataSource, store: EventStore, outbox: DispensasiOutbox, clock: Clock) {
    super(dataSource, store, outbox, clock, DISPENSASI_PROCESS_MANAGER, (event) =>
      event.type === 'ReportDeadlineExtended' ? { satker: event.tenantId, eventId: event.eventId } : null);
  }
}
