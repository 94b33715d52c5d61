import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What became of an e-mail that was not delivered (`OutboxDispatcher`).
 *
 * - `skip_reason`: why a row was marked sent without being sent (its recipient no longer receives it:
 *   deactivated, another role, no address; with `rerouted_from` on the stand-in's row when it went to
 *   one instead). Rows skipped for want of SMTP keep it null, as before.
 * - `failed_at`, `failure`: the row is given up: `REJECTED` (the server answered 5xx for the recipient
 *   or the message: final) or `EXPIRED` (4xx or no connection for the whole retry period);
 *   `last_error` keeps the server's reply. A failed row is no longer pending, so the pending index
 *   leaves it out; the ADMIN reads the last failure of a user through the second index.
 */
export class NotificationOutboxOutcome1796225000000 implements MigrationInterface {
  name = 'NotificationOutboxOutcome1796225000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notification_outbox
        ADD COLUMN skip_reason   text,
        ADD COLUMN rerouted_from uuid,
        ADD COLUMN failed_at     timestamptz,
        ADD COLUMN failure       text CHECK (failure IN ('REJECTED', 'EXPIRED')),
        ADD CONSTRAINT notification_outbox_failed_at_check CHECK ((failed_at IS NULL) = (failure IS NULL))`);
    await queryRunner.query(`DROP INDEX notification_outbox_pending_idx`);
    await queryRunner.query(
      `CREATE INDEX notification_outbox_pending_idx ON notification_outbox (satker_code, next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX notification_outbox_failed_idx ON notification_outbox (satker_code, recipient_id, failed_at DESC) WHERE failed_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notification_outbox_failed_idx`);
    await queryRunner.query(`DROP INDEX notification_outbox_pending_idx`);
    await queryRunner.query(`CREATE INDEX notification_outbox_pending_idx ON notification_outbox (satker_code, next_attempt_at) WHERE sent_at IS NULL`);
    await queryRunner.query(`ALTER TABLE notification_outbox DROP COLUMN skip_reason, DROP COLUMN rerouted_from, DROP COLUMN failed_at, DROP COLUMN failure`);
  }
}
