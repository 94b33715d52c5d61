import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security re-test, findings 3 and 4: an account's failed logins are now consecutive across lock
 * windows (up to LOGIN_ACCOUNT_HARD_LIMIT) and forgotten LOGIN_FAILURE_MEMORY_HOURS after the last
 * one, exactly as a name that matches no account is in Redis; that needs the time of the last
 * failure. Counts that predate it have no time and are forgotten (they were reset at each lock).
 */
export class UsersLastFailedLogin1796140000000 implements MigrationInterface {
  name = 'UsersLastFailedLogin1796140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN last_failed_login_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN last_failed_login_at`);
  }
}
