import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An e-mail address names one person: at most one active account has it, whatever its case and
 * surrounding spaces (UserService: 409 USER.EMAIL_TAKEN). The maker-checker rules count two
 * accounts with one address as one person (see the README, "one person, one account").
 *
 * A database where active accounts already share an address is refused with the list of them
 * rather than changed: which account a person keeps is for an administrator to decide. Run the
 * previous release, give each listed account its own address or deactivate the extra ones
 * (PATCH /api/v1/satker/{satker}/users/{id}), and start this one again. The migration runs in a
 * transaction: nothing is left half done.
 */
export class UsersUniqueActiveEmail1796120000000 implements MigrationInterface {
  name = 'UsersUniqueActiveEmail1796120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const shared: { email: string; accounts: string[] }[] = await queryRunner.query(`
      SELECT lower(btrim(email)) AS email, array_agg(satker_code || '/' || username ORDER BY satker_code, username) AS accounts
        FROM users
       WHERE active AND email IS NOT NULL
       GROUP BY lower(btrim(email))
      HAVING count(*) > 1
       ORDER BY 1`);
    if (shared.length > 0) {
      const lines = shared.map((s) => `  ${s.email}: ${s.accounts.join(', ')}`).join('\n');
      throw new Error(
        `Migration ${this.name}: active accounts share an e-mail address, and an address must name one person:\n${lines}\n` +
          'Give each account its own address or deactivate the extra accounts (with the previous release, ' +
          'PATCH /api/v1/satker/{satker}/users/{id}), then start again. Nothing was changed.',
      );
    }
    await queryRunner.query(
      `CREATE UNIQUE INDEX users_active_email_key ON users (lower(btrim(email))) WHERE active AND email IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX users_active_email_key`);
  }
}
