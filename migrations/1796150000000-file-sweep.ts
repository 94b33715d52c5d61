import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily file sweep (libs/jobs/src/files). `evidence_files.last_uploaded_at`: when the bytes
 * were last uploaded by anyone (an upload again moves it, under the file's advisory lock); an
 * upload no report refers to is deleted UNREFERENCED_UPLOAD_RETENTION_DAYS after it.
 * `file_sweep_deletions`: what each sweep deleted (rows and files), never updated.
 */
export class FileSweep1796150000000 implements MigrationInterface {
  name = 'FileSweep1796150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE evidence_files ADD COLUMN last_uploaded_at timestamptz`);
    await queryRunner.query(`
      UPDATE evidence_files f
         SET last_uploaded_at = GREATEST(f.uploaded_at, COALESCE(
               (SELECT max(u.uploaded_at) FROM evidence_uploads u WHERE u.tenant_id = f.tenant_id AND u.sha256 = f.sha256), f.uploaded_at))`);
    await queryRunner.query(`ALTER TABLE evidence_files ALTER COLUMN last_uploaded_at SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX evidence_files_last_uploaded_idx ON evidence_files (last_uploaded_at)`);
    await queryRunner.query(`
      CREATE TABLE file_sweep_deletions (
        id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        sweep_id   uuid        NOT NULL,
        swept_at   timestamptz NOT NULL,
        area       text        NOT NULL CHECK (area IN ('evidence', 'lkj')),
        tenant_id  text        NOT NULL,
        sha256     text        NOT NULL,
        what       text        NOT NULL CHECK (what IN ('unreferenced-upload', 'orphan-file')),
        size       bigint      NOT NULL,
        uploaded_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX file_sweep_deletions_file_idx ON file_sweep_deletions (tenant_id, sha256)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS file_sweep_deletions`);
    await queryRunner.query(`ALTER TABLE evidence_files DROP COLUMN IF EXISTS last_uploaded_at`);
  }
}
