import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An idempotency key names one request, not just one stream: the key row keeps the fingerprint of
 * the request it was first used with (`request_fingerprint`, SHA-256 of the command and its
 * canonical payload, computed by the caller: libs/event-store/src/idempotency.ts), and an append
 * that comes with the same key and ANOTHER fingerprint is refused (SQLSTATE KS422, which the store
 * raises as IdempotencyKeyReusedError) instead of answered with the first request's result. The
 * identity commands keep theirs in `identity_command_results`.
 *
 * Null means "not compared": rows written before this migration, and appends that give no
 * fingerprint, replay exactly as before.
 *
 * `event_store_append` gets the fingerprint as a seventh parameter and stores it with the key; when
 * the key is taken it asks `event_store_replay_request`, which refuses another fingerprint and
 * otherwise gives what `event_store_replay` gives. The fast statements (append-batch.ts) store it
 * too and, as before, leave any append whose key is taken to the function. The check is made where
 * the key row is claimed, so it holds for concurrent duplicates as well: whichever request claims
 * the key first is the one the key names.
 */
export class IdempotencyRequestFingerprint1795930000000 implements MigrationInterface {
  name = 'IdempotencyRequestFingerprint1795930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE event_idempotency_keys ADD COLUMN request_fingerprint text`);
    await queryRunner.query(`ALTER TABLE identity_command_results ADD COLUMN request_fingerprint text`);
    await queryRunner.query(REPLAY_REQUEST_FUNCTION);
    await queryRunner.query(`DROP FUNCTION event_store_append(text, text, integer, text, jsonb, jsonb)`);
    await queryRunner.query(appendFunction(WITH_FINGERPRINT));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION event_store_append(text, text, integer, text, jsonb, jsonb, text)`);
    await queryRunner.query(appendFunction(WITHOUT_FINGERPRINT));
    await queryRunner.query(`DROP FUNCTION event_store_replay_request(text, text, text)`);
    await queryRunner.query(`ALTER TABLE identity_command_results DROP COLUMN request_fingerprint`);
    await queryRunner.query(`ALTER TABLE event_idempotency_keys DROP COLUMN request_fingerprint`);
  }
}

/**
 * The first result of the key, as `event_store_replay` gives it, when `p_request_fingerprint` is
 * the request the key was first used with (or either is null); SQLSTATE KS422 when it is not.
 */
const REPLAY_REQUEST_FUNCTION = `
CREATE FUNCTION event_store_replay_request(p_tenant_id text, p_idempotency_key text, p_request_fingerprint text) RETURNS TABLE (
  o_event_id uuid, o_stream_version integer, o_tenant_sequence bigint, o_global_position bigint,
  o_recorded_at timestamptz, o_previous_hash text, o_hash text, o_replayed boolean
) LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  IF p_request_fingerprint IS NOT NULL AND EXISTS (
    SELECT 1 FROM event_idempotency_keys k
     WHERE k.tenant_id = p_tenant_id AND k.idempotency_key = p_idempotency_key
       AND k.request_fingerprint IS NOT NULL AND k.request_fingerprint <> p_request_fingerprint
  ) THEN
    RAISE EXCEPTION 'idempotency key % was first used for another request', p_idempotency_key USING ERRCODE = 'KS422';
  END IF;
  RETURN QUERY SELECT * FROM event_store_replay(p_tenant_id, p_idempotency_key);
END
$fn$`;

interface Variant {
  parameter: string;
  column: string;
  value: string;
  replay: string;
}

const WITH_FINGERPRINT: Variant = {
  parameter: ',\n  p_request_fingerprint text',
  column: ', request_fingerprint',
  value: ', p_request_fingerprint',
  replay: 'event_store_replay_request(p_tenant_id, p_idempotency_key, p_request_fingerprint)',
};

/** The function as migration 1795821567013 made it. */
const WITHOUT_FINGERPRINT: Variant = {
  parameter: '',
  column: '',
  value: '',
  replay: 'event_store_replay(p_tenant_id, p_idempotency_key)',
};

/**
 * `event_store_append` (see migration 1795821567013 for how it works), with or without the request
 * fingerprint: the same text but for the parameter, the key rows' column and the replay it asks.
 */
function appendFunction(v: Variant): string {
  return `
CREATE FUNCTION event_store_append(
  p_tenant_id text,
  p_stream_id text,
  p_expected_version integer,
  p_idempotency_key text,
  p_metadata jsonb,
  p_events jsonb${v.parameter}
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
      INSERT INTO event_idempotency_keys (tenant_id, idempotency_key, stream_id, first_version, last_version${v.column})
        VALUES (p_tenant_id, p_idempotency_key, p_stream_id, p_expected_version + 1, p_expected_version + 1${v.value})
        ON CONFLICT DO NOTHING;
      IF NOT FOUND THEN
        RETURN QUERY SELECT * FROM ${v.replay};
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
    INSERT INTO event_idempotency_keys (tenant_id, idempotency_key, stream_id, first_version, last_version${v.column})
      VALUES (p_tenant_id, p_idempotency_key, p_stream_id, v_version + 1, v_version + v_count${v.value})
      ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      RETURN QUERY SELECT * FROM ${v.replay};
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
}
