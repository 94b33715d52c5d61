import { DataSource } from 'typeorm';
import { preparedStatementPool, type UpcasterRegistry } from '@kinerja/event-store';
import { StreamStateCache, type Folder } from './stream-state-cache';

/** The streams to fold, each with the decider that folds it. */
export interface StreamToFold {
  streamId: string;
  folder: Folder;
}

/** A stream's state and version (its event count: 0 for a stream with no event). */
export interface LoadedState<S = unknown> {
  state: S;
  version: number;
}

interface TailRow {
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
}

// `(SELECT $2::text[])`: an array the planner cannot see into, as in the store's batch append. With
// the literal array a custom plan for two streams looked cheaper than the generic plan (sized for
// ten), so PostgreSQL planned the query again on every call: 0.26–0.56 ms of its CPU per command,
// against 0.06–0.15 ms to run it. Now the cached generic plan (the same nested loop over the
// unique index) is reused.
const TAIL_STATEMENT = 'kinerja_stream_state_tail_v2';
const TAIL_SQL = `
  SELECT e.stream_id, e.stream_version, e.event_id::text AS event_id, e.type, e.schema_version,
         CASE WHEN e.stream_version >= s.from_version THEN e.data END AS data
    FROM unnest((SELECT $2::text[]), $3::int[]) AS s (stream_id, from_version)
    JOIN events e ON e.tenant_id = $1 AND e.stream_id = s.stream_id AND e.stream_version >= s.from_version - 1
   ORDER BY e.stream_id, e.stream_version`;

// Per process. A PK state is a few tens of kB: a thousand streams stay well under 100 MB.
const DEFAULT_CAPACITY = 1000;

/**
 * Several streams of one office folded in one query, each from the state this process folded
 * last. For a cached stream the query returns the last event folded (without its data), to check
 * that it is still the same event, and the events after it; a stream that no longer matches (the
 * database was restored or reset) is dropped from the cache and read in full.
 */
export class StreamStateReader {
  private readonly cache: StreamStateCache;

  constructor(
    private readonly dataSource: DataSource,
    private readonly upcasters: UpcasterRegistry,
    capacity = DEFAULT_CAPACITY,
  ) {
    this.cache = new StreamStateCache(capacity);
  }

  async load(tenant: string, streams: StreamToFold[]): Promise<Map<string, LoadedState>> {
    const loaded = await this.loadOnce(tenant, streams, true);
    const stale = streams.filter((s) => !loaded.has(s.streamId));
    if (stale.length > 0) for (const [id, state] of await this.loadOnce(tenant, stale, false)) loaded.set(id, state);
    return loaded;
  }

  private async loadOnce(tenant: string, streams: StreamToFold[], useCache: boolean): Promise<Map<string, LoadedState>> {
    const cached = streams.map((s) => (useCache ? this.cache.get(tenant, s.streamId, s.folder) : undefined));
    const values = [tenant, streams.map((s) => s.streamId), cached.map((c) => c?.version ?? 0)];
    // A named prepared statement where the server allows it (not the embedded PGlite): planning
    // this join cost about as much PostgreSQL CPU as running it.
    const pool = await preparedStatementPool(this.dataSource);
    const rows: TailRow[] = pool
      ? (await pool.query<TailRow>({ name: TAIL_STATEMENT, text: TAIL_SQL, values })).rows
      : await this.dataSource.query(TAIL_SQL, values);
    const byStream = new Map<string, TailRow[]>();
    for (const row of rows) {
      const list = byStream.get(row.stream_id);
      if (list) list.push(row);
      else byStream.set(row.stream_id, [row]);
    }
    const loaded = new Map<string, LoadedState>();
    streams.forEach((stream, i) => {
      const result = this.fold(tenant, stream, cached[i], byStream.get(stream.streamId) ?? []);
      if (result) loaded.set(stream.streamId, result);
    });
    return loaded;
  }

  /** Folds the tail onto the cached state; undefined when the cached state no longer matches the stream. */
  private fold(tenant: string, stream: StreamToFold, cached: ReturnType<StreamStateCache['get']>, rows: TailRow[]): LoadedState | undefined {
    let state = cached?.state ?? stream.folder.initialState();
    let version = cached?.version ?? 0;
    let tail = rows;
    if (cached) {
      const last = rows[0];
      if (!last || Number(last.stream_version) !== cached.version - 1 || last.event_id !== cached.lastEventId) {
        this.cache.delete(tenant, stream.streamId);
        return undefined;
      }
      tail = rows.slice(1);
    }
    for (const row of tail) {
      if (Number(row.stream_version) !== version) throw new Error(`stream ${stream.streamId}: expected version ${version}, read ${row.stream_version}`);
      state = stream.folder.evolve(state, { type: row.type, data: this.upcasters.upcast(row.type, Number(row.schema_version), row.data).data });
      version += 1;
    }
    // Nothing to save for a stream without events, and new streams would crowd out the useful ones.
    if (tail.length > 0) this.cache.set(tenant, stream.streamId, { folder: stream.folder, state, version, lastEventId: tail[tail.length - 1].event_id });
    return { state, version };
  }
}
