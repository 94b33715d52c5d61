import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `must_change_password`: the password was set by an administrator (a new account, a reset), so
 * somebody other than its owner knows it. Until its owner chooses their own, the account can sign
 * in and change it, nothing else (AccessGuard: 403 AUTH.PASSWORD_CHANGE_REQUIRED). Existing
 * accounts are not marked: whoever uses them has had the chance to change it, and marking them
 * all at once would stop every office on the day of the upgrade.
 */
export class UsersMustChangePassword1796110000000 implements MigrationInterface {
  name = 'UsersMustChangePassword1796110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    // The session (CachedSessions) carries the mark: a change of it, even one made outside Kinerja, is announced.
    await this.sessionTrigger(queryRunner, ', must_change_password');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.sessionTrigger(queryRunner, '');
    await queryRunner.query(`ALTER TABLE users DROP COLUMN must_change_password`);
  }

  private async sessionTrigger(queryRunner: QueryRunner, extra: string): Promise<void> {
    const columns = `username, full_name, role, satker_code, subbagian_code, active, token_version${extra}`;
    const of = (row: string) => columns.split(', ').map((c) => `${row}.${c}`).join(', ');
    await queryRunner.query(`DROP TRIGGER users_session_changed ON users`);
    await queryRunner.query(`
      CREATE TRIGGER users_session_changed AFTER UPDATE ON users FOR EACH ROW
        WHEN ((${of('OLD')}) IS DISTINCT FROM (${of('NEW')}))
        EXECUTE FUNCTION identity_session_changed()`);
  }
}
