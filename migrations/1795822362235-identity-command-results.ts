import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Key for the identity commands (offices, subbagian, users): the first answer of each
 * key, kept so that a retried request returns it instead of acting twice. Keys belong to the
 * acting user, within their office.
 */
export class IdentityCommandResults1795822362235 implements MigrationInterface {
  name = 'IdentityCommandResults1795822362235';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity_command_results (
        satker_code     text        NOT NULL,
        idempotency_key text        NOT NULL,
        operation       text        NOT NULL,
        result          jsonb       NOT NULL,
        created_at      timestamptz NOT NULL,
        PRIMARY KEY (satker_code, idempotency_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE identity_command_results`);
  }
}
