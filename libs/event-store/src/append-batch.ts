import type { Pool } from 'pg';
import { FastAppendInput, fastAppendValues } from './append-fast-path';
import { certainlyRolledBack, SentAppend, writtenAppendsPatiently } from './append-outcome';

/**
 * The fast path of `event_store_append` (see the event-store migration), with group commit.
 *
 * The common command is a few events (one; two for a report saved and submitted at once) with a
 * known expected version in a transaction of its own. Under load most of its cost is per statement
 * and per commit (executor start-up, the WAL flush, the round trip, pg's query path in Node), not
 * per event. So the store keeps at most `maxInFlight` fast appends in flight per pool
 * (`EVENT_STORE_APPENDS_IN_FLIGHT`, one by default); appends that arrive meanwhile queue, and when
 * the slot frees the queue goes out as ONE prepared statement that makes up to `maxBatch` appends
 * of different offices in one transaction. An idle store sends each append at once, alone; a
 * single event then goes with the same decisions written for scalar parameters (`SINGLE_APPEND_SQL`).
 *
 * What an append keeps:
 * - all or nothing: its events and its idempotency key, or none of them;
 * - its own outcome, decided as before by the function for anything but the plain case. The
 *   statement appends only what it can append without waiting and without a conflict: an office
 *   whose chain head another transaction holds is skipped (`FOR UPDATE SKIP LOCKED`), so a batch
 *   never waits for a chain head and never makes one office wait for another office's writer;
 *   an event whose office has no chain head yet, whose expected version is not the stream's, or
 *   whose idempotency key was used is not appended either. Those come back as "no
 *   row" and the store runs `event_store_append` for each of them on its own, which creates the
 *   head, raises the concurrency error, replays the first result or refuses a key first used with
 *   another request fingerprint (the key row keeps the fingerprint). If the statement fails as a
 *   whole (a unique violation when another writer committed after the statement's snapshot, data
 *   PostgreSQL refuses), nothing of it was written and every append in it goes to the function
 *   alone, so one bad append fails alone. If its answer is lost (the connection dropped), it may
 *   have committed: the appends whose events are in the store are acknowledged as written, and
 *   only the others go to the function (append-outcome.ts);
 * - acknowledgement after commit: a promise resolves only when the statement that wrote its event
 *   has committed.
 *
 * One append per office per batch, and none of an office already in flight: an office's chain is
 * a sequence, threaded through one append's events by the statement's recursive step but not
 * from one append to another's. A second append for the same office waits for the next batch.
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
export const BATCH_APPEND_STATEMENT = 'kinerja_event_store_append_batch_v3';

// `(SELECT $1::text[])`: an array the planner cannot see into, so a custom plan estimates the batch
// at the generic plan's size and the cached generic plan is used. With the literal array a batch of
// two or three looked cheaper to re-plan than to reuse, and was planned on every call.
//
// One row per event: `ordinal` is the event's place in its append, `event_count` the append's
// length; the append's own values (office, stream, expected version, key, metadata, request
// fingerprint) repeat on each of its rows, and the checks and the lock are made on its first. `chain` threads the hash from
// one event of an append to the next (a recursive step per ordinal), which a set-based UPDATE of
// the head cannot do; the head then moves to the append's last event in one UPDATE.
export const BATCH_APPEND_SQL = `
WITH RECURSIVE input AS (
  SELECT *
    FROM unnest((SELECT $1::text[]), $2::text[], $3::integer[], $4::text[], $5::jsonb[], $6::uuid[], $7::text[], $8::integer[],
                $9::jsonb[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::integer[], $16::integer[],
                $17::text[])
         AS i(tenant_id, stream_id, expected, idempotency_key, metadata, event_id, type, schema_version,
              data, s0, s1, s2, s3, s4, ordinal, event_count, request_fingerprint)
),
locked AS (
  -- Each lookup is a LATERAL probe of a unique index with the row's own values (LIMIT keeps the
  -- planner from flattening it into a join), so no plan, custom or generic, made while the tables
  -- were small can scan a whole table per batch later (an EXISTS here became a hashed subplan).
  -- FOR UPDATE gives the head as it is once locked, even if a writer moved it after this
  -- statement's snapshot (and then the event's sequence or version is taken: a unique violation).
  SELECT i.*, h.sequence AS head_sequence, h.hash AS head_hash, h.recorded_at AS head_recorded_at
    FROM (SELECT * FROM input WHERE ordinal = 0) i
    CROSS JOIN LATERAL (
      SELECT h.sequence, h.hash, h.recorded_at FROM tenant_chain_heads h WHERE h.tenant_id = i.tenant_id FOR UPDATE SKIP LOCKED) h
    LEFT JOIN LATERAL (
      SELECT true AS found FROM events e
       WHERE e.tenant_id = i.tenant_id AND e.stream_id = i.stream_id AND e.stream_version = i.expected LIMIT 1) version_seen ON true
    LEFT JOIN LATERAL (
      SELECT true AS found FROM event_idempotency_keys k
       WHERE k.tenant_id = i.tenant_id AND k.idempotency_key = i.idempotency_key LIMIT 1) key_used ON true
   WHERE (i.expected < 0 OR version_seen.found)
     AND key_used.found IS NULL
),
chain AS (
  SELECT l.tenant_id, l.ordinal, l.event_count, l.head_sequence + 1 AS sequence, l.expected + 1 AS version,
         l.head_hash AS previous_hash, t.recorded_at, t.recorded_text,
         ${eventHash((n) => `l.s${n}`, 'l.head_hash', 't.recorded_text', 'l.expected + 1', 'l.head_sequence + 1')} AS hash
    FROM locked l
    CROSS JOIN LATERAL (SELECT r.recorded_at, ${isoText('r.recorded_at')} AS recorded_text
                          FROM (SELECT greatest(date_trunc('milliseconds', clock_timestamp()), l.head_recorded_at) AS recorded_at) r) t
  UNION ALL
  SELECT p.tenant_id, i.ordinal, p.event_count, p.sequence + 1, p.version + 1, p.hash, p.recorded_at, p.recorded_text,
         ${eventHash((n) => `i.s${n}`, 'p.hash', 'p.recorded_text', 'p.version + 1', 'p.sequence + 1')}
    FROM chain p JOIN input i ON i.tenant_id = p.tenant_id AND i.ordinal = p.ordinal + 1
),
head AS (
  UPDATE tenant_chain_heads h
     SET sequence = last.sequence, previous_hash = last.previous_hash, hash = last.hash, recorded_at = last.recorded_at
    FROM chain last
   WHERE h.tenant_id = last.tenant_id AND last.ordinal = last.event_count - 1
  RETURNING h.tenant_id
),
appended AS (
  -- In stream order, so global positions follow the chain within the transaction.
  INSERT INTO events (tenant_id, tenant_sequence, stream_id, stream_version, event_id, type,
                      schema_version, data, metadata, recorded_at, previous_hash, hash)
  SELECT i.tenant_id, c.sequence, i.stream_id, c.version, i.event_id, i.type, i.schema_version, i.data, i.metadata,
         c.recorded_at, c.previous_hash, c.hash
    FROM head
    JOIN chain c ON c.tenant_id = head.tenant_id
    JOIN input i ON i.tenant_id = c.tenant_id AND i.ordinal = c.ordinal
   ORDER BY c.tenant_id, c.ordinal
  RETURNING tenant_id, event_id, stream_version, tenant_sequence, global_position, recorded_at, previous_hash, hash
),
keyed AS (
  INSERT INTO event_idempotency_keys (tenant_id, idempotency_key, stream_id, first_version, last_version, request_fingerprint)
  SELECT l.tenant_id, l.idempotency_key, l.stream_id, l.expected + 1, l.expected + l.event_count, l.request_fingerprint
    FROM head JOIN locked l ON l.tenant_id = head.tenant_id
   WHERE l.idempotency_key IS NOT NULL
)
SELECT tenant_id AS o_tenant_id, event_id AS o_event_id, stream_version AS o_stream_version, tenant_sequence AS o_tenant_sequence,
       global_position AS o_global_position, recorded_at AS o_recorded_at, previous_hash AS o_previous_hash,
       hash AS o_hash, false AS o_replayed
  FROM appended
 ORDER BY tenant_id, stream_version`;

/**
 * The hash of one event as the function computes it (see the top of this file): the canonical
 * envelope's five segments, `segment(n)`, with the four values only the database knows spliced in.
 */
function eventHash(segment: (n: number) => string, previousHash: string, recordedText: string, version: string, sequence: string): string {
  return `encode(sha256(convert_to(
              ${segment(0)} || '"' || ${previousHash} || '"'
           || ${segment(1)} || '"' || ${recordedText} || '"'
           || ${segment(2)} || (${version})::text
           || ${segment(3)} || (${sequence})::text
           || ${segment(4)}, 'UTF8')), 'hex')`;
}

/**
 * A batch of one, the common case when the store is not busy: the same decisions as the batch
 * statement with scalar parameters, which is cheaper to plan and run than unnesting arrays.
 */
export const SINGLE_APPEND_STATEMENT = 'kinerja_event_store_append_single_v2';

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
  INSERT INTO event_idempotency_keys (tenant_id, idempotency_key, stream_id, first_version, last_version, request_fingerprint)
  SELECT $1::text, $4::text, $2::text, a.stream_version, a.stream_version, $15::text FROM appended a WHERE $4::text IS NOT NULL
)
SELECT $1::text AS o_tenant_id, event_id AS o_event_id, stream_version AS o_stream_version, tenant_sequence AS o_tenant_sequence,
       global_position AS o_global_position, recorded_at AS o_recorded_at, previous_hash AS o_previous_hash,
       hash AS o_hash, false AS o_replayed
  FROM appended`;

/**
 * The SET clause of the single statement that moves a chain head (alias `h`, with `c.now` the
 * database clock) one event on.
 */
function advanceHead(segment: (n: number) => string, expectedVersion: string): string {
  const recordedAt = 'greatest(c.now, h.recorded_at)';
  return `     SET sequence = h.sequence + 1,
         previous_hash = h.hash,
         recorded_at = ${recordedAt},
         hash = ${eventHash(segment, 'h.hash', isoText(recordedAt), `${expectedVersion} + 1`, 'h.sequence + 1')}`;
}

/** recorded_at as the envelope writes it: ISO 8601 in UTC with milliseconds, as JavaScript's toISOString. */
function isoText(timestamp: string): string {
  return `to_char(${timestamp} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
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
    let written: Map<string, AppendRow[]>;
    let unknown = false;
    try {
      const only = batch.length === 1 && batch[0].input.events.length === 1 ? batch[0].input : null;
      const query = only
        ? { name: SINGLE_APPEND_STATEMENT, text: SINGLE_APPEND_SQL, values: singleValues(only) }
        : { name: BATCH_APPEND_STATEMENT, text: BATCH_APPEND_SQL, values: batchValues(batch) };
      const { rows } = await this.pool.query<AppendRow & { o_tenant_id: string }>(query);
      written = new Map();
      for (const { o_tenant_id, ...row } of rows) {
        const appended = written.get(o_tenant_id);
        if (appended) appended.push(row);
        else written.set(o_tenant_id, [row]);
      }
    } catch (error) {
      // Refused by the server: nothing of the batch was written, and the function decides each
      // append on its own (one that fails there fails alone, with its own error). Answer lost: the
      // batch may have committed, so its events are looked for first (append-outcome.ts).
      unknown = !certainlyRolledBack(error);
      written = unknown ? await this.writtenOf(batch) : new Map();
    }
    for (const pending of batch) {
      const rows = written.get(pending.input.tenantId);
      pending.resolve(rows ? { rows, unknown: false } : notWritten(unknown));
    }
  }

  /**
   * The rows of each office of a batch whose answer was lost whose events are in the store; none
   * when the database cannot say (each append then goes to the function still marked unknown,
   * and is looked for again if that fails too).
   */
  private async writtenOf(batch: Pending[]): Promise<Map<string, AppendRow[]>> {
    const sent = batch.map(({ input }) => ({ tenantId: input.tenantId, streamId: input.streamId, eventIds: input.events.map((e) => e.eventId) }));
    const written = await writtenAppendsPatiently(this.pool, sent).catch(() => new Map<SentAppend, AppendRow[]>());
    return new Map([...written].map(([append, rows]) => [append.tenantId, rows]));
  }
}

/** SINGLE_APPEND_SQL takes the first fourteen of an event's values and the request fingerprint: no ordinal, no count. */
function singleValues(input: FastAppendInput): unknown[] {
  const values = fastAppendValues(input);
  return [...values.slice(0, 14), values[16]];
}

/** The batch's parameters: one array per column, in the order of BATCH_APPEND_SQL's unnest, a row per event. */
function batchValues(batch: Pending[]): unknown[] {
  const columns: unknown[][] = Array.from({ length: BATCH_APPEND_PARAMETERS }, () => []);
  for (const { input } of batch) {
    const metadataJson = JSON.stringify(input.metadata);
    for (let ordinal = 0; ordinal < input.events.length; ordinal += 1) {
      const values = fastAppendValues(input, ordinal, metadataJson);
      for (let column = 0; column < BATCH_APPEND_PARAMETERS; column += 1) columns[column].push(values[column]);
    }
  }
  return columns;
}

const BATCH_APPEND_PARAMETERS = 17;

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
