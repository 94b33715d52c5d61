import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who uploaded each bukti dukung file, one row per account (and the subbagian it belonged to then):
 * `evidence_files` keeps one row per content, so when two subbagian upload the same bytes only the
 * first was known, and the file could not be told apart as "theirs" for the second. A Kasubbag
 * attaches and reads the files their own subbagian uploaded (or its reports already refer to).
 * Rows are never updated nor deleted. Existing files are carried over with their uploader's
 * subbagian of today (for a Kasubbag; none for other roles).
 */
export class EvidenceUploads1796000000000 implements MigrationInterface {
  name = 'EvidenceUploads1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE evidence_uploads (
        tenant_id   text        NOT NULL,
        sha256      text        NOT NULL,
        uploaded_by text        NOT NULL,
        subbagian   text,
        file_name   text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        uploaded_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, sha256, uploaded_by),
        FOREIGN KEY (tenant_id, sha256) REFERENCES evidence_files (tenant_id, sha256)
      )`);
    await queryRunner.query(`CREATE INDEX evidence_uploads_subbagian_idx ON evidence_uploads (tenant_id, subbagian, sha256) WHERE subbagian IS NOT NULL`);
    await queryRunner.query(`
      INSERT INTO evidence_uploads (tenant_id, sha256, uploaded_by, subbagian, file_name, uploaded_at)
      SELECT f.tenant_id, f.sha256, f.uploaded_by, CASE WHEN u.role = 'KASUBBAG' THEN u.subbagian_code END, f.file_name, f.uploaded_at
        FROM evidence_files f
        LEFT JOIN users u ON u.id::text = f.uploaded_by`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS evidence_uploads`);
  }
}
