import { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { checkpointName } from './projection';
import { ProjectionRegistry } from './projection-registry';

export interface ProjectionLag {
  name: string;
  /** Committed events after the projection's checkpoint, counted up to LAG_COUNT_CAP (cheap for /health). */
  eventsBehind: number;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  secondsBehind: number;
  checkpoint: string;
}

/** Counting stops here: a rebuilding or stalled projection must not make every health check scan the log. */
export const LAG_COUNT_CAP = 100_000;

/** Per-projection lag for `/health` or metrics. `now` comes from the one clock. */
export async function projectionLag(
  dataSource: DataSource,
  store: EventStore,
  registry: ProjectionRegistry,
  now: Date,
): Promise<ProjectionLag[]> {
  const result: ProjectionLag[] = [];
  for (const name of registry.names()) {
    const checkpoint = await store.loadCheckpoint(checkpointName(name));
    const rows: Array<{ behind: string; oldest: Date | null }> = await dataSource.query(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM events e
                 WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint) LIMIT $3) AS x) AS behind,
              (SELECT e.recorded_at FROM events e
                 WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
                 ORDER BY e.transaction_id, e.global_position LIMIT 1) AS oldest`,
      [checkpoint.txId, checkpoint.position, LAG_COUNT_CAP],
    );
    const oldest = rows[0].oldest;
    result.push({
      name,
      eventsBehind: Number(rows[0].behind),
      secondsBehind: oldest === null ? 0 : Math.max(0, (now.getTime() - new Date(oldest).getTime()) / 1000),
      checkpoint: `${checkpoint.txId}:${checkpoint.position}`,
    });
  }
  return result;
}
