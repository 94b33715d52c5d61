import { createHash, randomUUID } from 'node:crypto';
import type { EventStore } from '@kinerja/event-store';
import { DataSource, EntityManager } from 'typeorm';
import type { ReminderMessage } from '../reminders/messages/render-reminder';
import type { PlannedReminder } from '../reminders/plan/reminder-plan.types';
import type { Recipient } from '../reminders/facts/office-directory';
import { directDelivery, type ReminderDelivery } from '../reminders/facts/delivery';

export const REMINDER_SENT = 'ReminderSent';

/** The stream of an office's reminders. */
export function notificationStreamId(satker: string): string {
  return `notifications:${satker}`;
}

/** Same key and recipient, same Message-ID: a resend after a crash is recognisable as the same message. */
export function reminderMessageId(key: string, userId: string): string {
  return `<${createHash('sha256').update(`${key}\u0000${userId}`).digest('hex').slice(0, 40)}@reminder.kinerja>`;
}

/**
 * One recipient's own copy of a reminder, when it differs from the one recorded: the approval digest
 * leaves out what a Sekretaris submitted themselves (`approvalDigestCopies`). Their inbox row and
 * e-mail carry it; the row and the event keep the reminder as planned, with `copies` saying who read what.
 */
export interface PersonalCopy {
  reminder: PlannedReminder;
  message: ReminderMessage;
  delivery: ReminderDelivery;
}

export type Addressee = Recipient & { copy?: PersonalCopy };

export interface RecordedReminder {
  key: string;
  recipients: number;
  emails: number;
}

/**
 * Records a reminder at most once. One transaction writes the `reminders` row (its primary key is
 * the reminder's deterministic key), the `ReminderSent` event (the event store's idempotency key is
 * the same key), an inbox row per recipient and an outbox row per recipient with an e-mail address.
 * A second attempt — a retried or duplicated job, another worker, a catch-up — finds the key taken
 * (waiting for the first transaction if it is still open) and records nothing, whoever it would go
 * to now: the key names the reminder, not its recipients, so a Kasubbag appointed after their
 * Sekretaris stood in for them does not get the same reminder a second time.
 *
 * `delivery` says who actually received it (the audience, a stand-in, or nobody); it is kept in the
 * row, the event and the inbox rows. Without it, the recipients are taken to be the audience's own.
 */
export class ReminderRecorder {
  constructor(private readonly dataSource: DataSource, private readonly events: EventStore) {}

  async record(
    reminder: PlannedReminder, message: ReminderMessage, recipients: Addressee[], now: Date,
    delivery: ReminderDelivery = directDelivery(reminder.audience, recipients.length),
  ): Promise<RecordedReminder | null> {
    const payload = { ...payloadOf(reminder, delivery), ...copiesOf(recipients) };
    return this.dataSource.transaction(async (manager): Promise<RecordedReminder | null> => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO reminders (satker_code, reminder_key, kind, due_at, recipients, payload, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) ON CONFLICT DO NOTHING RETURNING reminder_key`,
        [reminder.satker, reminder.key, reminder.kind, reminder.dueAt, recipients.length, JSON.stringify(payload), now],
      );
      if (claimed.length === 0) return null;
      await this.claimOthers(manager, reminder, payload, recipients.length, now);
      await this.appendEvent(manager, reminder, payload, recipients, now);
      let emails = 0;
      for (const recipient of recipients) {
        const own = recipient.copy;
        await this.insertInbox(manager, reminder, own ? payloadOf(own.reminder, own.delivery) : payload, own?.message ?? message, recipient, now);
        if (recipient.email) {
          await this.insertOutbox(manager, reminder, own?.message ?? message, recipient, now);
          emails++;
        }
      }
      return { key: reminder.key, recipients: recipients.length, emails };
    }).catch((error: unknown) => {
      if (error instanceof ClaimTaken) return null;
      throw error;
    });
  }

  /**
   * The other keys it claims (`claims`: the grants a dispensasi notice lists beyond its first), in
   * its transaction, each row naming the notice that announced it. When another notice holds one of
   * them, the transaction is rolled back (`ClaimTaken`) and nothing of this one is recorded: the
   * runner plans it again without the grants announced meanwhile.
   */
  private async claimOthers(manager: EntityManager, reminder: PlannedReminder, payload: ReminderPayload, recipients: number, now: Date): Promise<void> {
    const others = (reminder.claims ?? []).map((c) => c.key).filter((key) => key !== reminder.key);
    if (others.length === 0) return;
    const rows: unknown[] = await manager.query(
      `INSERT INTO reminders (satker_code, reminder_key, kind, due_at, recipients, payload, recorded_at)
       SELECT $1, k, $3, $4, $5, jsonb_build_object('key', k, 'kind', $3::text, 'announcedIn', $6::text), $7 FROM unnest($2::text[]) AS k
       ON CONFLICT DO NOTHING RETURNING reminder_key`,
      [reminder.satker, others, reminder.kind, reminder.dueAt, recipients, payload.key, now],
    );
    if (rows.length < others.length) throw new ClaimTaken();
  }

  private async appendEvent(manager: EntityManager, reminder: PlannedReminder, payload: ReminderPayload, recipients: Recipient[], now: Date) {
    const data = { ...payload, recipientIds: recipients.map((r) => r.userId), sentAt: now.toISOString() };
    await this.events.append(
      notificationStreamId(reminder.satker),
      'any',
      [{ type: REMINDER_SENT, data }],
      { tenantId: reminder.satker, actorId: 'system', actorRole: 'SYSTEM', correlationId: reminder.key, idempotencyKey: `reminder:${reminder.key}` },
      { manager },
    );
  }

  private async insertInbox(manager: EntityManager, r: PlannedReminder, payload: ReminderPayload, m: ReminderMessage, to: Recipient, now: Date) {
    await manager.query(
      `INSERT INTO notifications (satker_code, id, recipient_id, reminder_key, kind, subject, body, data, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
      [r.satker, randomUUID(), to.userId, r.key, r.kind, m.subject, m.body, JSON.stringify(payload), now],
    );
  }

  private async insertOutbox(manager: EntityManager, r: PlannedReminder, m: ReminderMessage, to: Recipient, now: Date) {
    await manager.query(
      `INSERT INTO notification_outbox
         (satker_code, id, reminder_key, recipient_id, to_address, subject, body, message_id, created_at, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
      [r.satker, randomUUID(), r.key, to.userId, to.email, m.subject, m.body, reminderMessageId(r.key, to.userId), now],
    );
  }
}

type ReminderPayload = ReturnType<typeof payloadOf> & ReturnType<typeof copiesOf>;

/**
 * Who read a copy of their own (an added field, only when someone did): each such recipient, the role
 * they read it as and the reports it listed. Everyone else read the reminder as recorded.
 */
function copiesOf(recipients: readonly Addressee[]) {
  const copies = recipients.flatMap(({ userId, copy }) =>
    copy ? [{ recipientId: userId, role: copy.delivery.role, reports: copy.reminder.reports.map((r) => ({ year: r.year, month: r.month, subbagian: r.subbagian })) }] : [],
  );
  return copies.length > 0 ? { copies } : {};
}

/** A key a notice claims is held by another notice: its transaction records nothing. */
class ClaimTaken extends Error {}

/**
 * What the event, the row and the inbox keep about a reminder: enough to say who was reminded of
 * what, and why. `audience` is who the reminder is for (who owes the report); `delivery` who
 * actually received it. An added field: `ReminderSent` events recorded before it (schema version 1
 * like the new ones) have no `delivery` and went to their audience; readers take it so.
 */
function payloadOf(r: PlannedReminder, delivery: ReminderDelivery) {
  return {
    key: r.key,
    kind: r.kind,
    audience: r.audience,
    delivery,
    dueAt: r.dueAt,
    localDate: r.localDate,
    period: r.period,
    // Every month it lists (an added field: events recorded before it have `period` alone, their one month).
    periods: r.periods,
    deadline: r.deadline,
    // Only for a catch-up deadline (an added field, like `delivery`): the day the year's PK was first approved.
    ...(r.pkApprovedOn ? { pkApprovedOn: r.pkApprovedOn } : {}),
    // Only when `deadline` is the day of a dispensasi (an added field too).
    ...(r.dispensasi ? { dispensasi: true } : {}),
    // Only on DEADLINE_EXTENDED: the dispensasi announced (`deadline` is its new day).
    ...(r.extension
      ? {
          extension: {
            previousDeadline: r.extension.previousDeadline, until: r.extension.until, reason: r.extension.reason,
            grantedAt: r.extension.grantedAt, grantedByRole: r.extension.grantedByRole, grantedByName: r.extension.grantedByName,
          },
        }
      : {}),
    // Only on DEADLINE_EXTENDED listing several (the grants of one day): each, oldest month first (an
    // added field: events recorded before it, and notices of one grant, have `extension` alone).
    ...(r.extensions && r.extensions.length > 1
      ? {
          extensions: r.extensions.map((e) => ({
            year: e.year, month: e.month, previousDeadline: e.previousDeadline, until: e.until, reason: e.reason,
            grantedAt: e.grantedAt, grantedByRole: e.grantedByRole, grantedByName: e.grantedByName,
          })),
        }
      : {}),
    reports: r.reports.map((report) => ({
      year: report.year,
      month: report.month,
      subbagian: report.subbagian,
      status: report.status,
      blankIndicators: report.blankIndicators.map((i) => i.code),
      submittedAt: report.submittedAt,
    })),
  };
}
