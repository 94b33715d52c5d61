import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox of catatan reviu notices (libs/jobs/src/reminders/catatan-reviu), as
 * `dispensasi_outbox` is the dispensasi's: the worker's process manager follows the log and, in the
 * transaction that moves its checkpoint past a note written, answered, closed or reopened, writes a
 * row here; the job that records and sends the notice is enqueued after the commit, and a row never
 * enqueued (the worker killed, Redis away) is enqueued again by the next poll or at start.
 * `announced_at`: the job ran.
 *
 * The process manager starts at the log's present end: notes written before it existed were never
 * announced, and announcing a year of them at once would bury the inbox.
 */
export class CatatanReviuNoticeOutbox1796215000000 implements MigrationInterface {
  name = 'CatatanReviuNoticeOutbox1796215000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE catatan_reviu_notice_outbox (
        satker_code  text        NOT NULL,
        event_id     uuid        NOT NULL,
        stream_id    text        NOT NULL,
        job_id       text        NOT NULL,
        requested_at timestamptz NOT NULL,
        enqueued_at  timestamptz,
        announced_at timestamptz,
        PRIMARY KEY (satker_code, event_id)
      )`);
    await queryRunner.query(`CREATE INDEX catatan_reviu_notice_outbox_pending_idx ON catatan_reviu_notice_outbox (requested_at) WHERE announced_at IS NULL`);
    await queryRunner.query(`
      INSERT INTO event_subscriber_checkpoints (subscriber, transaction_id, global_position)
      SELECT 'process-manager:catatan-reviu', transaction_id, global_position FROM events
       ORDER BY transaction_id DESC, global_position DESC LIMIT 1
      ON CONFLICT (subscriber) DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM event_subscriber_checkpoints WHERE subscriber = 'process-manager:catatan-reviu'`);
    await queryRunner.query(`DROP TABLE IF EXISTS catatan_reviu_notice_outbox`);
  }
}
