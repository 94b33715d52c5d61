import { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { checkpointName, LIVE_CONTEXT, Projection } from './projection';
import { projectionLag } from './projection-lag';
import { tryLockProjection } from './projection-lock';
import { ProjectionRegistry } from './projection-registry';

export interface ProjectionRunnerOptions {
  /** Events per transaction (default 1000). */
  batchSize?: number;
  /** Pause when every projection is caught up (default 250 ms). Polling is the only wake-up needed. */
  idleDelayMs?: number;
  /**
   * Longest pause after failed batches (default 5 s). The pause doubles from `idleDelayMs` with
   * each failure in a row, so a database that is down is not hammered, nor the log flooded, and
   * resets after the first batch that succeeds.
   */
  maxRetryDelayMs?: number;
  /** Each failed batch, with how many failed in a row (1 for the first). */
  onError?: (projection: string, error: unknown, failuresInARow: number) => void;
  /** The first batch that succeeds after `failures` failed in a row. */
  onRecovered?: (projection: string, failures: number) => void;
}

export interface BatchResult {
  applied: number;
  /** False when another replica held the projection's lock. */
  locked: boolean;
}

/**
 * Follows the global log for every registered projection. Each batch is one transaction: the
 * advisory lock of the projection, its checkpoint, the events after it, the projection's rows and
 * the new checkpoint. A crash anywhere rolls the whole batch back, so nothing is skipped and
 * nothing is applied twice; a second replica finds the lock taken and leaves the batch alone.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly idleDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private running: Promise<void> | null = null;
  private stopping = false;
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly registry: ProjectionRegistry,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.idleDelayMs = options.idleDelayMs ?? 250;
    this.maxRetryDelayMs = Math.max(options.maxRetryDelayMs ?? 5000, this.idleDelayMs);
  }

  /** One batch of one projection, in one transaction. */
  runBatch(projection: Projection, batchSize = this.batchSize): Promise<BatchResult> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await tryLockProjection(manager, projection.name))) return { applied: 0, locked: false };
      const subscriber = checkpointName(projection.name);
      const after = await this.store.loadCheckpoint(subscriber, manager);
      const { events, checkpoint } = await this.store.readAll({ after, limit: batchSize }, manager);
      if (events.length === 0) return { applied: 0, locked: true };
      await projection.apply(events, manager, LIVE_CONTEXT);
      await this.store.saveCheckpoint(subscriber, checkpoint, manager);
      return { applied: events.length, locked: true };
    });
  }

  /** Applies batches until every named projection (default: all) has nothing left. Returns events applied. */
  async catchUp(names: readonly string[] = this.registry.names()): Promise<number> {
    let total = 0;
    for (const name of names) {
      const projection = this.registry.get(name);
      for (;;) {
        const { applied } = await this.runBatch(projection);
        total += applied;
        if (applied < this.batchSize) break;
      }
    }
    return total;
  }

  /**
   * Catches up until no committed event is left behind any checkpoint. Unlike `catchUp`, this also
   * waits out events committed but not yet deliverable because an older transaction (anywhere in
   * the cluster) is still open. For tests, the CLI and benchmarks.
   */
  async drain(names: readonly string[] = this.registry.names(), timeoutMs = 60_000): Promise<number> {
    const until = Date.now() + timeoutMs;
    let total = 0;
    for (;;) {
      total += await this.catchUp(names);
      const lag = await projectionLag(this.dataSource, this.store, this.registry, new Date());
      if (lag.every((l) => !names.includes(l.name) || l.eventsBehind === 0)) return total;
      if (Date.now() > until) throw new Error(`projections still behind after ${timeoutMs} ms: ${JSON.stringify(lag)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Starts following the log in the background until `stop()`. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.poke();
    await this.running;
    this.running = null;
  }

  /** Shortens the idle pause (e.g. after a NOTIFY); never needed for correctness. */
  poke(): void {
    for (const wake of [...this.waiting]) wake();
  }

  // One loop per projection: a slow or failing projection never holds the others back.
  private async loop(): Promise<void> {
    await Promise.all(this.registry.all().map((projection) => this.follow(projection)));
  }

  private async follow(projection: Projection): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let busy = false;
      try {
        const { applied } = await this.runBatch(projection);
        busy = applied === this.batchSize;
        if (failures > 0) this.options.onRecovered?.(projection.name, failures);
        failures = 0;
      } catch (error) {
        failures += 1;
        this.options.onError?.(projection.name, error, failures);
      }
      if (busy || this.stopping) continue;
      await this.pause(failures === 0 ? this.idleDelayMs : this.retryDelay(failures));
    }
  }

  /** The pause after `failures` failed batches in a row: doubling from the idle pause, capped. */
  retryDelay(failures: number): number {
    return Math.min(this.idleDelayMs * 2 ** Math.min(failures, 20), this.maxRetryDelayMs);
  }

  private pause(delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, delayMs);
      this.waiting.add(done);
    });
  }
}
