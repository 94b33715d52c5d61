import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The annual Laporan Kinerja. The facts live in the event log (`lkj:<satker>:<year>` streams); these
 * tables are the process manager's memory and the outbox of jobs to run:
 * - lkj_pm_pk / lkj_pm_reports: what the process manager has seen approved (PK in force and its
 *   reporting subbagian; monthly reports approved at least once), written in the same transaction
 *   as its checkpoint;
 * - lkj_outbox: one row per version asked for, written in the transaction that appends
 *   `LkjRequested`; a row without `produced_at` is re-enqueued by the reconciliation.
 * The office (tenant) leads every key.
 */
export class Lkj1795822408258 implements MigrationInterface {
  name = 'Lkj1795822408258';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE lkj_pm_pk (
        satker_code text     NOT NULL,
        year        smallint NOT NULL,
        pk_version  integer  NOT NULL,
        subbagian   text[]   NOT NULL,
        PRIMARY KEY (satker_code, year)
      )`);
    await queryRunner.query(`
      CREATE TABLE lkj_pm_reports (
        satker_code text     NOT NULL,
        year        smallint NOT NULL,
        subbagian   text     NOT NULL,
        month       smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
        PRIMARY KEY (satker_code, year, subbagian, month)
      )`);
    await queryRunner.query(`
      CREATE TABLE lkj_outbox (
        satker_code  text        NOT NULL,
        year         smallint    NOT NULL,
        version      integer     NOT NULL CHECK (version > 0),
        job_id       text        NOT NULL,
        draft        boolean     NOT NULL,
        requested_at timestamptz NOT NULL,
        enqueued_at  timestamptz,
        produced_at  timestamptz,
        PRIMARY KEY (satker_code, year, version)
      )`);
    await queryRunner.query(`CREATE INDEX lkj_outbox_pending_idx ON lkj_outbox (satker_code, year, version) WHERE produced_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS lkj_outbox, lkj_pm_reports, lkj_pm_pk`);
  }
}
