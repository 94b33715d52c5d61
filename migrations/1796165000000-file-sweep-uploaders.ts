import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who had uploaded an evidence file the sweep deleted (`uploaded_by`, `subbagians`, from the
 * `evidence_uploads` rows deleted with it): a Kasubbag who attaches it later is told that their own
 * upload expired and must be uploaded again, while anyone else still hears "not uploaded" and learns
 * nothing of another subbagian's files. Null for rows written before (treated as unknown).
 */
export class FileSweepUploaders1796165000000 implements MigrationInterface {
  name = 'FileSweepUploaders1796165000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE file_sweep_deletions ADD COLUMN uploaded_by text[], ADD COLUMN subbagians text[]`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE file_sweep_deletions DROP COLUMN IF EXISTS uploaded_by, DROP COLUMN IF EXISTS subbagians`);
  }
}
