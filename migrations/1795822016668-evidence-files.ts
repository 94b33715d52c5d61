import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bukti dukung files: the bytes live content-addressed under DATA_DIR/evidence/<tenant>/<aa>/<sha256>;
 * this table records what was uploaded (name, type detected from the content, size, by whom).
 * The office (tenant) leads the key. Rows are never updated nor deleted.
 */
export class EvidenceFiles1795822016668 implements MigrationInterface {
  name = 'EvidenceFiles1795822016668';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE evidence_files (
        tenant_id    text        NOT NULL,
        sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        file_name    text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        content_type text        NOT NULL,
        size         bigint      NOT NULL CHECK (size > 0),
        uploaded_by  text        NOT NULL,
        uploaded_at  timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, sha256)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS evidence_files`);
  }
}
