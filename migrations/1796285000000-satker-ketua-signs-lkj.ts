import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An office may require its Ketua to sign each final LKj (`ketua_signs_lkj`, set by its ADMIN through
 * PATCH satker/{code}). Off for every office, existing ones included: they behave as before.
 */
export class SatkerKetuaSignsLkj1796285000000 implements MigrationInterface {
  name = 'SatkerKetuaSignsLkj1796285000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE satker ADD COLUMN ketua_signs_lkj boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE satker DROP COLUMN ketua_signs_lkj`);
  }
}
