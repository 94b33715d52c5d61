import type { EntityManager } from 'typeorm';
import type { GlobalEvent } from '@kinerja/event-store';

/**
 * Where a projection writes. During `projections:rebuild` the same code writes into shadow tables
 * that replace the live ones when caught up, so a projection never names a table directly: it asks
 * `table('rm_…')` for the physical name of one of the tables it declared in `tables`.
 */
export interface ProjectionContext {
  /** Physical (quoted-safe) name of one of the projection's own tables. */
  table(name: string): string;
  /** True while rebuilding into shadow tables (a projection may batch more aggressively). */
  readonly rebuilding: boolean;
}

/**
 * A read model that follows the global log. The runner hands it batches of events in log order
 * inside ONE transaction that also saves its checkpoint: `apply` must write only through
 * `manager`, must be deterministic (the same events give the same rows, so a rebuild equals the
 * live model row for row), and must ignore event types it does not know.
 */
export interface Projection {
  /** Stable, kebab-case (`current-performance`); also the checkpoint name `projection:<name>`. */
  readonly name: string;
  /** Raise when the rows a given log produces change; a mismatch with the stored one asks for a rebuild. */
  readonly version: number;
  /**
   * Every table the projection owns, created by a migration. Each must have a primary key or
   * indexes only whose names start with the table name (the rebuild renames them with the table).
   */
  readonly tables: readonly string[];
  /**
   * Tables that a rebuild only appends new rows to (with COPY, never an upsert): their primary keys
   * are built after the replay, which costs the server less than checking every row as it arrives.
   */
  readonly rebuildAppendOnly?: readonly string[];
  apply(events: readonly GlobalEvent[], manager: EntityManager, context: ProjectionContext): Promise<void>;
  /** Empty every table the projection owns (the runner then replays from the first event). */
  reset(manager: EntityManager, context: ProjectionContext): Promise<void>;
}

/** The live tables, as the API reads them. */
export const LIVE_CONTEXT: ProjectionContext = Object.freeze({
  table: (name: string) => name,
  rebuilding: false,
});

/** A `reset` for projections whose tables hold nothing but what the log produced. */
export async function truncateTables(projection: Projection, manager: EntityManager, context: ProjectionContext): Promise<void> {
  const tables = projection.tables.map((t) => context.table(t)).join(', ');
  await manager.query(`TRUNCATE ${tables}`);
}

/** The subscriber name of a projection's checkpoint in `event_subscriber_checkpoints`. */
export function checkpointName(projectionName: string, rebuilding = false): string {
  return rebuilding ? `projection:${projectionName}:rebuild` : `projection:${projectionName}`;
}
