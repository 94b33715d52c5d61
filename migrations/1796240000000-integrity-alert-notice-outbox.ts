import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox of integrity alert notices (libs/jobs/src/reminders/integrity-alert): `IntegrityService`
 * writes a row here in the statement that inserts the alert into `integrity_alerts` (whoever found
 * it: audit:verify, projections:rebuild, the API's verify, the LKj job, a download), and the worker
 * enqueues one `reminders.integrity-alert` job per row. `announced_at`: the job ran.
 *
 * It starts empty: the worker's poll writes the rows of the alerts already open when it ships
 * (`IntegrityAlertNoticeOutbox.recordUnannounced`), so they are announced once too.
 */
export class IntegrityAlertNoticeOutbox1796240000000 implements MigrationInterface {
  name = 'IntegrityAlertNoticeOutbox1796240000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE integrity_alert_notice_outbox (
        satker_code  text        NOT NULL,
        alert_id     bigint      NOT NULL,
        job_id       text        NOT NULL,
        requested_at timestamptz NOT NULL,
        enqueued_at  timestamptz,
        announced_at timestamptz,
        PRIMARY KEY (satker_code, alert_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX integrity_alert_notice_outbox_pending_idx ON integrity_alert_notice_outbox (requested_at) WHERE announced_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS integrity_alert_notice_outbox`);
  }
}
