import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `audit_trail_figure_seq_idx` (office, chain sequence) served no query: the indicator filter and
 * the history of one figure look figures up by the primary key (office, indicator, year, month,
 * sequence), and the planner chose that key with or without this index (EXPLAIN on a national data
 * set of one million events). It cost an index entry per figure row, 4.4 per event: about 2 s of the
 * one-million-event rebuild's index phase and a write per figure in the live runner.
 */
export class DropUnusedFigureSequenceIndex1795950000000 implements MigrationInterface {
  name = 'DropUnusedFigureSequenceIndex1795950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS audit_trail_figure_seq_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX audit_trail_figure_seq_idx ON audit_trail_figure (satker_code, tenant_sequence)`);
  }
}
