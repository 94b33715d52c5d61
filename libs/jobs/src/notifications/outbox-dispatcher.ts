import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { MailRefused, type Mailer } from '../mail/mailer';
import { OutboxRecipients } from './outbox-recipients';
import { reminderMessageId } from './reminder-recorder';
import { recipientNow, replacementOf, reroutedBody, type NoticeRole, type Replacement } from './send-time-recipient';

interface OutboxRow {
  satker_code: string;
  id: string;
  reminder_key: string;
  recipient_id: string;
  to_address: string;
  subject: string;
  body: string;
  message_id: string;
  attempts: number;
  created_at: Date;
  rerouted: boolean;
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

/** A message not accepted (4xx, no connection) this long after it was written is given up (`EXPIRED`), as MTAs bounce after days. */
export const RETRY_FOR_MS = 5 * 24 * 60 * 60_000;

/**
 * Sends the e-mails of committed reminders. Each row is locked (SKIP LOCKED: two workers never
 * take the same one) for the time of its SMTP exchange and marked sent in the same transaction
 * only after the server accepted it. Guarantee: each message is handed to SMTP at least once and,
 * barring a crash in the instant between the server's acceptance and our commit, exactly once;
 * after such a crash it is resent with the same Message-ID, by which mail systems recognise it.
 *
 * The recipient is read again at send time: one who no longer receives the notice (deactivated,
 * another role) is not sent it; the stand-in rules pick who is, in the same transaction (a row of
 * their own, under the UNIQUE key: never twice), or the row is skipped with the reason. A 5xx reply
 * to the recipient or the message is final (`REJECTED`); anything else is retried until `RETRY_FOR_MS`.
 */
export class OutboxDispatcher {
  private readonly recipients = new OutboxRecipients();

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
        `SELECT satker_code, id, reminder_key, recipient_id, to_address, subject, body, message_id, attempts, created_at,
                (rerouted_from IS NOT NULL) AS rerouted FROM notification_outbox
          WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
          ORDER BY next_attempt_at, satker_code, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now],
      );
      const row = rows[0];
      if (!row) return 'none';
      const to = await this.addressNow(manager, row, now);
      if (to === null) return 'skipped';
      try {
        await this.mailer.send({ to, subject: row.subject, text: row.body, messageId: row.message_id });
      } catch (error) {
        await this.notAccepted(manager, row, to, error, now);
        return 'failed';
      }
      await manager.query(
        `UPDATE notification_outbox SET attempts = attempts + 1, sent_at = $3, skipped = $4, last_error = NULL, to_address = $5
          WHERE satker_code = $1 AND id = $2`,
        [row.satker_code, row.id, now, !this.mailer.enabled, to],
      );
      return this.mailer.enabled ? 'sent' : 'skipped';
    });
  }

  /** The address to send the row to now, or null when it was skipped (and re-routed, if anyone stands in). */
  private async addressNow(manager: EntityManager, row: OutboxRow, now: Date): Promise<string | null> {
    const { person, notice } = await this.recipients.recipientAndNotice(manager, row.recipient_id, row.reminder_key, row.satker_code);
    const decision = recipientNow(person, row.satker_code, notice, row.rerouted);
    if (decision.kind === 'send') return decision.to;
    if (decision.kind === 'skip') return this.skip(manager, row, decision.reason, now);
    const candidates = notice ? await this.recipients.candidates(manager, notice, row.reminder_key, row.satker_code) : [];
    const replacement = replacementOf(notice, decision.why, candidates, now, row.satker_code);
    if (replacement.kind === 'reroute' && notice) {
      const meantFor = person?.fullName ?? row.to_address;
      // Each stand-in reads the role they receive it as (a group's may hold different ones).
      const body = (role: NoticeRole) => reroutedBody(row.body, meantFor, decision.why, role, notice);
      await this.reroute(manager, row, replacement, body, now);
    }
    return this.skip(manager, row, replacement.reason, now);
  }

  private async reroute(
    manager: EntityManager, row: OutboxRow, to: Extract<Replacement, { kind: 'reroute' }>, bodyFor: (role: NoticeRole) => string, now: Date,
  ): Promise<void> {
    for (const person of to.to) {
      const body = bodyFor(person.role as NoticeRole);
      await manager.query(
        `INSERT INTO notification_outbox
           (satker_code, id, reminder_key, recipient_id, to_address, subject, body, message_id, created_at, next_attempt_at, rerouted_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
        [person.satker, randomUUID(), row.reminder_key, person.userId, person.email, row.subject, body,
          reminderMessageId(row.reminder_key, person.userId), row.created_at, now, row.id],
      );
    }
  }

  private async skip(manager: EntityManager, row: OutboxRow, reason: string, now: Date): Promise<null> {
    this.logger.info({ outboxId: row.id, reason }, 'E-mail not sent to its recipient');
    await manager.query(
      `UPDATE notification_outbox SET sent_at = $3, skipped = true, skip_reason = $4 WHERE satker_code = $1 AND id = $2`,
      [row.satker_code, row.id, now, reason],
    );
    return null;
  }

  /** A refusal for good (5xx) or after `RETRY_FOR_MS` marks the row failed with the server's reply; anything else is retried. */
  private async notAccepted(manager: EntityManager, row: OutboxRow, to: string, error: unknown, now: Date): Promise<void> {
    const attempts = row.attempts + 1;
    const reply = (error instanceof MailRefused ? error.reply : String((error as Error).message)).slice(0, 1000);
    const failure = error instanceof MailRefused && error.permanent
      ? 'REJECTED'
      : now.getTime() - new Date(row.created_at).getTime() >= RETRY_FOR_MS ? 'EXPIRED' : null;
    if (failure) this.logger.warn({ err: error, outboxId: row.id, attempts, failure }, 'E-mail not accepted; given up');
    else this.logger.warn({ err: error, outboxId: row.id, attempts }, 'E-mail not accepted; will retry');
    await manager.query(
      `UPDATE notification_outbox SET attempts = $3, last_error = $4, next_attempt_at = $5, to_address = $6,
              failed_at = CASE WHEN $7::text IS NULL THEN NULL ELSE $8::timestamptz END, failure = $7::text
        WHERE satker_code = $1 AND id = $2`,
      [row.satker_code, row.id, attempts, reply, new Date(now.getTime() + retryDelayMs(attempts)), to, failure, now],
    );
  }
}
