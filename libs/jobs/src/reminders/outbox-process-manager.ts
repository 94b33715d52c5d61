import type { DataSource } from 'typeorm';
import type { EventStore, GlobalEvent } from '@kinerja/event-store';
import type { Clock } from '@kinerja/platform';
import { tryLockProjection } from '@kinerja/projections';
import type { JobIntent, JobOutbox } from '../queue-runtime/job-outbox';

/**
 * A process manager that turns some events of the global log into outbox rows, one per event (the
 * dispensasi notices', the catatan reviu notices'). It follows the log with a durable checkpoint, as
 * `LkjProcessManager` does: each batch is one transaction holding its advisory lock, the outbox rows
 * of the events it read and the new checkpoint, so a crash loses no event and repeats none.
 * Enqueueing happens after the commit (`JobOutboxRelay`); a row never enqueued is found again there.
 */
export class OutboxProcessManager<I extends JobIntent> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly outbox: JobOutbox<I, keyof I & string>,
    private readonly clock: Clock,
    /** The checkpoint's subscriber and the advisory lock's name. */
    private readonly name: string,
    /** The row an event asks for, or null for an event the manager does not follow. */
    private readonly intentOf: (event: GlobalEvent) => Omit<I, 'jobId'> | null,
  ) {}

  /** One batch: how many events were read, the intents recorded (to enqueue after commit). */
  runBatch(limit = 1000): Promise<{ applied: number; intents: I[]; locked: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await tryLockProjection(manager, this.name))) return { applied: 0, intents: [], locked: false };
      const after = await this.store.loadCheckpoint(this.name, manager);
      const { events, checkpoint } = await this.store.readAll({ after, limit }, manager);
      if (events.length === 0) return { applied: 0, intents: [], locked: true };
      const intents: I[] = [];
      for (const event of events) {
        const fields = this.intentOf(event);
        if (fields) intents.push(await this.outbox.record(manager, fields, this.clock.now()));
      }
      await this.store.saveCheckpoint(this.name, checkpoint, manager);
      return { applied: events.length, intents, locked: true };
    });
  }

  /** Batches until the log is read to its end; the intents of every batch. */
  async catchUp(limit = 1000): Promise<I[]> {
    const intents: I[] = [];
    for (;;) {
      const batch = await this.runBatch(limit);
      intents.push(...batch.intents);
      if (batch.applied < limit) return intents;
    }
  }
}
