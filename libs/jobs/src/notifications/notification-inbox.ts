import { DomainError } from '@kinerja/domain';
import { DataSource } from 'typeorm';

export interface NotificationView {
  id: string;
  kind: string;
  subject: string;
  body: string;
  /** What the reminder is about: period, periods, deadline, reports (the `ReminderSent` payload). */
  data: Record<string, unknown>;
  /**
   * Every reporting month it lists, oldest first: several for the months of one catch-up deadline,
   * none for a digest. Rows recorded before reminders listed several months have `data.period` alone.
   */
  periods: Array<{ year: number; month: number }>;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationView[];
  /** Matching the filter. */
  total: number;
  /** All of the recipient's unread notifications, whatever the filter. */
  unreadCount: number;
  limit: number;
  offset: number;
}

export interface InboxOwner {
  id: string;
  satker: string;
}

interface NotificationRow {
  id: string;
  kind: string;
  subject: string;
  body: string;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

const COLUMNS = 'id, kind, subject, body, data, created_at, read_at';

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id, kind: row.kind, subject: row.subject, body: row.body, data: row.data, periods: periodsOf(row.data),
    createdAt: new Date(row.created_at).toISOString(), readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
  };
}

type Period = { year: number; month: number };

function periodsOf(data: Record<string, unknown>): Period[] {
  if (Array.isArray(data.periods)) return data.periods as Period[];
  return data.period ? [data.period as Period] : [];
}

/** The in-app inbox of one person: newest first, read state their own. */
export class NotificationInbox {
  constructor(private readonly dataSource: DataSource) {}

  async list(owner: InboxOwner, options: { unreadOnly: boolean; limit: number; offset: number }): Promise<NotificationPage> {
    const unread = options.unreadOnly ? 'AND read_at IS NULL' : '';
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications WHERE satker_code = $1 AND recipient_id = $2 ${unread}
        ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`,
      [owner.satker, owner.id, options.limit, options.offset],
    );
    const [counts] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE true ${unread ? 'AND read_at IS NULL' : ''}) AS total, count(*) FILTER (WHERE read_at IS NULL) AS unread
         FROM notifications WHERE satker_code = $1 AND recipient_id = $2`,
      [owner.satker, owner.id],
    );
    return { items: rows.map(toView), total: Number(counts.total), unreadCount: Number(counts.unread), limit: options.limit, offset: options.offset };
  }

  async markRead(owner: InboxOwner, id: string, now: Date): Promise<NotificationView> {
    const [rows] = (await this.dataSource.query(
      `UPDATE notifications SET read_at = coalesce(read_at, $4)
        WHERE satker_code = $1 AND recipient_id = $2 AND id = $3 RETURNING ${COLUMNS}`,
      [owner.satker, owner.id, id, now],
    )) as [NotificationRow[], number];
    if (rows.length === 0) {
      throw new DomainError('NOTIFICATION.NOT_FOUND', 'Notifikasi tidak ditemukan.', 'not_found', { id });
    }
    return toView(rows[0]);
  }

  async markAllRead(owner: InboxOwner, now: Date): Promise<{ marked: number }> {
    const [, count] = (await this.dataSource.query(
      `UPDATE notifications SET read_at = $3 WHERE satker_code = $1 AND recipient_id = $2 AND read_at IS NULL`,
      [owner.satker, owner.id, now],
    )) as [unknown[], number];
    return { marked: count };
  }
}
