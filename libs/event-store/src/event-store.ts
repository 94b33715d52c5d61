import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { ChainVerifier } from './chain-verifier';
import { Checkpoint, START_CHECKPOINT, toCheckpoint } from './checkpoint';
import { ConcurrencyError } from './concurrency.error';
import { assertAppendable, PreparedEvent, prepareEvent, toEnvelopeMetadata, toExpectedParameter } from './append-input';
import { FAST_APPEND_MAX_EVENTS, preparedStatementPool } from './append-fast-path';
import { AppendBatcherOptions, AppendRow, batcherOf, FastOutcome, notWritten } from './append-batch';
import { certainlyRolledBack, SentAppend, writtenAppendsPatiently } from './append-outcome';
import { AppendOutcomeUnknownError } from './outcome-unknown.error';
import { IdempotencyKeyReusedError, IdempotencyRecord, IdempotentRequest, isSameRequest } from './idempotency';
import { EnvelopeMetadata, GENESIS_HASH } from './event-envelope';
import { EVENT_COLUMNS, EventRow, EventRowValues, globalEventOfValues, toRecordedEvent } from './event-row';
import {
  AppendOptions,
  AppendResult,
  ChainHead,
  EventMetadata,
  ExpectedVersion,
  GlobalEvent,
  NewEvent,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  ReadTenantEventsOptions,
  RecordedEvent,
  VerifyResult,
} from './event-store.types';
import { eventUpcasters, UpcasterRegistry } from './upcaster.registry';

const APPEND_SQL = 'SELECT * FROM event_store_append($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7)';
export const APPEND_STATEMENT = 'kinerja_event_store_append_v2';

type Queryable = DataSource | EntityManager;

/**
 * Kinerja's PostgreSQL event store: append-only, optimistic concurrency per stream, idempotent
 * commands, a hash chain per office, a global log subscribers can follow without skipping a
 * late commit. The SQL of every hot path is written out here and in the event-store migration.
 */
export class EventStore {
  constructor(
    private readonly dataSource: DataSource,
    readonly upcasters: UpcasterRegistry = eventUpcasters,
    /** Group commit of appends in transactions of their own (append-batch.ts); without, what the pool's batcher has (default: DEFAULT_BATCHER_OPTIONS). */
    private readonly batching?: AppendBatcherOptions,
  ) {}

  async append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: NewEvent[],
    metadata: EventMetadata,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${streamId}: no events`);
    const idempotencyKey = metadata.idempotencyKey ?? null;
    const requestFingerprint = idempotencyKey === null ? null : (metadata.requestFingerprint ?? null);
    assertAppendable(streamId, events, idempotencyKey, requestFingerprint);
    const envelopeMeta = toEnvelopeMetadata(metadata);
    const prepared = events.map((event) => prepareEvent(event, streamId, metadata.tenantId, envelopeMeta, this.upcasters));
    const runner: Queryable = options.manager ?? this.dataSource;
    const expected = toExpectedParameter(expectedVersion);
    const fast = prepared.length <= FAST_APPEND_MAX_EVENTS && expected !== null && !options.manager
      ? await this.appendFast(metadata.tenantId, streamId, expected, { idempotencyKey, requestFingerprint }, envelopeMeta, prepared)
      : notWritten(false);
    const rows = fast.rows.length > 0
      ? fast.rows
      : await this.appendGeneral(runner, metadata.tenantId, streamId, expectedVersion, { idempotencyKey, requestFingerprint }, envelopeMeta, prepared, options, fast.unknown);
    if (rows[0]?.o_replayed) return this.replayResult(runner, metadata.tenantId, streamId, rows);
    const recorded = rows.map((row, i): RecordedEvent => ({
      eventId: row.o_event_id,
      streamId,
      streamVersion: row.o_stream_version,
      tenantId: metadata.tenantId,
      tenantSequence: Number(row.o_tenant_sequence),
      globalPosition: String(row.o_global_position),
      ...this.upcastPrepared(prepared[i]),
      metadata: envelopeMeta,
      recordedAt: row.o_recorded_at,
      previousHash: row.o_previous_hash,
      hash: row.o_hash,
    }));
    return { streamId, nextExpectedVersion: recorded[recorded.length - 1].streamVersion, events: recorded, replayed: false };
  }

  /**
   * Events in a transaction of their own, through the group commit's prepared statements, alone or
   * with other offices' appends (append-batch.ts). No rows: nothing was written and the function
   * must decide (no chain head yet, version ahead, key already used, the office's head held by
   * another writer, the statement failed as a whole, or the embedded database).
   */
  private async appendFast(
    tenantId: string,
    streamId: string,
    expected: number,
    key: AppendKey,
    metadata: EnvelopeMetadata,
    events: PreparedEvent[],
  ): Promise<FastOutcome> {
    const pool = await preparedStatementPool(this.dataSource);
    if (!pool) return notWritten(false);
    return batcherOf(pool, this.batching).append({ tenantId, streamId, expected, ...key, metadata, events });
  }

  /**
   * Any append, through the `event_store_append` function, in the caller's transaction or its own.
   * `maybeWritten`: the fast path lost its answer for this append (its statement may commit late).
   */
  private async appendGeneral(
    runner: Queryable,
    tenantId: string,
    streamId: string,
    expectedVersion: ExpectedVersion,
    key: AppendKey,
    metadata: EnvelopeMetadata,
    prepared: PreparedEvent[],
    options: AppendOptions,
    maybeWritten: boolean,
  ): Promise<AppendRow[]> {
    const values = [
      tenantId, streamId, toExpectedParameter(expectedVersion), key.idempotencyKey, JSON.stringify(metadata),
      JSON.stringify(prepared.map(({ dataJson: _text, ...event }) => event)), key.requestFingerprint,
    ];
    // In a transaction of its own the call is a named prepared statement too: planning the
    // function call costs about as much as running its fast path.
    const pool = options.manager ? null : await preparedStatementPool(this.dataSource);
    try {
      if (pool) return (await pool.query<AppendRow>({ name: APPEND_STATEMENT, text: APPEND_SQL, values })).rows;
      return await runner.query(APPEND_SQL, values);
    } catch (error) {
      const mayBeStored = pool !== null && (maybeWritten || !certainlyRolledBack(error));
      if (mayBeStored) {
        const written = await this.alreadyWritten(pool, { tenantId, streamId, eventIds: prepared.map((e) => e.eventId) }, error);
        if (written) return written;
      }
      throw await this.translateAppendError(error, tenantId, streamId, expectedVersion, options.manager !== undefined);
    }
  }

  /**
   * The rows of an append whose events are in the store although its statement failed: its answer
   * was lost after the commit, or the fast path's statement, whose answer was lost, committed
   * after all while the function ran, which then met its event as a moved-on stream or a used
   * event id. An append is acknowledged once it is stored, whatever answer went missing on the
   * way. Null when they are not there. When the database cannot say, even after waiting a moment,
   * the outcome is unknown, and the caller is told so rather than given `failure`, which could
   * be mistaken for "not written".
   */
  private async alreadyWritten(pool: Pool, append: SentAppend, failure: unknown): Promise<AppendRow[] | null> {
    let written: Map<SentAppend, AppendRow[]>;
    try {
      written = await writtenAppendsPatiently(pool, [append]);
    } catch {
      throw new AppendOutcomeUnknownError(append.streamId, failure);
    }
    return written.get(append) ?? null;
  }

  /** What the first use of an idempotency key appended, and the request it came with; null for a key never used. */
  async idempotencyRecord(tenantId: string, idempotencyKey: string, manager?: EntityManager): Promise<IdempotencyRecord | null> {
    const rows: Array<{ stream_id: string; first_version: number; last_version: number; request_fingerprint: string | null }> =
      await (manager ?? this.dataSource).query(
        `SELECT stream_id, first_version, last_version, request_fingerprint
           FROM event_idempotency_keys WHERE tenant_id = $1 AND idempotency_key = $2`,
        [tenantId, idempotencyKey],
      );
    if (rows.length === 0) return null;
    const [row] = rows;
    return { streamId: row.stream_id, firstVersion: Number(row.first_version), lastVersion: Number(row.last_version), requestFingerprint: row.request_fingerprint };
  }

  /**
   * Before deciding a command with a key: what the key's first use appended when `request` is a
   * retry of it (answer as then, append nothing), null when the key is new (go on). A key first
   * used for another stream or another request is refused: IdempotencyKeyReusedError.
   */
  async firstAppendOf(tenantId: string, idempotencyKey: string, request: IdempotentRequest, manager?: EntityManager): Promise<IdempotencyRecord | null> {
    const record = await this.idempotencyRecord(tenantId, idempotencyKey, manager);
    if (record === null) return null;
    if (!isSameRequest(record, request)) throw new IdempotencyKeyReusedError();
    return record;
  }

  /** A stream in version order, optionally up to a version (inclusive) or an instant. */
  /** Pass `manager` when reading inside a transaction: a second connection would wait on the first on PGlite. */
  async readStream(streamId: string, options: ReadStreamOptions = {}, manager?: EntityManager): Promise<RecordedEvent[]> {
    const params: unknown[] = [streamId];
    let where = 'e.stream_id = $1';
    if (options.tenantId !== undefined) where += ` AND e.tenant_id = $${params.push(options.tenantId)}`;
    if (options.toVersion !== undefined) where += ` AND e.stream_version <= $${params.push(options.toVersion)}`;
    if (options.asOf !== undefined) where += ` AND e.recorded_at <= $${params.push(options.asOf)}`;
    const rows: EventRow[] = await (manager ?? this.dataSource).query(
      `SELECT ${EVENT_COLUMNS} FROM events e WHERE ${where} ORDER BY e.stream_version`,
      params,
    );
    return rows.map((row) => toRecordedEvent(row, this.upcasters));
  }

  /**
   * The global log after a checkpoint, ordered by (transaction id, position).
   *
   * Why not just `ORDER BY global_position`: positions are taken from a sequence when a row is
   * inserted but become visible when its transaction commits, so position 11 can be read while
   * position 10 is still in flight; a subscriber that saved 11 would never see 10. Instead every
   * row carries the id of the transaction that wrote it, and we return only rows whose transaction
   * id is below the xmin of our snapshot: every transaction below xmin has finished, so no row can
   * later appear before what we return. A transaction in flight holds xmin back until it ends, and
   * then its rows sort after everything already delivered (their transaction id is >= the old
   * xmin). The price: one long transaction delays (never loses) delivery for everyone.
   */
  async readAll(options: ReadAllOptions = {}, manager?: EntityManager): Promise<ReadAllResult> {
    const after = toCheckpoint(options.after);
    const limit = options.limit ?? 500;
    const rows = await this.queryValues<EventRowValues>(
      manager,
      `SELECT ${EVENT_COLUMNS} FROM events e
        WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
          AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id, e.global_position
        LIMIT $3`,
      [after.txId, after.position, limit],
    );
    const events = rows.map((row) => globalEventOfValues(row, this.upcasters));
    return { events, checkpoint: events.length > 0 ? events[events.length - 1].checkpoint : after };
  }

  /**
   * Holds the office's chain head until `manager`'s transaction ends: every append of the office
   * (each takes that row, see the event-store migration and append-batch.ts) waits, so nothing of
   * the office commits meanwhile and what it committed before is visible to the statements that
   * follow. For a decision that must rest on all the office has committed, not on a projection
   * that may lag. An office with no event yet has no head to hold: then nothing is held.
   */
  async holdTenant(tenantId: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT 1 FROM tenant_chain_heads WHERE tenant_id = $1 FOR UPDATE', [tenantId]);
  }

  /**
   * One office's committed events after a checkpoint, in the global log's order. Unlike `readAll`,
   * not held back below the oldest open transaction: for a caller that holds the office
   * (`holdTenant`), so that none of the office's events is in flight.
   */
  async readTenantAfter(tenantId: string, after: Checkpoint, manager: EntityManager): Promise<GlobalEvent[]> {
    const rows = await this.queryValues<EventRowValues>(
      manager,
      `SELECT ${EVENT_COLUMNS} FROM events e
        WHERE e.tenant_id = $1 AND (e.transaction_id, e.global_position) > ($2::xid8, $3::bigint)
        ORDER BY e.transaction_id, e.global_position`,
      [tenantId, after.txId, after.position],
    );
    return rows.map((row) => globalEventOfValues(row, this.upcasters));
  }

  /** Rows as arrays (pg's `rowMode: 'array'`), on the caller's transaction when it has one. */
  private async queryValues<Row>(manager: EntityManager | undefined, sql: string, parameters: unknown[]): Promise<Row[]> {
    const runner = manager?.queryRunner ?? (manager?.connection ?? this.dataSource).createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const result = await client.query<Row & unknown[]>({ text: sql, values: parameters, rowMode: 'array' });
      return result.rows;
    } finally {
      if (runner !== manager?.queryRunner) await runner.release();
    }
  }

  /** One tenant's events in chain order (what the audit trail walks). */
  async readTenantEvents(tenantId: string, options: ReadTenantEventsOptions = {}, manager?: EntityManager): Promise<RecordedEvent[]> {
    const rows: EventRow[] = await (manager ?? this.dataSource).query(
      `SELECT ${EVENT_COLUMNS} FROM events e
        WHERE e.tenant_id = $1 AND e.tenant_sequence >= $2
        ORDER BY e.tenant_sequence LIMIT $3`,
      [tenantId, options.fromSequence ?? 1, options.limit ?? 1000],
    );
    return rows.map((row) => toRecordedEvent(row, this.upcasters));
  }

  async headOf(tenantId: string, manager?: EntityManager): Promise<ChainHead> {
    const rows: Array<{ sequence: string; hash: string }> = await (manager ?? this.dataSource).query(
      'SELECT sequence, hash FROM tenant_chain_heads WHERE tenant_id = $1',
      [tenantId],
    );
    return rows.length === 0 ? { sequence: 0, hash: GENESIS_HASH } : { sequence: Number(rows[0].sequence), hash: rows[0].hash };
  }

  /** Recomputes the tenant's chain (streamed in batches of `batchSize` rows) against its head row. */
  verify(tenantId: string, options: { batchSize?: number } = {}): Promise<VerifyResult> {
    return new ChainVerifier(this.dataSource, options.batchSize).verify(tenantId);
  }

  /** A subscriber's durable checkpoint; the start of the log when it has none yet. */
  async loadCheckpoint(subscriber: string, manager?: EntityManager): Promise<Checkpoint> {
    const rows: Array<{ tx: string; position: string }> = await (manager ?? this.dataSource).query(
      `SELECT transaction_id::text AS tx, global_position::text AS position
         FROM event_subscriber_checkpoints WHERE subscriber = $1`,
      [subscriber],
    );
    return rows.length === 0 ? START_CHECKPOINT : { txId: rows[0].tx, position: rows[0].position };
  }

  /** Pass the manager of the transaction that wrote the subscriber's rows: both commit or neither. */
  async saveCheckpoint(subscriber: string, checkpoint: Checkpoint | string, manager?: EntityManager): Promise<void> {
    const { txId, position } = toCheckpoint(checkpoint);
    await (manager ?? this.dataSource).query(
      `INSERT INTO event_subscriber_checkpoints (subscriber, transaction_id, global_position)
       VALUES ($1, $2::xid8, $3::bigint)
       ON CONFLICT (subscriber) DO UPDATE
         SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()`,
      [subscriber, txId, position],
    );
  }

  private upcastPrepared(prepared: { type: string; schemaVersion: number; data: unknown }) {
    const current = this.upcasters.upcast(prepared.type, prepared.schemaVersion, prepared.data);
    return { type: prepared.type, schemaVersion: current.schemaVersion, data: current.data };
  }

  /**
   * The first append of a key that was already used, read back; a key first used on another stream
   * names another request, and is refused (the fingerprints, when given, were compared by the append).
   */
  private async replayResult(runner: Queryable, tenantId: string, streamId: string, rows: AppendRow[]): Promise<AppendResult> {
    const first = Number(rows[0].o_tenant_sequence);
    const events = await this.readTenantEvents(tenantId, { fromSequence: first, limit: rows.length }, managerOf(runner));
    if (events[0] !== undefined && events[0].streamId !== streamId) throw new IdempotencyKeyReusedError();
    return { streamId, nextExpectedVersion: events[events.length - 1].streamVersion, events, replayed: true };
  }

  /**
   * A stale writer's unique violation becomes a ConcurrencyError. Its actual version is read from
   * the pool only when the append ran in a transaction of its own: a caller's failed transaction is
   * still open, and on the embedded PGlite (one session shared by every connection) a read from
   * another connection would wait for it forever. There the version the append tried to write
   * (expected + 1) is known to exist: a lower bound of the actual one.
   */
  private async translateAppendError(
    error: unknown,
    tenantId: string,
    streamId: string,
    expected: ExpectedVersion,
    insideCallerTransaction: boolean,
  ): Promise<unknown> {
    const driverError = ((error as { driverError?: unknown }).driverError ?? error) as { code?: string; constraint?: string; detail?: string };
    if (driverError.code === 'KS409') return new ConcurrencyError(streamId, expected, Number(driverError.detail));
    if (driverError.code === 'KS422') return new IdempotencyKeyReusedError();
    if (driverError.code !== '23505' || driverError.constraint !== 'events_stream_version_key') return error;
    if (insideCallerTransaction) return new ConcurrencyError(streamId, expected, (toExpectedParameter(expected) ?? -1) + 1);
    const rows: Array<{ version: number }> = await this.dataSource.query(
      'SELECT coalesce(max(stream_version), -1) AS version FROM events WHERE tenant_id = $1 AND stream_id = $2',
      [tenantId, streamId],
    );
    return new ConcurrencyError(streamId, expected, Number(rows[0].version));
  }
}

/** An append's idempotency key and the fingerprint of its request (both null without a key). */
interface AppendKey {
  idempotencyKey: string | null;
  requestFingerprint: string | null;
}

function managerOf(runner: Queryable): EntityManager | undefined {
  return runner instanceof DataSource ? undefined : runner;
}
