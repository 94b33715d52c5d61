import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each monthly report was FIRST submitted (`first_submitted_at`): ketepatan waktu pelaporan is
 * judged by it (`reportTimeliness`), while `submitted_at` keeps the latest submission. Filled by the
 * submission-status projection, version 2, which rebuilds its rows when the worker starts.
 */
export class SubmissionStatusFirstSubmitted1796190000000 implements MigrationInterface {
  name = 'SubmissionStatusFirstSubmitted1796190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE rm_submission_status ADD COLUMN first_submitted_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE rm_submission_status DROP COLUMN IF EXISTS first_submitted_at`);
  }
}
