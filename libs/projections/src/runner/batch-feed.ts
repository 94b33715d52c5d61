import type { Checkpoint, ReadAllResult } from '@kinerja/event-store';

/**
 * One read of the log shared by several projections that each follow it at their own pace. Batch
 * i + 1 is read (on another connection) as soon as batch i is asked for; a consumer may run at most
 * `lead` batches ahead of the slowest one, which bounds what is held in memory. A batch shorter
 * than `batchSize` is the last.
 */
export class BatchFeed {
  private readonly batches = new Map<number, Promise<ReadAllResult>>();
  private readonly finished: number[];
  private waiters: Array<() => void> = [];
  private aborted = false;

  constructor(
    private readonly read: (after: Checkpoint) => Promise<ReadAllResult>,
    private readonly start: Checkpoint,
    private readonly batchSize: number,
    consumers: number,
    private readonly lead = 2,
  ) {
    this.finished = new Array<number>(consumers).fill(0);
  }

  /** Batch `index`, once the slowest consumer is close enough behind. */
  async get(index: number): Promise<ReadAllResult> {
    while (!this.aborted && index - this.slowest() >= this.lead) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.aborted) throw new Error('rebuild aborted: another projection failed');
    const batch = this.batchAt(index);
    void batch.then((b) => (this.isLast(b) ? undefined : this.batchAt(index + 1)), () => undefined);
    return batch;
  }

  isLast(batch: ReadAllResult): boolean {
    return batch.events.length < this.batchSize;
  }

  /** `consumer` is done with every batch up to `index`: batches no one needs any more are let go. */
  done(consumer: number, index: number): void {
    this.finished[consumer] = index + 1;
    const slowest = this.slowest();
    for (const i of this.batches.keys()) if (i < slowest) this.batches.delete(i);
    this.wake();
  }

  /** A consumer failed: the others stop at their next batch. */
  abort(): void {
    this.aborted = true;
    this.wake();
  }

  private slowest(): number {
    return Math.min(...this.finished);
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }

  private batchAt(index: number): Promise<ReadAllResult> {
    let batch = this.batches.get(index);
    if (!batch) {
      // Batch i is always asked for (prefetched) before anyone is done with batch i - 1.
      const previous = index === 0 ? null : this.batches.get(index - 1);
      if (index > 0 && !previous) throw new Error(`batch ${index} asked for after batch ${index - 1} was let go`);
      batch = previous ? previous.then((p) => this.read(p.checkpoint)) : this.read(this.start);
      batch.catch(() => undefined); // awaited by a consumer; an error surfaces there
      this.batches.set(index, batch);
    }
    return batch;
  }
}
