import type { DataSource } from 'typeorm';
import { CATATAN_REVIU_EVENT_TYPES } from '@kinerja/domain/catatan-reviu/catatan-reviu.events';
import type { EventStore } from '@kinerja/event-store';
import type { Clock } from '@kinerja/platform';
import { OutboxProcessManager } from '../outbox-process-manager';
import type { CatatanReviuNoticeIntent, CatatanReviuNoticeOutbox } from './catatan-reviu-notice-outbox';

export const CATATAN_REVIU_PROCESS_MANAGER = 'process-manager:catatan-reviu';

const ANNOUNCED = new Set<string>(CATATAN_REVIU_EVENT_TYPES);

/**
 * Turns what happens to a review note (written, answered, closed, reopened; appended by the API)
 * into a job that records and sends its notice, as `DispensasiProcessManager` does for a grant: one
 * outbox row per event, written with the checkpoint (`OutboxProcessManager`).
 */
export class CatatanReviuProcessManager extends OutboxProcessManager<CatatanReviuNoticeIntent> {
  constructor(dataSource: DataSource, store: EventStore, outbox: CatatanReviuNoticeOutbox, clock: Clock) {
    super(dataSource, store, outbox, clock, CATATAN_REVIU_PROCESS_MANAGER, (event) =>
      ANNOUNCED.has(event.type) ? { satker: event.tenantId, streamId: event.streamId, eventId: event.eventId } : null);
  }
}
