import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders and the notification inbox.
 *
 * - `reminders`: one row per reminder ever decided, keyed by its deterministic key. Written in the
 *   same transaction as its `ReminderSent` event, its inbox rows and its outbox rows: the primary
 *   key is what makes a reminder happen at most once, whoever computes it and however often.
 * - `notifications`: the in-app inbox, a read model per recipient (`read_at` is the recipient's own
 *   state, not a fact of the office, so it is updated in place).
 * - `notification_outbox`: e-mails to send after the commit; `sent_at` is set only once SMTP has
 *   accepted the message (or, with no SMTP configured, with
 *   `skipped`). The pending index is partial, so scanning it stays cheap however long
 *   the history grows.
 */
export class Notifications1795821979832 implements MigrationInterface {
  name = 'Notifications1795821979832';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reminders (
        satker_code  text        NOT NULL,
        reminder_key text        NOT NULL CHECK (length(reminder_key) BETWEEN 1 AND 200),
        kind         text        NOT NULL,
        due_at       timestamptz NOT NULL,
        recipients   integer     NOT NULL,
        payload      jsonb       NOT NULL,
        recorded_at  timestamptz NOT NULL,
        PRIMARY KEY (satker_code, reminder_key)
      )`);
    await queryRunner.query(`CREATE INDEX reminders_due_idx ON reminders (satker_code, due_at)`);
    await queryRunner.query(`
      CREATE TABLE notifications (
        satker_code  text        NOT NULL,
        id           uuid        NOT NULL,
        recipient_id uuid        NOT NULL,
        reminder_key text        NOT NULL,
        kind         text        NOT NULL,
        subject      text        NOT NULL,
        body         text        NOT NULL,
        data         jsonb       NOT NULL,
        created_at   timestamptz NOT NULL,
        read_at      timestamptz,
        PRIMARY KEY (satker_code, id),
        UNIQUE (satker_code, reminder_key, recipient_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX notifications_inbox_idx ON notifications (satker_code, recipient_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX notifications_unread_idx ON notifications (satker_code, recipient_id, created_at DESC, id DESC) WHERE read_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE notification_outbox (
        satker_code     text        NOT NULL,
        id              uuid        NOT NULL,
        reminder_key    text        NOT NULL,
        recipient_id    uuid        NOT NULL,
        to_address      text        NOT NULL,
        subject         text        NOT NULL,
        body            text        NOT NULL,
        message_id      text        NOT NULL,
        created_at      timestamptz NOT NULL,
        attempts        integer     NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error      text,
        sent_at         timestamptz,
        skipped         boolean     NOT NULL DEFAULT false,
        PRIMARY KEY (satker_code, id),
        UNIQUE (satker_code, reminder_key, recipient_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX notification_outbox_pending_idx ON notification_outbox (satker_code, next_attempt_at) WHERE sent_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification_outbox, notifications, reminders`);
  }
}
