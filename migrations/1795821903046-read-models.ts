import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workflow's read models, written only by their projections (libs/projections) and rebuilt
 * from the log at will: current performance, the submission status matrix and the Sekretaris's
 * approval inbox, plus the version each projection was last built with. The office (satker) code
 * leads every key and index. Figures stay decimal text exactly as typed (never float).
 */
export class ReadModels1795821903046 implements MigrationInterface {
  name = 'ReadModels1795821903046';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_state (
        name       text        PRIMARY KEY,
        version    integer     NOT NULL,
        rebuilt_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Every PK version with its structure; the one with status APPROVED is in force.
    await queryRunner.query(`
      CREATE TABLE rm_perf_pk_versions (
        satker      text    NOT NULL,
        year        integer NOT NULL,
        version     integer NOT NULL,
        status      text    NOT NULL,
        structure   jsonb   NOT NULL,
        approved_at text,
        CONSTRAINT rm_perf_pk_versions_pkey PRIMARY KEY (satker, year, version)
      )`);
    // One monthly report: its working content and the content approved last (what Tabel 3.2 counts).
    await queryRunner.query(`
      CREATE TABLE rm_perf_reports (
        satker     text     NOT NULL,
        year       integer  NOT NULL,
        month      smallint NOT NULL,
        subbagian  text     NOT NULL,
        status     text     NOT NULL,
        revision   integer  NOT NULL,
        pk_version integer  NOT NULL,
        lines      jsonb    NOT NULL,
        budget     jsonb    NOT NULL,
        approved   jsonb,
        CONSTRAINT rm_perf_reports_pkey PRIMARY KEY (satker, year, month, subbagian)
      )`);
    // Office × year × indicator × month: the working value and the approved one (null = blank).
    await queryRunner.query(`
      CREATE TABLE rm_perf_values (
        satker            text     NOT NULL,
        year              integer  NOT NULL,
        indicator_code    text     NOT NULL,
        month             smallint NOT NULL,
        subbagian         text     NOT NULL,
        in_working        boolean  NOT NULL,
        value             text,
        status            text     NOT NULL,
        revision          integer  NOT NULL,
        approved          boolean  NOT NULL,
        approved_value    text,
        approved_revision integer,
        CONSTRAINT rm_perf_values_pkey PRIMARY KEY (satker, year, indicator_code, month, subbagian)
      )`);
    await queryRunner.query(
      `CREATE INDEX rm_perf_values_report_idx ON rm_perf_values (satker, year, month, subbagian)`,
    );

    // Office × subbagian × month. No row = not started; overdue is decided when read.
    await queryRunner.query(`
      CREATE TABLE rm_submission_status (
        satker          text        NOT NULL,
        year            integer     NOT NULL,
        month           smallint    NOT NULL,
        subbagian       text        NOT NULL,
        status          text        NOT NULL,
        revision        integer     NOT NULL,
        first_saved_at  timestamptz NOT NULL,
        submitted_at    timestamptz,
        submitted_by    text,
        approved_at     timestamptz,
        approved_by     text,
        returned_at     timestamptz,
        returned_by     text,
        return_reason   text,
        last_changed_at timestamptz NOT NULL,
        CONSTRAINT rm_submission_status_pkey PRIMARY KEY (satker, year, month, subbagian)
      )`);

    // Reports waiting for the Sekretaris, oldest first.
    await queryRunner.query(`
      CREATE TABLE rm_approval_inbox (
        satker       text        NOT NULL,
        year         integer     NOT NULL,
        month        smallint    NOT NULL,
        subbagian    text        NOT NULL,
        stream_id    text        NOT NULL,
        revision     integer     NOT NULL,
        resubmission boolean     NOT NULL,
        submitted_by text        NOT NULL,
        submitted_at timestamptz NOT NULL,
        CONSTRAINT rm_approval_inbox_pkey PRIMARY KEY (satker, year, month, subbagian)
      )`);
    await queryRunner.query(
      `CREATE INDEX rm_approval_inbox_waiting_idx ON rm_approval_inbox (satker, submitted_at, year, month, subbagian)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE IF EXISTS rm_approval_inbox, rm_submission_status, rm_perf_values, rm_perf_reports, rm_perf_pk_versions, projection_state`,
    );
  }
}
