import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox of prompt dispensasi notices (libs/jobs/src/reminders/dispensasi): the worker's process
 * manager follows the log and, in the transaction that moves its checkpoint past a
 * `ReportDeadlineExtended`, writes a row here; the job that plans and sends the office's notices is
 * enqueued after the commit, and a row never enqueued (the worker killed, Redis away) is enqueued
 * again by the next poll or the reconciliation at start. `announced_at`: the job ran.
 *
 * The process manager starts at the log's present end: the grants made before it existed were
 * announced by the hourly runs already, and reading the whole log again would announce nothing.
 */
export class DispensasiNoticeOutbox1796180000000 implements MigrationInterface {
  name = 'DispensasiNoticeOutbox1796180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dispensasi_outbox (
        satker_code  text        NOT NULL,
        event_id     uuid        NOT NULL,
        job_id       text        NOT NULL,
        requested_at timestamptz NOT NULL,
        enqueued_at  timestamptz,
        announced_at timestamptz,
        PRIMARY KEY (satker_code, event_id)
      )`);
    await queryRunner.query(`CREATE INDEX dispensasi_outbox_pending_idx ON dispensasi_outbox (requested_at) WHERE announced_at IS NULL`);
    await queryRunner.query(`
      INSERT INTO event_subscriber_checkpoints (subscriber, transaction_id, global_position)
      SELECT 'process-manager:dispensasi', transaction_id, global_position FROM events
       ORDER BY transaction_id DESC, global_position DESC LIMIT 1
      ON CONFLICT (subscriber) DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM event_subscriber_checkpoints WHERE subscriber = 'process-manager:dispensasi'`);
    await queryRunner.query(`DROP TABLE IF EXISTS dispensasi_outbox`);
  }
}
