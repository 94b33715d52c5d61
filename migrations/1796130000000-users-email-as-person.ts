import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security test F5: an address that looks like a taken one (a zero-width space, a fullwidth or
 * dotless letter) or reaches the same mailbox (`budi+sek@…` for `budi@…`) gave one person two
 * active accounts, and changing the submitter's address after a submission let their other account
 * approve it.
 *
 * - `person_email(email)`: the address as a person: trimmed, lower case, without a `+tag` in the
 *   local part. The unique index of active accounts' addresses (`users_active_email_key`, same
 *   name, so UserService's 409 USER.EMAIL_TAKEN is unchanged) is now on it. New addresses are plain
 *   ASCII (UserService, the DTO).
 * - `user_email_history`: every address each account has had, written with each change of it
 *   (UserService) and filled here from the identity events (UserCreated.email,
 *   UserUpdated.changes.email) and the accounts' current addresses. The maker-checker rules count
 *   as the reviewer every account that has ever had the reviewer's address (SatkerDirectory).
 *
 * Like 1796120000000, a database where active accounts would share an address, or where an active
 * account's address is not plain ASCII, is refused with the list and left unchanged: give each its
 * own (ASCII) address or deactivate the extra ones with the previous release, then start again.
 */
export class UsersEmailAsPerson1796130000000 implements MigrationInterface {
  name = 'UsersEmailAsPerson1796130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION person_email(email text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN regexp_replace(lower(btrim(email)), '^([^+@]+)\\+[^@]*@', '\\1@')`);
    await this.refuseUnclearAddresses(queryRunner);
    await queryRunner.query(`DROP INDEX users_active_email_key`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX users_active_email_key ON users (person_email(email)) WHERE active AND email IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE user_email_history (
        user_id           uuid        NOT NULL,
        email             text        NOT NULL,
        first_recorded_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, email)
      )`);
    await queryRunner.query(`CREATE INDEX user_email_history_person_idx ON user_email_history (person_email(email))`);
    await queryRunner.query(`
      INSERT INTO user_email_history (user_id, email, first_recorded_at)
      SELECT user_id, email, min(at) FROM (
        SELECT (data->>'userId')::uuid AS user_id, btrim(data->>'email') AS email, recorded_at AS at
          FROM events WHERE type = 'UserCreated' AND stream_id LIKE 'identity:%' AND jsonb_typeof(data->'email') = 'string'
        UNION ALL
        SELECT (data->>'userId')::uuid, btrim(data->'changes'->>'email'), recorded_at
          FROM events WHERE type = 'UserUpdated' AND stream_id LIKE 'identity:%' AND jsonb_typeof(data->'changes'->'email') = 'string'
        UNION ALL
        SELECT id, btrim(email), created_at FROM users WHERE email IS NOT NULL
      ) addresses
      WHERE email <> ''
      GROUP BY user_id, email`);
  }

  private async refuseUnclearAddresses(queryRunner: QueryRunner): Promise<void> {
    const shared: { email: string; accounts: string[] }[] = await queryRunner.query(`
      SELECT person_email(email) AS email, array_agg(satker_code || '/' || username || ' (' || email || ')' ORDER BY satker_code, username) AS accounts
        FROM users
       WHERE active AND email IS NOT NULL
       GROUP BY person_email(email)
      HAVING count(*) > 1
       ORDER BY 1`);
    const unplain: { account: string }[] = await queryRunner.query(`
      SELECT satker_code || '/' || username AS account
        FROM users
       WHERE active AND email IS NOT NULL AND btrim(email) !~ '^[\\x21-\\x7E]+$'
       ORDER BY 1`);
    if (shared.length === 0 && unplain.length === 0) return;
    const lines = [
      ...shared.map((s) => `  the same person's address ${s.email}: ${s.accounts.join(', ')}`),
      ...unplain.map((u) => `  an address that is not plain ASCII (invisible, accented or fullwidth characters): ${u.account}`),
    ].join('\n');
    throw new Error(
      `Migration ${this.name}: active accounts' e-mail addresses must each name one person (case and a +tag aside) and be plain ASCII:\n${lines}\n` +
        'Give each account its own plain address or deactivate the extra accounts (with the previous release, ' +
        'PATCH /api/v1/satker/{satker}/users/{id}), then start again. Nothing was changed.',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE user_email_history`);
    await queryRunner.query(`DROP INDEX users_active_email_key`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX users_active_email_key ON users (lower(btrim(email))) WHERE active AND email IS NOT NULL`,
    );
    await queryRunner.query(`DROP FUNCTION person_email(text)`);
  }
}
