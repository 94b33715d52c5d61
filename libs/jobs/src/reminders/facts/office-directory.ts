import { parseLocalDate, reportDeadlinesStreamId } from '@kinerja/domain';
import { DataSource } from 'typeorm';
import { SatkerDirectory } from '@kinerja/workflow/shared/satker-directory';
import { deadlineDayHistorySql, toDeadlineDayHistory } from '@kinerja/identity/satker/deadline-day-history';
import { subbagianNames } from '@kinerja/identity/subbagian/subbagian-names';
import { CalendarDate, isoDate, OFFICE_TIME_ZONES, OfficeTimeZone } from '../plan/office-time';
import type { OfficeReminderSettings, PlannedExtension, ReminderAudience } from '../plan/reminder-plan.types';
import { headProfileColumns, headProfileOf, officeHead } from '../messages/office-head';
import { chooseDelivery, deliveryChain, DeliveryRole, ReminderDelivery } from './delivery';

/**
 * A select-list expression: the dispensasi of the office `<alias>.code`, in the order granted, with
 * what the announcement says (previous deadline, reason, who granted it: their full name), as a JSON
 * array (null when none), straight from its stream `report-deadlines:<satker>` as the other readers of
 * deadlines do (`deadlineExtensionsSql`: a handful of events, one index lookup per office). The event
 * is at schema version 1; when it gains an upcaster this must read through the event store instead.
 */
function extensionGrantsSql(alias: string): string {
  return `(SELECT json_agg(json_build_object('year', (e.data->>'year')::int, 'month', (e.data->>'month')::int, 'until', e.data->>'until',
                                             'grantedAt', e.data->>'grantedAt', 'previousDeadline', e.data->>'previousDeadline',
                                             'reason', e.data->>'reason', 'grantedByRole', e.data->>'grantedByRole',
                                             'grantedByName', COALESCE((SELECT u.full_name FROM users u WHERE u.id::text = e.data->>'grantedBy'), e.data->>'grantedBy'))
                   ORDER BY e.stream_version)
             FROM events e WHERE e.tenant_id = ${alias}.code AND e.stream_id = '${reportDeadlinesStreamId('')}' || ${alias}.code
              AND e.type = 'ReportDeadlineExtended')`;
}

function toExtensions(raw: unknown): PlannedExtension[] {
  const rows = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<Record<string, string | number>> | null;
  return (rows ?? []).map((r) => ({
    year: Number(r.year), month: Number(r.month), until: parseLocalDate(String(r.until)), grantedAt: String(r.grantedAt),
    previousDeadline: parseLocalDate(String(r.previousDeadline)), reason: String(r.reason),
    grantedByRole: r.grantedByRole === 'ADMIN' ? 'ADMIN' : 'SEKRETARIS', grantedByName: String(r.grantedByName),
  }));
}

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
  private readonly satkers: SatkerDirectory;

  constructor(private readonly dataSource: DataSource) {
    this.satkers = new SatkerDirectory(dataSource);
  }

  /**
   * Every account counted as `userId`'s person when they review a report: their own and their other
   * accounts by e-mail or full name (`SatkerDirectory.otherAccountsOf`, the rule of REALISASI.OWN_SUBMISSION).
   */
  async accountsOf(userId: string): Promise<Set<string>> {
    const { sameEmail, sameName } = await this.satkers.otherAccountsOf(userId);
    return new Set([userId, ...sameEmail, ...sameName]);
  }

  async activeOffices(zone?: OfficeTimeZone, satker?: string): Promise<OfficeReminderSettings[]> {
    const rows: Array<{
      code: string; name: string; time_zone: string; report_deadline_day: number; deadline_days: unknown; extensions: unknown;
      institution_kind: string | null; head_title: string | null;
    }> = await this.dataSource.query(
      `SELECT s.code, s.name, s.time_zone, s.report_deadline_day, ${deadlineDayHistorySql('s')} AS deadline_days,
              ${extensionGrantsSql('s')} AS extensions, ${headProfileColumns('s')} FROM satker s
        WHERE s.active AND ($1::text IS NULL OR s.time_zone = $1) AND ($2::text IS NULL OR s.code = $2) ORDER BY s.code`,
      [zone ?? null, satker ?? null],
    );
    return rows
      .filter((r) => (OFFICE_TIME_ZONES as string[]).includes(r.time_zone))
      .map((r) => ({
        satker: r.code,
        name: r.name,
        timeZone: r.time_zone as OfficeTimeZone,
        deadlineDay: Number(r.report_deadline_day),
        deadlineDays: toDeadlineDayHistory(r.deadline_days),
        extensions: toExtensions(r.extensions),
        // What its texts call its head, from its profile in the same read: "Ketua" for a KPU office.
        head: officeHead(headProfileOf(r)),
      }));
  }

  async office(satker: string): Promise<OfficeReminderSettings | null> {
    return (await this.activeOffices(undefined, satker))[0] ?? null;
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

  /**
   * The national holidays and cuti bersama recorded from `from` to `to` (local dates, inclusive), as
   * ISO dates: the administrator's calendar (`hari_libur`), one for every office.
   */
  async holidays(from: CalendarDate, to: CalendarDate): Promise<Set<string>> {
    const rows: Array<{ date: string }> = await this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM hari_libur WHERE date BETWEEN $1::date AND $2::date`,
      [isoDate(from), isoDate(to)],
    );
    return new Set(rows.map((r) => r.date));
  }

  /** The office's subbagian names by code (`subbagianNames`). */
  async subbagianNames(satker: string): Promise<Map<string, string>> {
    return subbagianNames(this.dataSource, satker);
  }

  /**
   * Who a reminder goes to: the active users of its audience (the Kasubbag of one subbagian, or the
   * office's Sekretaris); when there are none, those of the next role that answers for it (the
   * Sekretaris, then the Ketua: `deliveryChain`). Read in one statement, so the choice is made from
   * one snapshot of the users table. `ketua`: the office's active Ketua, by username, whoever received
   * it (the last role of every chain, so read anyway): the approval digest's copy for the reports no
   * Sekretaris may approve goes to them.
   */
  async delivery(satker: string, audience: ReminderAudience): Promise<{ delivery: ReminderDelivery; recipients: Recipient[]; ketua: Recipient[] }> {
    const rows: Array<{ id: string; full_name: string; email: string | null; role: DeliveryRole }> = await this.dataSource.query(
      `SELECT id, full_name, email, role FROM users
        WHERE satker_code = $1 AND active AND role = ANY($2::text[])
          AND (role <> 'KASUBBAG' OR subbagian_code = $3)
        ORDER BY username`,
      [satker, deliveryChain(audience), audience.role === 'KASUBBAG' ? audience.subbagian : null],
    );
    const activeOfRole = (role: DeliveryRole): Recipient[] =>
      rows.filter((r) => r.role === role).map((r) => ({ userId: r.id, fullName: r.full_name, email: r.email }));
    return { ...chooseDelivery(audience, activeOfRole), ketua: activeOfRole('KETUA') };
  }
}
