import type { Pool } from 'pg';
import { FastAppendInput, fastAppendValues } from './append-fast-path';
import { certainlyRolledBack, SentAppend, writtenAppends } from './append-outcome';

/**
 * The fast path of `event_store_append` (see the event-store migration), with group commit.
 *
 * The common command is one event with a known expected version in a transaction of its own. Under
 * load most of its cost is per statement and per commit (executor start-up, the WAL flush, the
 * round trip, pg's query path in Node), not per event. So the store keeps at most `maxInFlight`
 * fast appends in flight per pool (`EVENT_STORE_APPENDS_IN_FLIGHT`, one by default); appends that arrive meanwhile queue, and when
 * the slot frees the queue goes out as ONE prepared statement that appends up to `maxBatch` events
 * of different offices in one transaction. An idle store sends each append at once, alone, with
 * the same decisions written for scalar parameters (`SINGLE_APPEND_SQL`).
 *
 * What an append keeps:
 * - all or nothing: its event and its idempotency key, or neither;
 * - its own outcome, decided as before by the function for anything but the plain case. The
 *   statement appends only what it can append without waiting and without a conflict: an office
 *   whose chain head another transaction holds is skipped (`FOR UPDATE SKIP LOCKED`), so a batch
 *   never waits for a chain head and never makes one office wait for another office's writer;
 *   an event whose office has no chain head yet, whose expected version is not the stream's, or
 *   whose idempotency key was used is not appended either. Those come back as "no
 *   row" and the store runs `event_store_append` for each of them on its own, which creates the
 *   head, raises the concurrency error or replays the first result. If the statement fails as a
 *   whole (a unique violation when another writer committed after the statement's snapshot, data
 *   PostgreSQL refuses), nothing of it was written and every append in it goes to the function
 *   alone, so one bad append fails alone. If its answer is lost (the connection dropped), it may
 *   have committed: the appends whose events are in the store are acknowledged as written, and
 *   only the others go to the function (append-outcome.ts);
 * - acknowledgement after commit: a promise resolves only when the statement that wrote its event
 *   has committed.
 *
 * One event per office per batch, and none of an office already in flight: an office's chain is
 * a sequence, and a set-based statement cannot thread one row's new hash into the next. A second
 * append for the same office waits for the next batch.
 *
 * One wait remains possible: the same idempotency key sent at once down both paths (a duplicate
 * that the function is appending, its key row not yet committed, while it waits for the head this
 * batch holds). PostgreSQL detects that deadlock and aborts one side; if it is the batch, its
 * appends go to the function as above, and nothing is appended twice.
 *
 * The hash is spliced exactly as in the function (same segments, same text of recordedAt), so
 * `verify` cannot tell which path wrote an event; the event-store tests run both. Not used on the
 * embedded PGlite (see `preparedStatementPool`).
 */
export const BATCH_APPEND_STATEMENT = 'kinerja_event_store_append_batch_v1';

// `(SELECT $1::text[])`: an array the planner cannot see into, so a custom plan estimates the batch
// at the generic plan's size and the cached generic plan is used. With the literal array a batch of
// two or three looked cheaper to re-plan than to reuse, and was planned on every call.
export const BATCH_APPEND_SQL = `
WITH input AS (
  SELECT *
    FROM unnest((SELECT $1::text[]), $2::text[], $3::integer[], $4::text[], $5::jsonb[], $6::uuid[], $7::text[], $8::integer[],
                $9::jsonb[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
         AS i(tenant_id, stream_id, expected, idempotency_key, metadata, event_id, type, schema_version,
              data, s0, s1, s2, s3, s4)
),
locked AS (
  -- Each lookup is a LATERAL probe of a unique index with the row's own values (LIMIT keeps the
  -- planner from flattening it into a join), so no plan, custom or generic, made while the tables
  -- were small can scan a whole table per batch later (an EXISTS here became a hashed subplan).
  SELECT i.*
    FROM input i
    CROSS JOIN LATERAL (
      SELECT h.tenant_id FROM tenant_chain_heads h WHERE h.tenant_id = i.tenant_id FOR UPDATE SKIP LOCKED) h
    LEFT JOIN LATERAL (
      SELECT true AS found FROM events e
       WHERE e.tenant_id = i.tenant_id AND e.stream_id = i.stream_id AND e.stream_version = i.expected LIMIT 1) version_seen ON true
    LEFT JOIN LATERAL (
      SELECT true AS found FROM event_idempotency_keys k
       WHERE k.tenant_id = i.tenant_id AND k.idempotency_key = i.idempotency_key LIMIT 1) key_used ON true
   WHERE (i.expected < 0 OR version_seen.found)
     AND key_used.found IS NULL
),
head AS (
  UPDATE tenant_chain_heads h
${advanceHead((n) => `l.s${n}`, 'l.expected')}
    FROM locked l, (SELECT date_trunc('milliseconds', clock_timestamp()) AS now) c
   WHERE h.tenant_id = l.tenant_id
  RETURNING h.tenant_id, h.sequence, h.previous_hash, h.hash, h.recorded_at
),
appended AS (
  INSERT INTO events (tenant_id, tenant_sequence, stream_id, stream_version, event_id, type,
                      schema_version, data, metadata, recorded_at, previous_hash, hash)
  SELECT i.tenant_id, head.sequence, i.stream_id, i.expected + 1, i.event_id, i.type, i.schema_version, i.data, i.metadata,
         head.recorded_at, head.previous_hash, head.hash
    FROM head JOIN input i ON i.tenant_id = head.tenant_id
  RETURNING tenant_id, event_id, stream_version, tenant_sequence, global_position, recorded_at, previous_hash, hash
),
keyed AS (
  INSERT INTO event_idempotency_keys (tenant_id, idempotency_key, stream_id, first_version, last_version)
  SELECT i.tenant_id, i.idempotency_key, i.stream_id, a.stream_version, a.stream_version
    FROM appended a JOIN input i ON i.tenant_id = a.tenant_id
   WHERE i.idempotency_key IS NOT NULL
)
SELECT tenant_id AS o_tenant_id, event_id AS o_event_id, stream_version AS o_stream_version, tenant_sequence AS o_tenant_sequence,
       global_position AS o_global_position, recorded_at AS o_recorded_at, previous_hash AS o_previous_hash,
       hash AS o_hash, false AS o_replayed
  FROM appended`;

/**
 * A batch of one, the common case when the store is not busy: the same decisions as the batch
 * statement with scalar parameters, which is cheaper to plan and run than unnesting arrays.
 */
export const SINGLE_APPEND_STATEMENT = 'kinerja_event_store_append_single_v1';

export const SINGLE_APPEND_SQL = `
WITH locked AS (
  SELECT h.tenant_id FROM tenant_chain_heads h WHERE h.tenant_id = $1::text FOR UPDATE SKIP LOCKED
),
head AS (
  UPDATE tenant_chain_heads h
${advanceHead((n) => `$${10 + n}::text`, '$3::integer')}
    FROM locked l, (SELECT date_trunc('milliseconds', clock_timestamp()) AS now) c
   WHERE h.tenant_id = l.tenant_id
     AND ($3::integer < 0 OR EXISTS (
           SELECT 1 FROM events e
            WHERE e.tenant_id = $1::text AND e.stream_id = $2::text AND e.stream_version = $3::integer))
     AND ($4::text IS NULL OR NOT EXISTS (
           SELECT 1 FROM event_idempotency_keys k WHERE k.tenant_id = $1::text AND k.idempotency_key = $4::text))
  RETURNING h.sequence, h.previous_hash, h.hash, h.recorded_at
),
appended AS (
  INSERT INTO events (tenant_id, tenant_sequence, stream_id, stream_version, event_id, type,
                      schema_version, data, metadata, recorded_at, previous_hash, hash)
  SELECT $1::text, head.sequence, $2::text, $3::integer + 1, $6::uuid, $7::text, $8::integer, $9::jsonb, $5::jsonb,
         head.recorded_at, head.previous_hash, head.hash
    FROM head
  RETURNING event_id, stream_version, tenant_sequence, global_position, recorded_at, previous_hash, hash
),
keyed AS (
  INSERT INTO event_idempotency_keys (tenant_id, idempotency_key, stream_id, first_version, last_version)
  SELECT $1::text, $4::text, $2::text, a.stream_version, a.stream_version FROM appended a WHERE $4::text IS NOT NULL
)
SELECT $1::text AS o_tenant_id, event_id AS o_event_id, stream_version AS o_stream_version, tenant_sequence AS o_tenant_sequence,
       global_position AS o_global_position, recorded_at AS o_recorded_at, previous_hash AS o_previous_hash,
       hash AS o_hash, false AS o_replayed
  FROM appended`;

/**
 * The SET clause of both fast statements that moves a chain head (alias `h`, with `c.now` the
 * database clock) one event on, splicing the hash as the function does (see the top of this file).
 */
function advanceHead(segment: (n: number) => string, expectedVersion: string): string {
  return `     SET sequence = h.sequence + 1,
         previous_hash = h.hash,
         recorded_at = greatest(c.now, h.recorded_at),
         hash = encode(sha256(convert_to(
              ${segment(0)} || '"' || h.hash || '"'
           || ${segment(1)} || '"'
           || to_char(greatest(c.now, h.recorded_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'
           || ${segment(2)} || (${expectedVersion} + 1)::text
           || ${segment(3)} || (h.sequence + 1)::text
           || ${segment(4)}, 'UTF8')), 'hex')`;
}

/** One appended event as the fast statements and the `event_store_append` function give it back. */
export interface AppendRow {
  o_event_id: string;
  o_stream_version: number;
  o_tenant_sequence: string;
  o_global_position: string;
  o_recorded_at: Date;
  o_previous_hash: string;
  o_hash: string;
  o_replayed: boolean;
}

/**
 * What the fast path did with one append: wrote it (`rows`), or did not (`rows` empty) — certainly,
 * or, with `unknown`, as far as can be seen: its statement's answer was lost and its event was not
 * found, yet that statement may still be committing. Then whoever decides next must look again
 * before reporting a conflict (append-outcome.ts).
 */
export interface FastOutcome {
  rows: AppendRow[];
  unknown: boolean;
}

/** The fast path did not write the append: certainly (`unknown` false), or as far as can be seen. */
export function notWritten(unknown: boolean): FastOutcome {
  return { rows: [], unknown };
}

interface Pending {
  input: FastAppendInput;
  resolve: (outcome: FastOutcome) => void;
}

export interface AppendBatcherOptions {
  /** Fast appends in flight at once on the pool; more queue and go out together. */
  maxInFlight: number;
  /** Events in one batch statement. */
  maxBatch: number;
}

/**
 * One batch in flight per pool: on the 2-core reference machine a second concurrent batch costs
 * more in contention than it gains in overlap (BENCHMARKS.md, bench:append, group commit).
 */
export const DEFAULT_BATCHER_OPTIONS: AppendBatcherOptions = { maxInFlight: 1, maxBatch: 32 };

export class AppendBatcher {
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  private readonly tenantsInFlight = new Set<string>();

  constructor(
    private readonly pool: Pool,
    private options: AppendBatcherOptions = DEFAULT_BATCHER_OPTIONS,
  ) {}

  configure(options: AppendBatcherOptions): void {
    this.options = options;
  }

  get settings(): AppendBatcherOptions {
    return this.options;
  }

  /** The row the fast path appended for this input, or none: then the function must decide it. Never rejects. */
  append(input: FastAppendInput): Promise<FastOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ input, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.takeBatch();
      if (batch.length === 0) return; // every queued office is in flight: the next completion pumps
      this.inFlight += 1;
      void this.send(batch).finally(() => {
        this.inFlight -= 1;
        for (const pending of batch) this.tenantsInFlight.delete(pending.input.tenantId);
        this.pump();
      });
    }
  }

  /**
   * The oldest queued appends, at most one per office and none of an office already in flight
   * from this pool (it would only be skipped as locked), in arrival order; the rest stay queued.
   */
  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    let kept = 0;
    for (const pending of this.queue) {
      const tenantId = pending.input.tenantId;
      if (batch.length < this.options.maxBatch && !this.tenantsInFlight.has(tenantId)) {
        this.tenantsInFlight.add(tenantId);
        batch.push(pending);
      } else {
        this.queue[kept++] = pending;
      }
    }
    this.queue.length = kept;
    return batch;
  }

  private async send(batch: Pending[]): Promise<void> {
    let written: Map<string, AppendRow>;
    let unknown = false;
    try {
      const query = batch.length === 1
        ? { name: SINGLE_APPEND_STATEMENT, text: SINGLE_APPEND_SQL, values: fastAppendValues(batch[0].input) }
        : { name: BATCH_APPEND_STATEMENT, text: BATCH_APPEND_SQL, values: batchValues(batch) };
      const { rows } = await this.pool.query<AppendRow & { o_tenant_id: string }>(query);
      written = new Map(rows.map(({ o_tenant_id, ...row }) => [o_tenant_id, row]));
    } catch (error) {
      // Refused by the server: nothing of the batch was written, and the function decides each
      // append on its own (one that fails there fails alone, with its own error). Answer lost: the
      // batch may have committed, so its events are looked for first (append-outcome.ts).
      unknown = !certainlyRolledBack(error);
      written = unknown ? await this.writtenOf(batch) : new Map();
    }
    for (const pending of batch) {
      const row = written.get(pending.input.tenantId);
      pending.resolve(row ? { rows: [row], unknown: false } : notWritten(unknown));
    }
  }

  /** The row of each office of a batch whose answer was lost whose event is in the store; none when the database cannot say. */
  private async writtenOf(batch: Pending[]): Promise<Map<string, AppendRow>> {
    const sent = batch.map(({ input }) => ({ tenantId: input.tenantId, streamId: input.streamId, eventIds: [input.event.eventId] }));
    const written = await writtenAppends(this.pool, sent).catch(() => new Map<SentAppend, AppendRow[]>());
    return new Map([...written].map(([append, [row]]) => [append.tenantId, row]));
  }
}

/** The batch's parameters: one array per column, in the order of BATCH_APPEND_SQL's unnest. */
function batchValues(batch: Pending[]): unknown[] {
  const columns: unknown[][] = Array.from({ length: 14 }, () => new Array<unknown>(batch.length));
  batch.forEach(({ input }, row) => {
    const values = fastAppendValues(input);
    for (let column = 0; column < 14; column += 1) columns[column][row] = values[column];
  });
  return columns;
}

const batchers = new WeakMap<Pool, AppendBatcher>();

/**
 * One batcher per pool, so every store on a data source shares the in-flight limit. A store built
 * with explicit options (the application's, from configuration) sets them; others use what is set.
 */
export function batcherOf(pool: Pool, options?: AppendBatcherOptions): AppendBatcher {
  let batcher = batchers.get(pool);
  if (!batcher) {
    batcher = new AppendBatcher(pool, options);
    batchers.set(pool, batcher);
  } else if (options) {
    batcher.configure(options);
  }
  return batcher;
}
