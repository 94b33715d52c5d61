import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integrity alerts about something outside the hash chain name what they are about in `subject`
 * (`evidence:<sha256>` for a stored bukti dukung file that no longer matches its SHA-256). An office
 * has at most one open alert per kind and subject: a damaged file downloaded again and again is one
 * alert until someone resolves it, not one per attempt. Alerts of the chain leave `subject` null and
 * are recorded as before, one per detection.
 */
export class IntegrityAlertSubject1795940000000 implements MigrationInterface {
  name = 'IntegrityAlertSubject1795940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE integrity_alerts ADD COLUMN subject text`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX integrity_alerts_open_subject_idx ON integrity_alerts (satker_code, kind, subject)
        WHERE resolved_at IS NULL AND subject IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX integrity_alerts_open_subject_idx`);
    await queryRunner.query(`ALTER TABLE integrity_alerts DROP COLUMN subject`);
  }
}
