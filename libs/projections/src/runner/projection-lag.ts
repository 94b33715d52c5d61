import { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { checkpointName } from './projection';
import { ProjectionRegistry } from './projection-registry';

export interface ProjectionLag {
  name: string;
  /** Events in the log after the projection's checkpoint (only those a reader may already see). */
  eventsBehind: number;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  secondsBehind: number;
  checkpoint: string;
}

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
      `SELECT count(*) AS behind, min(e.recorded_at) AS oldest FROM events e
        WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)`,
      [checkpoint.txId, checkpoint.position],
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
