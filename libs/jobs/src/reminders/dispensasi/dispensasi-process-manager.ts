import type { DataSource } from 'typeorm';
import type { EventStore } from '@kinerja/event-store';
import type { Clock } from '@kinerja/platform';
import { tryLockProjection } from '@kinerja/projections';
import type { DispensasiIntent, DispensasiOutbox } from './dispensasi-outbox';

export const DISPENSASI_PROCESS_MANAGER = 'process-manager:dispensasi';

/**
 * Turns a granted dispensasi (`ReportDeadlineExtended`, appended by the API) into a job that plans
 * and sends the office's notices at once, instead of at the next hourly run. Follows the global log
 * with a durable checkpoint, as `LkjProcessManager` does: each batch is one transaction holding its
 * advisory lock, the outbox rows of the grants it read and the new checkpoint, so a crash loses no
 * grant and repeats none. Enqueueing happens after the commit (`DispensasiNotices`); a row never
 * enqueued is found again in the outbox.
 */
export class DispensasiProcessManager {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly outbox: DispensasiOutbox,
    private readonly clock: Clock,
  ) {}

  /** One batch: how many events were read, the intents recorded (to enqueue after commit). */
  runBatch(limit = 1000): Promise<{ applied: number; intents: DispensasiIntent[]; locked: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await tryLockProjection(manager, DISPENSASI_PROCESS_MANAGER))) return { applied: 0, intents: [], locked: false };
      const after = await this.store.loadCheckpoint(DISPENSASI_PROCESS_MANAGER, manager);
      const { events, checkpoint } = await this.store.readAll({ after, limit }, manager);
      if (events.length === 0) return { applied: 0, intents: [], locked: true };
      const intents: DispensasiIntent[] = [];
      for (const event of events) {
        if (event.type === 'ReportDeadlineExtended') intents.push(await this.outbox.record(manager, event.tenantId, event.eventId, this.clock.now()));
      }
      await this.store.saveCheckpoint(DISPENSASI_PROCESS_MANAGER, checkpoint, manager);
      return { applied: events.length, intents, locked: true };
    });
  }

  /** Batches until the log is read to its end; the intents of every batch. */
  async catchUp(limit = 1000): Promise<DispensasiIntent[]> {
    const intents: DispensasiIntent[] = [];
    for (;;) {
      const batch = await this.runBatch(limit);
      intents.push(...batch.intents);
      if (batch.applied < limit) return intents;
    }
  }
}
