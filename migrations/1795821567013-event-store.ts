import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store: the append-only `events` table, the per-tenant chain heads that serialise
 * appends of one office (and only of that office), idempotency keys, subscriber checkpoints and
 * the append function that does the whole hot path in one round trip.
 *
 * Keys: the office (tenant) code leads every key and index except two, for the reason given on
 * each: the global log index (subscribers read every office in commit order) and the stream index
 * (stream ids embed the office, so a stream is found without naming its tenant). Under Citus both
 * become per-shard indexes and the queries that use them fan out; the per-tenant paths stay local.
 */
export class EventStore1795821567013 implements MigrationInterface {
  name = 'EventStore1795821567013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE events (
        tenant_id       text        NOT NULL,
        tenant_sequence bigint      NOT NULL CHECK (tenant_sequence > 0),
        stream_id       text        NOT NULL CHECK (length(stream_id) BETWEEN 1 AND 300),
        stream_version  integer     NOT NULL CHECK (stream_version >= 0),
        event_id        uuid        NOT NULL,
        type            text        NOT NULL CHECK (length(type) BETWEEN 1 AND 200),
        schema_version  integer     NOT NULL CHECK (schema_version > 0),
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL,
        previous_hash   text        NOT NULL,
        hash            text        NOT NULL,
        global_position bigint      GENERATED ALWAYS AS IDENTITY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        CONSTRAINT events_pkey PRIMARY KEY (tenant_id, tenant_sequence),
        CONSTRAINT events_stream_version_key UNIQUE (tenant_id, stream_id, stream_version),
        CONSTRAINT events_event_id_key UNIQUE (tenant_id, event_id)
      )`);
    // Global log order: (transaction id, position), read only below the snapshot's xmin.
    await queryRunner.query(`CREATE INDEX events_global_log_idx ON events (transaction_id, global_position)`);
    await queryRunner.query(`CREATE INDEX events_stream_idx ON events (stream_id, stream_version)`);

    await queryRunner.query(`
      CREATE TABLE tenant_chain_heads (
        tenant_id     text        PRIMARY KEY,
        sequence      bigint      NOT NULL CHECK (sequence >= 0),
        hash          text        NOT NULL,
        previous_hash text        NOT NULL,
        recorded_at   timestamptz NOT NULL
      ) WITH (fillfactor = 50)`);
    // fillfactor: every append updates its office's head row; free room on the page keeps those
    // updates HOT (no index write) and lets pruning reclaim the old versions in place.
    await queryRunner.query(`
      CREATE TABLE event_idempotency_keys (
        tenant_id       text        NOT NULL,
        idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        stream_id       text        NOT NULL,
        first_version   integer     NOT NULL,
        last_version    integer     NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, idempotency_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE event_subscriber_checkpoints (
        subscriber      text        PRIMARY KEY,
        transaction_id  xid8        NOT NULL,
        global_position bigint      NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE FUNCTION event_store_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % rejected', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'restrict_violation', HINT = 'Every change of state is a new event.';
      END
      $$`);
    for (const table of ['events', 'event_idempotency_keys']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION event_store_reject_change()`);
    }
    await queryRunner.query(REPLAY_FUNCTION);
    await queryRunner.query(APPEND_FUNCTION);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS event_store_append(text, text, integer, text, jsonb, jsonb)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS event_store_replay(text, text)`);
    await queryRunner.query(`DROP TABLE IF EXISTS event_subscriber_checkpoints, event_idempotency_keys, tenant_chain_heads, events`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS event_store_reject_change()`);
  }
}

/**
 * The append hot path, one statement (one round trip) inside the caller's transaction or an
 * implicit one. The chain head row is the per-tenant lock. A stale expected version is refused by
 * the UNIQUE (tenant_id, stream_id, stream_version) constraint on insert, never by a prior read;
 * only an expected version AHEAD of the stream is checked explicitly (the constraint cannot see a
 * gap), which is race-free because versions, once committed, never go away. That refusal (SQLSTATE
 * KS409) carries the stream's actual version as its DETAIL, read inside the same transaction.
 *
 * The hash is SHA-256 of the RFC 8785 canonical envelope. Node sends the canonical text cut around
 * the four values only the database knows (previousHash, recordedAt, streamVersion, tenantSequence:
 * sorted key order) and they are spliced in here, so the bytes hashed are exactly those
 * `canonicalize()` gives for the stored row (verify recomputes them in Node). recorded_at is the
 * database clock truncated to milliseconds (so its ISO text round-trips through JS) and never
 * earlier than the tenant's previous event.
 *
 * Fast path (one event, known expected version — the common command): idempotency key insert, then
 * one UPDATE of the head that computes the hash, feeding the INSERT of the event. Other appends
 * lock the head first and loop. Lock order is key then head on the fast path and head then key on
 * the other; only a key reused at once with 'any' and with a number could deadlock, and PostgreSQL
 * would then abort one of them (never a silent double append).
 */
const APPEND_FUNCTION = `
CREATE FUNCTION event_store_append(
  p_tenant_id text,
  p_stream_id text,
  p_expected_version integer,
  p_idempotency_key text,
  p_metadata jsonb,
  p_events jsonb
) RETURNS TABLE (
  o_event_id uuid, o_stream_version integer, o_tenant_sequence bigint, o_global_position bigint,
  o_recorded_at timestamptz, o_previous_hash text, o_hash text, o_replayed boolean
) LANGUAGE plpgsql AS $fn$
DECLARE
  v_count integer := jsonb_array_length(p_events);
  v_event jsonb := p_events -> 0;
  v_segments jsonb := p_events -> 0 -> 'segments';
  v_sequence bigint;
  v_hash text;
  v_previous text;
  v_version integer;
  v_recorded_at timestamptz;
  v_recorded_text text;
  v_new_hash text;
BEGIN
  IF v_count = 0 THEN
    RAISE EXCEPTION 'event_store_append: no events' USING ERRCODE = 'invalid_parameter_value';
  END IF;

  IF v_count = 1 AND p_expected_version IS NOT NULL THEN
    IF p_idempotency_key IS NOT NULL THEN
      INSERT INTO event_idempotency_keys (tenant_id, idempotency_key, stream_id, first_version, last_version)
        VALUES (p_tenant_id, p_idempotency_key, p_stream_id, p_expected_version + 1, p_expected_version + 1)
        ON CONFLICT DO NOTHING;
      IF NOT FOUND THEN
        RETURN QUERY SELECT * FROM event_store_replay(p_tenant_id, p_idempotency_key);
        RETURN;
      END IF;
    END IF;
    FOR attempt IN 1..2 LOOP
      RETURN QUERY
        WITH clock AS (SELECT date_trunc('milliseconds', clock_timestamp()) AS now),
        head AS (
          UPDATE tenant_chain_heads h
             SET sequence = h.sequence + 1,
                 previous_hash = h.hash,
                 recorded_at = greatest(c.now, h.recorded_at),
                 hash = encode(sha256(convert_to(
                      (v_segments ->> 0) || '"' || h.hash || '"'
                   || (v_segments ->> 1) || '"'
                   || to_char(greatest(c.now, h.recorded_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'
                   || (v_segments ->> 2) || (p_expected_version + 1)::text
                   || (v_segments ->> 3) || (h.sequence + 1)::text
                   || (v_segments ->> 4), 'UTF8')), 'hex')
            FROM clock c
           WHERE h.tenant_id = p_tenant_id
             AND (p_expected_version < 0 OR EXISTS (
                   SELECT 1 FROM events e
                    WHERE e.tenant_id = p_tenant_id AND e.stream_id = p_stream_id
                      AND e.stream_version = p_expected_version))
          RETURNING h.sequence, h.previous_hash, h.hash, h.recorded_at
        )
        INSERT INTO events (tenant_id, tenant_sequence, stream_id, stream_version, event_id, type,
                            schema_version, data, metadata, recorded_at, previous_hash, hash)
        SELECT p_tenant_id, head.sequence, p_stream_id, p_expected_version + 1, (v_event ->> 'eventId')::uuid,
               v_event ->> 'type', (v_event ->> 'schemaVersion')::integer, v_event -> 'data', p_metadata,
               head.recorded_at, head.previous_hash, head.hash
          FROM head
        RETURNING event_id, stream_version, tenant_sequence, global_position, recorded_at, previous_hash, hash, false;
      IF FOUND THEN
        RETURN;
      END IF;
      -- Nothing appended: the office has no chain head yet, or the expected version is ahead.
      INSERT INTO tenant_chain_heads (tenant_id, sequence, hash, previous_hash, recorded_at)
        VALUES (p_tenant_id, 0, repeat('0', 64), repeat('0', 64), '-infinity')
        ON CONFLICT DO NOTHING;
    END LOOP;
    SELECT coalesce(max(e.stream_version), -1) INTO v_version
      FROM events e WHERE e.tenant_id = p_tenant_id AND e.stream_id = p_stream_id;
    RAISE EXCEPTION 'expected version % of stream % does not exist', p_expected_version, p_stream_id
      USING ERRCODE = 'KS409', DETAIL = v_version::text;
  END IF;

  SELECT h.sequence, h.hash, h.recorded_at INTO v_sequence, v_hash, v_recorded_at
    FROM tenant_chain_heads h WHERE h.tenant_id = p_tenant_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO tenant_chain_heads AS h (tenant_id, sequence, hash, previous_hash, recorded_at)
      VALUES (p_tenant_id, 0, repeat('0', 64), repeat('0', 64), '-infinity')
      ON CONFLICT (tenant_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id
      RETURNING h.sequence, h.hash, h.recorded_at INTO v_sequence, v_hash, v_recorded_at;
  END IF;

  IF p_expected_version IS NULL THEN
    SELECT coalesce(max(e.stream_version), -1) INTO v_version
      FROM events e WHERE e.tenant_id = p_tenant_id AND e.stream_id = p_stream_id;
  ELSE
    v_version := p_expected_version;
    IF v_version >= 0 AND NOT EXISTS (
      SELECT 1 FROM events e
       WHERE e.tenant_id = p_tenant_id AND e.stream_id = p_stream_id AND e.stream_version = v_version
    ) THEN
      SELECT coalesce(max(e.stream_version), -1) INTO v_version
        FROM events e WHERE e.tenant_id = p_tenant_id AND e.stream_id = p_stream_id;
      RAISE EXCEPTION 'expected version % of stream % does not exist', p_expected_version, p_stream_id
        USING ERRCODE = 'KS409', DETAIL = v_version::text;
    END IF;
  END IF;

  IF p_idempotency_key IS NOT NULL THEN
    INSERT INTO event_idempotency_keys (tenant_id, idempotency_key, stream_id, first_version, last_version)
      VALUES (p_tenant_id, p_idempotency_key, p_stream_id, v_version + 1, v_version + v_count)
      ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      RETURN QUERY SELECT * FROM event_store_replay(p_tenant_id, p_idempotency_key);
      RETURN;
    END IF;
  END IF;

  v_recorded_at := greatest(date_trunc('milliseconds', clock_timestamp()), v_recorded_at);
  v_recorded_text := to_char(v_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  FOR v_event IN SELECT value FROM jsonb_array_elements(p_events) LOOP
    v_sequence := v_sequence + 1;
    v_version := v_version + 1;
    v_segments := v_event -> 'segments';
    v_new_hash := encode(sha256(convert_to(
         (v_segments ->> 0) || '"' || v_hash || '"'
      || (v_segments ->> 1) || '"' || v_recorded_text || '"'
      || (v_segments ->> 2) || v_version::text
      || (v_segments ->> 3) || v_sequence::text
      || (v_segments ->> 4), 'UTF8')), 'hex');
    INSERT INTO events (tenant_id, tenant_sequence, stream_id, stream_version, event_id, type,
                        schema_version, data, metadata, recorded_at, previous_hash, hash)
      VALUES (p_tenant_id, v_sequence, p_stream_id, v_version, (v_event ->> 'eventId')::uuid,
              v_event ->> 'type', (v_event ->> 'schemaVersion')::integer, v_event -> 'data',
              p_metadata, v_recorded_at, v_hash, v_new_hash)
      RETURNING event_id, stream_version, tenant_sequence, global_position, recorded_at, previous_hash, hash
      INTO o_event_id, o_stream_version, o_tenant_sequence, o_global_position,
           o_recorded_at, o_previous_hash, o_hash;
    o_replayed := false;
    RETURN NEXT;
    v_previous := v_hash;
    v_hash := v_new_hash;
  END LOOP;

  UPDATE tenant_chain_heads
     SET sequence = v_sequence, hash = v_hash, previous_hash = v_previous, recorded_at = v_recorded_at
   WHERE tenant_id = p_tenant_id;
END
$fn$`;

/** The first result of an idempotent command, as the append function returns it. */
const REPLAY_FUNCTION = `
CREATE FUNCTION event_store_replay(p_tenant_id text, p_idempotency_key text) RETURNS TABLE (
  o_event_id uuid, o_stream_version integer, o_tenant_sequence bigint, o_global_position bigint,
  o_recorded_at timestamptz, o_previous_hash text, o_hash text, o_replayed boolean
) LANGUAGE sql STABLE AS $fn$
  SELECT e.event_id, e.stream_version, e.tenant_sequence, e.global_position,
         e.recorded_at, e.previous_hash, e.hash, true
    FROM event_idempotency_keys k
    JOIN events e ON e.tenant_id = k.tenant_id AND e.stream_id = k.stream_id
                 AND e.stream_version BETWEEN k.first_version AND k.last_version
   WHERE k.tenant_id = p_tenant_id AND k.idempotency_key = p_idempotency_key
   ORDER BY e.stream_version
$fn$`;
