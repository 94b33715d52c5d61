import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moves the value checks of the event store's own tables out of the per-row CHECK constraints and
 * into the one place that writes those rows, `EventStore.append` (`assertAppendable`).
 *
 * Why: PostgreSQL re-reads every CHECK expression of a table from its stored text on each
 * statement that writes to it (ExecRelCheck builds them per query, even for a prepared statement).
 * The append writes three tables with seven checks between them; `perf` showed about a tenth of
 * the backend's CPU per append going to parsing those expressions, and dropping them took about
 * 25 µs off each append (bench:append, BENCHMARKS.md).
 *
 * What still holds in the database: the keys (one event per tenant sequence, per stream version,
 * per event id; one use of an idempotency key), NOT NULL on every column, the append-only triggers
 * and the hash chain, which `verify` recomputes. The sequence and version are computed by the
 * append itself (head + 1, expected + 1 with expected >= -1); the lengths of stream id, type and
 * idempotency key and the schema version are refused in Node, with a message, before any SQL.
 */
export class EventStoreChecksInAppend1795920000000 implements MigrationInterface {
  name = 'EventStoreChecksInAppend1795920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE events
        DROP CONSTRAINT events_tenant_sequence_check,
        DROP CONSTRAINT events_stream_id_check,
        DROP CONSTRAINT events_stream_version_check,
        DROP CONSTRAINT events_type_check,
        DROP CONSTRAINT events_schema_version_check`);
    await queryRunner.query(`ALTER TABLE tenant_chain_heads DROP CONSTRAINT tenant_chain_heads_sequence_check`);
    await queryRunner.query(`ALTER TABLE event_idempotency_keys DROP CONSTRAINT event_idempotency_keys_idempotency_key_check`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE events
        ADD CONSTRAINT events_tenant_sequence_check CHECK (tenant_sequence > 0),
        ADD CONSTRAINT events_stream_id_check CHECK (length(stream_id) BETWEEN 1 AND 300),
        ADD CONSTRAINT events_stream_version_check CHECK (stream_version >= 0),
        ADD CONSTRAINT events_type_check CHECK (length(type) BETWEEN 1 AND 200),
        ADD CONSTRAINT events_schema_version_check CHECK (schema_version > 0)`);
    await queryRunner.query(`ALTER TABLE tenant_chain_heads ADD CONSTRAINT tenant_chain_heads_sequence_check CHECK (sequence >= 0)`);
    await queryRunner.query(`
      ALTER TABLE event_idempotency_keys
        ADD CONSTRAINT event_idempotency_keys_idempotency_key_check CHECK (length(idempotency_key) BETWEEN 1 AND 200)`);
  }
}
