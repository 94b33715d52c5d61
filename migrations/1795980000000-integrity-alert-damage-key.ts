import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An alert about the chain itself names the damage it stands for in `damage_key`: `chain:<sequence>`
 * for the first broken link a verification found, `digest:<day>…` for a signed digest the database
 * no longer matches or a digest file whose signature was refused. An office has at most one open
 * alert per kind and damage key, like the alerts about a stored file per subject
 * (integrity_alerts_open_subject_idx): verifying the same damaged chain again and again (the API,
 * the CLI, the digest job, concurrently or not) is one alert until the Inspektorat closes it; the
 * same damage found after the closing is a new one.
 *
 * Existing chain alerts get the key of their broken sequence. Where an office already has several
 * open alerts for the same broken link, only the earliest gets the key (the later ones stay open,
 * each closable as before, but no longer block the index); digest alerts recorded before this
 * migration do not say which day they were about and keep a null key.
 */
export class IntegrityAlertDamageKey1795980000000 implements MigrationInterface {
  name = 'IntegrityAlertDamageKey1795980000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE integrity_alerts ADD COLUMN damage_key text`);
    await queryRunner.query(`
      UPDATE integrity_alerts a SET damage_key = 'chain:' || a.broken_sequence
       WHERE a.subject IS NULL AND a.broken_sequence IS NOT NULL AND a.kind <> 'digest_mismatch'
         AND (a.resolved_at IS NOT NULL OR a.id = (
           SELECT min(b.id) FROM integrity_alerts b
            WHERE b.satker_code = a.satker_code AND b.kind = a.kind AND b.broken_sequence = a.broken_sequence
              AND b.subject IS NULL AND b.resolved_at IS NULL))`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX integrity_alerts_open_damage_idx ON integrity_alerts (satker_code, kind, damage_key)
        WHERE resolved_at IS NULL AND subject IS NULL AND damage_key IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX integrity_alerts_open_damage_idx`);
    await queryRunner.query(`ALTER TABLE integrity_alerts DROP COLUMN damage_key`);
  }
}
