import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An integrity alert is closed by the Inspektorat with a reason, once the damage is gone (the chain
 * verifies and matches every signed digest kept, or the evidence file hashes right again): who closed
 * it and why stay on the row, beside `resolved_at`, and the closing is also an event in the chain
 * (`IntegrityAlertResolved`), so it is in the audit trail like every other change.
 */
export class IntegrityAlertResolution1795960000000 implements MigrationInterface {
  name = 'IntegrityAlertResolution1795960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE integrity_alerts ADD COLUMN resolved_by text, ADD COLUMN resolution_reason text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE integrity_alerts DROP COLUMN resolved_by, DROP COLUMN resolution_reason`);
  }
}
