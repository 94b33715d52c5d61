import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox of PK and LKj notices (libs/jobs/src/reminders/pk-lkj), as `catatan_reviu_notice_outbox`
 * is the notes': the worker's process manager follows the log and, in the transaction that moves its
 * checkpoint past a PK submitted, returned or approved or an LKj produced or gone stale, writes a row
 * here; the job that records and sends the notice is enqueued after the commit. `announced_at`: the job ran.
 *
 * The process manager starts at the log's present end: what happened before it existed is not announced.
 */
export class PkLkjNoticeOutbox1796227300000 implements MigrationInterface {
  name = 'PkLkjNoticeOutbox1796227300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE pk_lkj_notice_outbox (
        satker_code  text        NOT NULL,
        event_id     uuid        NOT NULL,
        stream_id    text        NOT NULL,
        job_id       text        NOT NULL,
        requested_at timestamptz NOT NULL,
        enqueued_at  timestamptz,
        announced_at timestamptz,
        PRIMARY KEY (satker_code, event_id)
      )`);
    await queryRunner.query(`CREATE INDEX pk_lkj_notice_outbox_pending_idx ON pk_lkj_notice_outbox (requested_at) WHERE announced_at IS NULL`);
    await queryRunner.query(`
      INSERT INTO event_subscriber_checkpoints (subscriber, transaction_id, global_position)
      SELECT 'process-manager:pk-lkj-notices', transaction_id, global_position FROM events
       ORDER BY transaction_id DESC, global_position DESC LIMIT 1
      ON CONFLICT (subscriber) DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM event_subscriber_checkpoints WHERE subscriber = 'process-manager:pk-lkj-notices'`);
    await queryRunner.query(`DROP TABLE IF EXISTS pk_lkj_notice_outbox`);
  }
}
