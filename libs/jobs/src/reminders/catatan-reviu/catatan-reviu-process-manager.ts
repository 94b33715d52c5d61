import type { DataSource } from 'typeorm';
import { CATATAN_REVIU_EVENT_TYPES } from '@kinerja/domain/catatan-reviu/catatan-reviu.events';
import type { EventStore } from '@kinerja/event-store';
import type { Clock } from '@kinerja/platform';
import { tryLockProjection } from '@kinerja/projections';
import type { CatatanReviuNoticeIntent, CatatanReviuNoticeOutbox } from './catatan-reviu-notice-outbox';

export const CATATAN_REVIU_PROCESS_MANAGER = 'process-manager:catatan-reviu';

const ANNOUNCED = new Set<string>(CATATAN_REVIU_EVENT_TYPES);

/**
 * Turns what happens to a review note (written, answered, closed, reopened; appended by the API)
 * into a job that records and sends its notice, as `DispensasiProcessManager` does for a grant:
 * each batch is one transaction holding its advisory lock, the outbox rows of the events it read
 * and the new checkpoint, so a crash loses no event and repeats none.
 */
export class CatatanReviuProcessManager {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly outbox: CatatanReviuNoticeOutbox,
    private readonly clock: Clock,
  ) {}

  runBatch(limit = 1000): Promise<{ applied: number; intents: CatatanReviuNoticeIntent[]; locked: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await tryLockProjection(manager, CATATAN_REVIU_PROCESS_MANAGER))) return { applied: 0, intents: [], locked: false };
      const after = await this.store.loadCheckpoint(CATATAN_REVIU_PROCESS_MANAGER, manager);
      const { events, checkpoint } = await this.store.readAll({ after, limit }, manager);
      if (events.length === 0) return { applied: 0, intents: [], locked: true };
      const intents: CatatanReviuNoticeIntent[] = [];
      for (const event of events) {
        if (ANNOUNCED.has(event.type)) intents.push(await this.outbox.record(manager, event.tenantId, event.streamId, event.eventId, this.clock.now()));
      }
      await this.store.saveCheckpoint(CATATAN_REVIU_PROCESS_MANAGER, checkpoint, manager);
      return { applied: events.length, intents, locked: true };
    });
  }

  async catchUp(limit = 1000): Promise<CatatanReviuNoticeIntent[]> {
    const intents: CatatanReviuNoticeIntent[] = [];
    for (;;) {
      const batch = await this.runBatch(limit);
      intents.push(...batch.intents);
      if (batch.applied < limit) return intents;
    }
  }
}
