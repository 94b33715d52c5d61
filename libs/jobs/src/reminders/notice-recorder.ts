import { randomUUID } from 'node:crypto';
import type { EventStore } from '@kinerja/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { notificationStreamId, REMINDER_SENT, reminderMessageId, type RecordedReminder } from '../notifications/reminder-recorder';
import type { EventNoticeKind } from '../notifications/notification-kinds';
import type { ReminderMessage } from './messages/render-reminder';

/** A recipient of a notice, in their own office (the province's Inspektorat reads a kabupaten's note). */
export interface NoticeRecipient {
  userId: string;
  fullName: string;
  email: string | null;
  satker: string;
}

type NoticeRole = 'SEKRETARIS' | 'KETUA' | 'INSPEKTORAT' | 'PK_REVIEWERS' | 'PK_SUBMITTER' | 'PIMPINAN' | 'INTEGRITY_WATCHERS';

/** Who received it: the audience's role, a stand-in (the Ketua for a Sekretaris), or nobody (`null`). */
export interface NoticeDelivery {
  role: NoticeRole | null;
  vacantRoles: NoticeRole[];
}

/**
 * A notice prompted by one fact (a note's, a PK's or an LKj's event, an integrity alert): its key, kind,
 * audience and text, and what its payload adds (`catatanReviu`, `pk`, `lkj`, `integrityAlert`) for the
 * inbox's `data` and the audit trail.
 */
export interface EventNotice {
  key: string;
  kind: EventNoticeKind;
  satker: string;
  audience: object;
  dueAt: string;
  message: ReminderMessage;
  details: Record<string, unknown>;
}

/**
 * Records a catatan reviu, PK/LKj or integrity alert notice at most once, exactly as `ReminderRecorder` records a reminder: one
 * transaction writes the `reminders` row (primary key: office reviewed and the notice's key), the
 * `ReminderSent` event (idempotency key `reminder:<key>`), an inbox row per recipient and an outbox
 * row per recipient with an e-mail address. A retried job, a second worker or a restart finds the key
 * taken and records nothing. Inbox and outbox rows are filed under each recipient's own office, which
 * is the inbox they read (`GET /me/notifications`).
 */
export class NoticeRecorder {
  constructor(private readonly dataSource: DataSource, private readonly events: EventStore) {}

  record(notice: EventNotice, recipients: NoticeRecipient[], delivery: NoticeDelivery, now: Date): Promise<RecordedReminder | null> {
    const payload = {
      key: notice.key, kind: notice.kind, audience: notice.audience, delivery, dueAt: notice.dueAt,
      period: null, periods: [], deadline: null, reports: [], ...notice.details,
    };
    return this.dataSource.transaction(async (manager): Promise<RecordedReminder | null> => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO reminders (satker_code, reminder_key, kind, due_at, recipients, payload, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) ON CONFLICT DO NOTHING RETURNING reminder_key`,
        [notice.satker, notice.key, notice.kind, notice.dueAt, recipients.length, JSON.stringify(payload), now],
      );
      if (claimed.length === 0) return null;
      await this.events.append(
        notificationStreamId(notice.satker), 'any',
        [{ type: REMINDER_SENT, data: { ...payload, recipientIds: recipients.map((r) => r.userId), sentAt: now.toISOString() } }],
        { tenantId: notice.satker, actorId: 'system', actorRole: 'SYSTEM', correlationId: notice.key, idempotencyKey: `reminder:${notice.key}` },
        { manager },
      );
      let emails = 0;
      for (const to of recipients) {
        await insertInbox(manager, notice, payload, to, now);
        if (to.email) {
          await manager.query(
            `INSERT INTO notification_outbox
               (satker_code, id, reminder_key, recipient_id, to_address, subject, body, message_id, created_at, next_attempt_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
            [to.satker, randomUUID(), notice.key, to.userId, to.email, notice.message.subject, notice.message.body, reminderMessageId(notice.key, to.userId), now],
          );
          emails++;
        }
      }
      return { key: notice.key, recipients: recipients.length, emails };
    });
  }
}

function insertInbox(manager: EntityManager, notice: EventNotice, payload: object, to: NoticeRecipient, now: Date) {
  return manager.query(
    `INSERT INTO notifications (satker_code, id, recipient_id, reminder_key, kind, subject, body, data, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
    [to.satker, randomUUID(), to.userId, notice.key, notice.kind, notice.message.subject, notice.message.body, JSON.stringify(payload), now],
  );
}
