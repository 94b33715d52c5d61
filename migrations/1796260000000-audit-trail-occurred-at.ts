import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail's row tells when its event says it happened (`occurred_at`: a PK's `approvedAt` …)
 * beside when it was recorded, and which program recorded it on the actor's behalf (`loaded_by`:
 * `seed:demo`). Both start empty: audit-trail projection version 14 has the worker (or
 * `projections:rebuild audit-trail`) rewrite the rows stored before.
 */
export class AuditTrailOccurredAt1796260000000 implements MigrationInterface {
  name = 'AuditTrailOccurredAt1796260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_trail ADD COLUMN occurred_at timestamptz, ADD COLUMN loaded_by text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_trail DROP COLUMN IF EXISTS occurred_at, DROP COLUMN IF EXISTS loaded_by`);
  }
}
