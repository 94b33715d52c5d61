import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The LKj process manager's "all approved" follows who owes each month (`MM:SUBBAGIAN`): the PICs of
 * the PK version the month is reported under, not those of the version in force now, so a PK
 * Perubahan neither drops the months a former PIC owed nor asks a new PIC for months before it. Rows
 * written before keep their meaning: every month owed by the subbagian recorded with them, the column
 * the obligations replace.
 */
export class LkjObligationsPerMonth1795970000000 implements MigrationInterface {
  name = 'LkjObligationsPerMonth1795970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE lkj_pm_pk ADD COLUMN obligations text[]`);
    await queryRunner.query(`
      UPDATE lkj_pm_pk SET obligations = ARRAY(
        SELECT lpad(m::text, 2, '0') || ':' || s FROM generate_series(1, 12) AS m CROSS JOIN unnest(subbagian) AS s ORDER BY 1)`);
    await queryRunner.query(`ALTER TABLE lkj_pm_pk ALTER COLUMN obligations SET NOT NULL, DROP COLUMN subbagian`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE lkj_pm_pk ADD COLUMN subbagian text[]`);
    await queryRunner.query(`
      UPDATE lkj_pm_pk SET subbagian = ARRAY(SELECT DISTINCT split_part(o, ':', 2) FROM unnest(obligations) AS o ORDER BY 1)`);
    await queryRunner.query(`ALTER TABLE lkj_pm_pk ALTER COLUMN subbagian SET NOT NULL, DROP COLUMN obligations`);
  }
}
