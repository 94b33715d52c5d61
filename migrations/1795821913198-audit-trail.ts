import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Inspektorat's workbench: the audit trail read model (one row per event, in words), the
 * figures each event touched (for the history of one figure), the small state the trail keeps to
 * write in words (names, indicators, last saved values), the integrity alerts (outside the chain,
 * so damage to the chain cannot hide them), the signed daily digests of each chain head, and the
 * list of review notes. The office code leads every key and index, except the actor names, which
 * are reference data like the users table.
 */
export class AuditTrail1795821913198 implements MigrationInterface {
  name = 'AuditTrail1795821913198';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_trail (
        satker_code      text        NOT NULL,
        tenant_sequence  bigint      NOT NULL,
        event_id         uuid        NOT NULL,
        stream_id        text        NOT NULL,
        stream_version   integer     NOT NULL,
        event_type       text        NOT NULL,
        recorded_at      timestamptz NOT NULL,
        actor_id         text        NOT NULL,
        actor_name       text,
        actor_username   text,
        actor_role       text        NOT NULL,
        subject_kind     text        NOT NULL,
        year             integer,
        month            integer,
        subbagian_code   text,
        pk_version       integer,
        report_revision  integer,
        summary          text        NOT NULL,
        changes          jsonb       NOT NULL DEFAULT '[]',
        reason           text,
        correlation_id   text,
        causation_id     text,
        previous_hash    text        NOT NULL,
        hash             text        NOT NULL,
        PRIMARY KEY (satker_code, tenant_sequence)
      )`);
    await queryRunner.query(`CREATE INDEX audit_trail_time_idx ON audit_trail (satker_code, recorded_at, tenant_sequence)`);
    await queryRunner.query(`CREATE INDEX audit_trail_period_idx ON audit_trail (satker_code, year, month, tenant_sequence)`);
    await queryRunner.query(`CREATE INDEX audit_trail_actor_idx ON audit_trail (satker_code, actor_id, tenant_sequence)`);
    await queryRunner.query(`CREATE INDEX audit_trail_type_idx ON audit_trail (satker_code, event_type, tenant_sequence)`);
    await queryRunner.query(`CREATE INDEX audit_trail_stream_idx ON audit_trail (satker_code, stream_id, tenant_sequence)`);

    await queryRunner.query(`
      CREATE TABLE audit_trail_figure (
        satker_code     text    NOT NULL,
        indicator_code  text    NOT NULL,
        year            integer NOT NULL,
        month           integer NOT NULL CHECK (month BETWEEN 0 AND 12),
        tenant_sequence bigint  NOT NULL,
        stream_id       text    NOT NULL,
        field           text    NOT NULL,
        value_before    text,
        value_after     text,
        PRIMARY KEY (satker_code, indicator_code, year, month, tenant_sequence)
      )`);
    await queryRunner.query(`CREATE INDEX audit_trail_figure_seq_idx ON audit_trail_figure (satker_code, tenant_sequence)`);

    await queryRunner.query(`
      CREATE TABLE audit_trail_actor (
        user_id   text PRIMARY KEY,
        full_name text NOT NULL,
        username  text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE audit_trail_indicator (
        satker_code    text    NOT NULL,
        year           integer NOT NULL,
        indicator_code text    NOT NULL,
        name           text    NOT NULL,
        target         text    NOT NULL,
        pic_subbagian  text    NOT NULL,
        PRIMARY KEY (satker_code, year, indicator_code)
      )`);
    await queryRunner.query(`
      CREATE TABLE audit_trail_stream_state (
        satker_code text  NOT NULL,
        stream_id   text  NOT NULL,
        lines       jsonb NOT NULL,
        PRIMARY KEY (satker_code, stream_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE integrity_alerts (
        satker_code       text        NOT NULL,
        id                bigint      GENERATED ALWAYS AS IDENTITY,
        detected_at       timestamptz NOT NULL,
        source            text        NOT NULL,
        broken_sequence   bigint,
        broken_event_id   text,
        kind              text        NOT NULL,
        detail            text        NOT NULL,
        detected_by       text,
        resolved_at       timestamptz,
        PRIMARY KEY (satker_code, id)
      )`);
    await queryRunner.query(`CREATE INDEX integrity_alerts_open_idx ON integrity_alerts (satker_code, detected_at DESC) WHERE resolved_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE chain_digests (
        satker_code text        NOT NULL,
        day         date        NOT NULL,
        sequence    bigint      NOT NULL,
        hash        text        NOT NULL,
        event_count bigint      NOT NULL,
        created_at  timestamptz NOT NULL,
        payload     text        NOT NULL,
        signature   text        NOT NULL,
        key_id      text        NOT NULL,
        public_key  text        NOT NULL,
        PRIMARY KEY (satker_code, day)
      )`);

    await queryRunner.query(`
      CREATE TABLE catatan_reviu (
        satker_code       text        NOT NULL,
        note_id           uuid        NOT NULL,
        category          text        NOT NULL,
        status            text        NOT NULL,
        target            jsonb       NOT NULL,
        year              integer     NOT NULL,
        month             integer,
        subbagian_code    text,
        indicator_code    text,
        title             text        NOT NULL,
        description       text        NOT NULL,
        recommendation    text        NOT NULL,
        written_by        text        NOT NULL,
        written_at        timestamptz NOT NULL,
        tindak_lanjut     jsonb       NOT NULL DEFAULT '[]',
        closed_at         timestamptz,
        conclusion        text,
        history           jsonb       NOT NULL DEFAULT '[]',
        version           integer     NOT NULL,
        updated_at        timestamptz NOT NULL,
        PRIMARY KEY (satker_code, note_id)
      )`);
    await queryRunner.query(`CREATE INDEX catatan_reviu_year_idx ON catatan_reviu (satker_code, year, status, written_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS catatan_reviu, chain_digests, integrity_alerts, audit_trail_stream_state,
      audit_trail_indicator, audit_trail_actor, audit_trail_figure, audit_trail`);
  }
}
