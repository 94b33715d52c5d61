import { deadlineExtensionsSql, toDeadlineExtensions } from '@kinerja/projections/submission-status/deadline-extensions';
import { DataSource } from 'typeorm';
import { deadlineDayHistorySql, toDeadlineDayHistory } from '@kinerja/identity/satker/deadline-day-history';
import { OFFICE_TIME_ZONES, OfficeTimeZone } from '../plan/office-time';
import type { OfficeReminderSettings, ReminderAudience } from '../plan/reminder-plan.types';
import { chooseDelivery, deliveryChain, DeliveryRole, ReminderDelivery } from './delivery';

export interface Recipient {
  userId: string;
  fullName: string;
  email: string | null;
}

/**
 * Offices and people as reminders need them, read fresh on every run from the identity tables, so
 * a changed deadline day, time zone or Kasubbag takes effect at the next run without re-scheduling
 * (a changed deadline day for the months whose deadline it cannot have made pass: `deadlineDays`).
 */
export class OfficeDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async activeOffices(zone?: OfficeTimeZone): Promise<OfficeReminderSettings[]> {
    const rows: Array<{ code: string; name: string; time_zone: string; report_deadline_day: number; deadline_days: unknown; extensions: unknown }> = await this.dataSource.query(
      `SELECT s.code, s.name, s.time_zone, s.report_deadline_day, ${deadlineDayHistorySql('s')} AS deadline_days,
              ${deadlineExtensionsSql('s')} AS extensions FROM satker s
        WHERE s.active AND ($1::text IS NULL OR s.time_zone = $1) ORDER BY s.code`,
      [zone ?? null],
    );
    return rows
      .filter((r) => (OFFICE_TIME_ZONES as string[]).includes(r.time_zone))
      .map((r) => ({
        satker: r.code,
        name: r.name,
        timeZone: r.time_zone as OfficeTimeZone,
        deadlineDay: Number(r.report_deadline_day),
        deadlineDays: toDeadlineDayHistory(r.deadline_days),
        extensions: toDeadlineExtensions(r.extensions),
      }));
  }

  async office(satker: string): Promise<OfficeReminderSettings | null> {
    return (await this.activeOffices()).find((o) => o.satker === satker) ?? null;
  }

  /** Which of `keys` the office's reminders already hold. */
  async recordedKeys(satker: string, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: Array<{ reminder_key: string }> = await this.dataSource.query(
      `SELECT reminder_key FROM reminders WHERE satker_code = $1 AND reminder_key = ANY($2::text[])`,
      [satker, keys],
    );
    return new Set(rows.map((r) => r.reminder_key));
  }

  async subbagianNames(satker: string): Promise<Map<string, string>> {
    const rows: Array<{ code: string; name: string }> = await this.dataSource.query(
      `SELECT code, name FROM subbagian WHERE satker_code = $1`,
      [satker],
    );
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /**
   * Who a reminder goes to: the active users of its audience (the Kasubbag of one subbagian, or the
   * office's Sekretaris); when there are none, those of the next role that answers for it (the
   * Sekretaris, then the Ketua: `deliveryChain`). Read in one statement, so the choice is made from
   * one snapshot of the users table.
   */
  async delivery(satker: string, audience: ReminderAudience): Promise<{ delivery: ReminderDelivery; recipients: Recipient[] }> {
    const rows: Array<{ id: string; full_name: string; email: string | null; role: DeliveryRole }> = await this.dataSource.query(
      `SELECT id, full_name, email, role FROM users
        WHERE satker_code = $1 AND active AND role = ANY($2::text[])
          AND (role <> 'KASUBBAG' OR subbagian_code = $3)
        ORDER BY username`,
      [satker, deliveryChain(audience), audience.role === 'KASUBBAG' ? audience.subbagian : null],
    );
    return chooseDelivery(audience, (role) =>
      rows.filter((r) => r.role === role).map((r) => ({ userId: r.id, fullName: r.full_name, email: r.email })),
    );
  }
}
