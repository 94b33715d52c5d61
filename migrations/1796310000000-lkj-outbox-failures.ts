import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the worker's recovery found of an LKj version's job that failed its last attempt (an outage,
 * DATA_DIR not writable), so that GET …/lkj/{year} can say the version is being retried (`retrying`)
 * instead of only "pending": the attempts made (every retry included), the last failure, its message
 * (for operators; never shown to the Sekretaris) and when the job is retried. Existing rows: none failed.
 */
export class LkjOutboxFailures1796310000000 implements MigrationInterface {
  name = 'LkjOutboxFailures1796310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE lkj_outbox
        ADD COLUMN failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        ADD COLUMN last_failed_at  timestamptz,
        ADD COLUMN last_error      text,
        ADD COLUMN retry_at        timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE lkj_outbox DROP COLUMN failed_attempts, DROP COLUMN last_failed_at, DROP COLUMN last_error, DROP COLUMN retry_at`);
  }
}
