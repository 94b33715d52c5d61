import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each office's profile for its LKj (institution line, head's title, signing town, address, tasks,
 * functions, subbagian duties, staff table), set by its ADMIN through PUT satker/{code}/profile and
 * recorded as SatkerProfileChanged. No row: nothing recorded, the LKj derives what it prints as before.
 */
export class SatkerProfiles1796295000000 implements MigrationInterface {
  name = 'SatkerProfiles1796295000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE satker_profiles (
        satker_code text PRIMARY KEY REFERENCES satker (code),
        profile jsonb NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE satker_profiles`);
  }
}
