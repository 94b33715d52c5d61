import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The file sweep records the temporary files it deletes too (`what` 'temporary-file'), as README
 * says of every deletion: `file_name` is the temporary's name (`.tmp-…`), and `sha256` the file it
 * was being written as when its name says so (`.tmp-<sha256>-…`), else null.
 */
export class FileSweepTemporaryFiles1796272000000 implements MigrationInterface {
  name = 'FileSweepTemporaryFiles1796272000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE file_sweep_deletions ADD COLUMN file_name text`);
    await queryRunner.query(`ALTER TABLE file_sweep_deletions ALTER COLUMN sha256 DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE file_sweep_deletions DROP CONSTRAINT file_sweep_deletions_what_check`);
    await queryRunner.query(`
      ALTER TABLE file_sweep_deletions
        ADD CONSTRAINT file_sweep_deletions_what_check CHECK (what IN ('unreferenced-upload', 'orphan-file', 'temporary-file')),
        ADD CONSTRAINT file_sweep_deletions_named_check CHECK (
          CASE what WHEN 'temporary-file' THEN file_name IS NOT NULL ELSE sha256 IS NOT NULL END)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM file_sweep_deletions WHERE what = 'temporary-file'`);
    await queryRunner.query(`ALTER TABLE file_sweep_deletions DROP CONSTRAINT file_sweep_deletions_named_check, DROP CONSTRAINT file_sweep_deletions_what_check`);
    await queryRunner.query(`ALTER TABLE file_sweep_deletions ADD CONSTRAINT file_sweep_deletions_what_check CHECK (what IN ('unreferenced-upload', 'orphan-file'))`);
    await queryRunner.query(`ALTER TABLE file_sweep_deletions ALTER COLUMN sha256 SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE file_sweep_deletions DROP COLUMN file_name`);
  }
}
