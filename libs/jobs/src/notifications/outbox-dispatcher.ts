import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { Mailer } from '../mail/mailer';

interface OutboxRow {
  satker_code: string;
  id: string;
  to_address: string;
  subject: string;
  body: string;
  message_id: string;
  attempts: number;
}

export interface DispatchResult {
  sent: number;
  skipped: number;
  failed: number;
}

/** Retry after 1, 2, 4 … minutes, at most an hour apart. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

/**
 * Sends the e-mails of committed reminders. Each row is locked (SKIP LOCKED: two workers never
 * take the same one) for the time of its SMTP exchange and marked sent in the same transaction
 * only after the server accepted it. Guarantee: each message is handed to SMTP at least once and,
 * barring a crash in the instant between the server's acceptance and our commit, exactly once;
 * after such a crash it is resent with the same Message-ID, by which mail systems recognise it.
 */
export class OutboxDispatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly logger: Logger,
  ) {}

  async dispatchDue(now: Date, max = 500): Promise<DispatchResult> {
    const result: DispatchResult = { sent: 0, skipped: 0, failed: 0 };
    for (let i = 0; i < max; i++) {
      const outcome = await this.dispatchOne(now);
      if (outcome === 'none') break;
      result[outcome]++;
    }
    return result;
  }

  private dispatchOne(now: Date): Promise<'sent' | 'skipped' | 'failed' | 'none'> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT satker_code, id, to_address, subject, body, message_id, attempts FROM notification_outbox
          WHERE sent_at IS NULL AND next_attempt_at <= $1
          ORDER BY next_attempt_at, satker_code, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now],
      );
      const row = rows[0];
      if (!row) return 'none';
      try {
        await this.mailer.send({ to: row.to_address, subject: row.subject, text: row.body, messageId: row.message_id });
      } catch (error) {
        const attempts = row.attempts + 1;
        this.logger.warn({ err: error, outboxId: row.id, attempts }, 'E-mail not accepted; will retry');
        await manager.query(
          `UPDATE notification_outbox SET attempts = $3, last_error = $4, next_attempt_at = $5 WHERE satker_code = $1 AND id = $2`,
          [row.satker_code, row.id, attempts, String((error as Error).message).slice(0, 1000), new Date(now.getTime() + retryDelayMs(attempts))],
        );
        return 'failed';
      }
      await manager.query(
        `UPDATE notification_outbox SET attempts = attempts + 1, sent_at = $3, skipped = $4, last_error = NULL
          WHERE satker_code = $1 AND id = $2`,
        [row.satker_code, row.id, now, !this.mailer.enabled],
      );
      return this.mailer.enabled ? 'sent' : 'skipped';
    });
  }
}
