import { DataSource, EntityManager } from 'typeorm';
import { Checkpoint, EventStore, GlobalEvent, START_CHECKPOINT } from '@kinerja/event-store';
import { BatchFeed } from './batch-feed';
import { checkpointName, Projection } from './projection';
import { lockProjection } from './projection-lock';
import { createShadowTables, DeferredIndex, dropShadowTables, shadowContext, swapInShadowTables } from './shadow-tables';

export interface RebuildOptions {
  /** Events per shadow transaction (default 20,000: big batches amortise the per-statement cost). */
  batchSize?: number;
  /** Called after each committed batch with the running total. */
  onProgress?: (eventsApplied: number) => void;
}

/** Another process (a CLI run, another worker replica) is rebuilding the projection right now. */
export class RebuildInProgressError extends Error {
  constructor(readonly projection: string) {
    super(`projection ${projection} is already being rebuilt`);
  }
}

export interface RebuildResult {
  projections: string[];
  events: number;
  checkpoint: Checkpoint;
}

/**
 * `projections:rebuild`: replays the whole log into shadow tables (one read of the log feeds every
 * projection being rebuilt), then, in one transaction that waits for the live runner's batch to
 * end, applies what arrived meanwhile, swaps the shadow tables in and moves the live checkpoint.
 * Until that commit the API reads the old tables; after it, the new ones. A crash before the
 * switch leaves the live tables untouched (the shadow copies are recreated on the next run).
 */
export class ProjectionRebuilder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
  ) {}

  async rebuild(projections: readonly Projection[], options: RebuildOptions = {}): Promise<RebuildResult> {
    // Two rebuilds of one projection would share its shadow tables: a session lock (held on a
    // connection of its own for the whole rebuild) lets only one run.
    const session = this.dataSource.createQueryRunner();
    await session.connect();
    try {
      for (const p of projections) {
        const rows: Array<{ locked: boolean }> = await session.query(
          `SELECT pg_try_advisory_lock(hashtext('kinerja:rebuild'), hashtext($1)) AS locked`, [p.name],
        );
        if (!rows[0].locked) throw new RebuildInProgressError(p.name);
      }
      return await this.rebuildLocked(projections, options);
    } finally {
      await session.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      await session.release();
    }
  }

  private async rebuildLocked(projections: readonly Projection[], options: RebuildOptions): Promise<RebuildResult> {
    const batchSize = options.batchSize ?? 20000;
    const deferred: DeferredIndex[] = [];
    await this.dataSource.transaction(async (m) => {
      for (const p of projections) deferred.push(...(await createShadowTables(m, p)));
    });
    let checkpoint: Checkpoint = START_CHECKPOINT;
    let total = 0;
    try {
      ({ checkpoint, total } = await this.replay(projections, batchSize, options));
      await this.buildDeferred(deferred);
      total += await this.switchOver(projections, checkpoint, batchSize, deferred);
    } catch (error) {
      await this.dataSource
        .transaction(async (m) => {
          for (const p of projections) await dropShadowTables(m, p);
        })
        .catch(() => undefined);
      throw error;
    }
    return { projections: projections.map((p) => p.name), events: total, checkpoint };
  }

  /**
   * Every projection follows one read of the log on its own connection, batch after batch, without
   * waiting for the others (shadow batches need no common transaction: a crash restarts the
   * rebuild). So while one projection's batch is in PostgreSQL, Node prepares another's, and the
   * next batch is read meanwhile.
   */
  private async replay(projections: readonly Projection[], batchSize: number, options: RebuildOptions) {
    const feed = new BatchFeed((after) => this.store.readAll({ after, limit: batchSize }), START_CHECKPOINT, batchSize, projections.length);
    let checkpoint: Checkpoint = START_CHECKPOINT;
    let total = 0;
    const applied: number[] = [];
    const follow = async (p: Projection, consumer: number) => {
      for (let i = 0; ; i++) {
        const read = await feed.get(i);
        if (read.events.length > 0) await this.dataSource.transaction((m) => applyToShadows(m, [p], read.events));
        feed.done(consumer, i);
        // Each projection takes the batches in order, so batch i is complete before batch i + 1.
        applied[i] = (applied[i] ?? 0) + 1;
        if (applied[i] === projections.length) {
          checkpoint = read.checkpoint;
          total += read.events.length;
          options.onProgress?.(total);
        }
        if (feed.isLast(read)) return;
      }
    };
    const outcomes = await Promise.allSettled(projections.map((p, k) => follow(p, k).catch((error) => {
      feed.abort();
      throw error;
    })));
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    return { checkpoint, total };
  }

  /**
   * Keys first (adding one locks its table against index builds), then the indexes, on two
   * connections that each take the next build as soon as theirs is done: builds are CPU-bound and
   * the machine is shared, and a big table's key (millions of rows) then no longer holds up a
   * second connection that has smaller builds left to do.
   */
  private async buildDeferred(deferred: readonly DeferredIndex[]): Promise<void> {
    const queue = [...deferred.filter((d) => d.primaryKey), ...deferred.filter((d) => !d.primaryKey)];
    let failed = false;
    const lane = async () => {
      for (let next = queue.shift(); next && !failed; next = queue.shift()) {
        await this.dataSource.query(next.create).catch((error) => {
          failed = true;
          throw error;
        });
      }
    };
    const outcomes = await Promise.allSettled([lane(), lane()]);
    const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (rejected) throw rejected.reason;
  }

  private async switchOver(projections: readonly Projection[], from: Checkpoint, batchSize: number, deferred: readonly DeferredIndex[]): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      for (const p of projections) await lockProjection(m, p.name);
      let checkpoint = from;
      let total = 0;
      for (;;) {
        const read = await this.applyNext(m, projections, checkpoint, batchSize);
        checkpoint = read.checkpoint;
        total += read.count;
        if (read.count < batchSize) break;
      }
      for (const p of projections) {
        await swapInShadowTables(m, p, deferred);
        await this.store.saveCheckpoint(checkpointName(p.name), checkpoint, m);
        await m.query(
          `INSERT INTO projection_state (name, version, rebuilt_at) VALUES ($1, $2, now())
           ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, rebuilt_at = EXCLUDED.rebuilt_at`,
          [p.name, p.version],
        );
      }
      return total;
    });
  }

  private async applyNext(m: EntityManager, projections: readonly Projection[], after: Checkpoint, limit: number) {
    const { events, checkpoint } = await this.store.readAll({ after, limit }, m);
    if (events.length > 0) await applyToShadows(m, projections, events);
    return { count: events.length, checkpoint };
  }
}

async function applyToShadows(m: EntityManager, projections: readonly Projection[], events: GlobalEvent[]): Promise<void> {
  for (const p of projections) await p.apply(events, m, shadowContext(p));
}
