import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotifiedCache } from '@kinerja/platform';
import {
  deadlineOfReport, deadlineWithExtensions, DomainError, echoedInput, personNameKey, reportDeadline, reportDeadlineAndBasis, type DeadlineBasis, type DeadlineDayHistory,
  type GrantedDeadlineExtension, type LocalDate, type ReportMove,
} from '@kinerja/domain';
import { deadlineExtensionsSql, toDeadlineExtensions } from '@kinerja/projections';
import { deadlineDayHistorySql, toDeadlineDayHistory } from '@kinerja/identity/satker/deadline-day-history';
import type { ReviewerAccounts } from './workflow-actor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SatkerFacts {
  code: string;
  timeZone: string;
  /** The current deadline day; a month's deadline is `deadlineOfMonth(facts, year, month, opened)`. */
  reportDeadlineDay: number;
  /** Every deadline day the office has had, in order (empty: only the current one is known). */
  deadlineDays: DeadlineDayHistory;
  /** The office's dispensasi of report deadlines, in the order granted (absent: none). */
  extensions?: readonly GrantedDeadlineExtension[];
  subbagianCodes: string[];
}

/**
 * The deadline of month M's report (`reportDeadline`): by the day M has under the office's history (a
 * change never moves a deadline already passed), or the catch-up deadline when the year's PK was
 * first approved on `opened` (`pkOpenedOn`) after M's own deadline had passed; then the day of a
 * dispensasi granted for M after that had passed (`deadlineWithExtensions`).
 */
export function deadlineOfMonth(facts: SatkerFacts, year: number, month: number, opened: LocalDate | null): LocalDate {
  return deadlineWithExtensions(reportDeadline(facts.deadlineDays, year, month, opened, facts.reportDeadlineDay), facts.extensions ?? [], year, month);
}

/**
 * The deadline of one report of month M (`deadlineOfReport`): `deadlineOfMonth`, except that a
 * dispensasi reaches it only if it was still owed when granted (`moves`: its history, oldest first).
 */
export function deadlineOfReportIn(
  facts: SatkerFacts, year: number, month: number, opened: LocalDate | null, moves: readonly ReportMove[],
): { deadline: LocalDate; basis: DeadlineBasis } {
  const { deadline, catchUp } = reportDeadlineAndBasis(facts.deadlineDays, year, month, opened, facts.reportDeadlineDay);
  return deadlineOfReport(deadline, catchUp, facts.extensions ?? [], year, month, moves);
}

export interface PersonName {
  username: string;
  fullName: string;
}

/**
 * What the workflow needs to know about an office from the identity tables: its time zone, report
 * deadline days (the history: `deadlineOfMonth`) and active subbagian (`facts`, read per call: an
 * administrator may change them), and, cached for the monthly-report hot path, its clock
 * (`clockOf`: time zone and deadline days).
 */
// A bound for a change that no notification told of (a row edited with triggers disabled).
const CLOCK_TTL_MS = 30_000;
const MAX_CLOCKS = 10_000;

/**
 * The channel on which PostgreSQL announces, at commit, every change of what an office's clock is
 * read from (`satker.time_zone`, `satker.report_deadline_day`, `satker_deadline_day_changes`),
 * whoever makes it (migration OfficeClockChanges1796250000000): the office's code, or `*` for all.
 */
export const OFFICE_CLOCK_CHANGES_CHANNEL = 'kinerja_clock_changed';

/** An office's time zone and report deadline days: what a report's deadline needs besides its dispensasi. */
export type OfficeClock = Pick<SatkerFacts, 'code' | 'timeZone' | 'reportDeadlineDay' | 'deadlineDays'>;

@Injectable()
export class SatkerDirectory {
  /**
   * The offices' clocks by code, served from this process only while the API's DatabaseChangeListener
   * is told of every change on `kinerja_clock_changed` (see NotifiedCache); otherwise (the listener's
   * connection lost, the embedded database, the CLI) read on every call.
   */
  readonly clocks = new NotifiedCache<OfficeClock>((satker) => this.readClock(satker), { ttlMs: CLOCK_TTL_MS, maxEntries: MAX_CLOCKS });

  constructor(private readonly dataSource: DataSource) {}

  /** The office's time zone for the hot path of monthly reports (`clockOf`). */
  async timeZoneOf(satker: string): Promise<string> {
    return (await this.clockOf(satker)).timeZone;
  }

  /**
   * The office's time zone and deadline days: they decide whether a month has ended and the
   * deadline a command's answer shows, and an office changes them about never, so they are kept
   * per process (`clocks`) and dropped when the database announces a change, made by any process
   * or tool; an identity change committed by this process drops them at once as well
   * (`forgetClocks`, wired where both modules meet: WorkflowHttpModule), before its request is
   * answered. Readers that list deadlines (`facts`) read them fresh.
   */
  clockOf(satker: string): Promise<OfficeClock> {
    return this.clocks.get(satker);
  }

  /** Drops every cached office clock (after an identity change committed by this process). */
  forgetClocks(): void {
    this.clocks.invalidate('*');
  }

  private async readClock(satker: string): Promise<OfficeClock> {
    const rows: Array<{ time_zone: string; report_deadline_day: number; deadline_days: unknown }> = await this.dataSource.query(
      `SELECT s.time_zone, s.report_deadline_day, ${deadlineDayHistorySql('s')} AS deadline_days FROM satker s WHERE s.code = $1`,
      [satker],
    );
    if (rows.length === 0) throw new DomainError('SATKER.NOT_FOUND', `Satker ${echoedInput(satker)} tidak ditemukan.`, 'not_found', { satker: echoedInput(satker) });
    return {
      code: satker, timeZone: rows[0].time_zone, reportDeadlineDay: Number(rows[0].report_deadline_day), deadlineDays: toDeadlineDayHistory(rows[0].deadline_days),
    };
  }

  async facts(satker: string): Promise<SatkerFacts> {
    const rows: Array<{ time_zone: string; report_deadline_day: number; deadline_days: unknown; extensions: unknown; codes: string[] | null }> = await this.dataSource.query(
      `SELECT s.time_zone, s.report_deadline_day, ${deadlineDayHistorySql('s')} AS deadline_days, ${deadlineExtensionsSql('s')} AS extensions,
              (SELECT array_agg(b.code ORDER BY b.code) FROM subbagian b WHERE b.satker_code = s.code AND b.active) AS codes
         FROM satker s WHERE s.code = $1`,
      [satker],
    );
    if (rows.length === 0) throw new DomainError('SATKER.NOT_FOUND', `Satker ${echoedInput(satker)} tidak ditemukan.`, 'not_found', { satker: echoedInput(satker) });
    const row = rows[0];
    return {
      code: satker,
      timeZone: row.time_zone,
      reportDeadlineDay: Number(row.report_deadline_day),
      deadlineDays: toDeadlineDayHistory(row.deadline_days),
      extensions: toDeadlineExtensions(row.extensions),
      subbagianCodes: row.codes ?? [],
    };
  }

  /** Every subbagian the office has had, active or not (a closed one keeps its past reports). */
  async allSubbagianCodes(satker: string): Promise<string[]> {
    const rows: Array<{ code: string }> = await this.dataSource.query(`SELECT code FROM subbagian WHERE satker_code = $1 ORDER BY code`, [satker]);
    return rows.map((row) => row.code);
  }

  /**
   * The user's other accounts. By e-mail: every account, active or not, in any office, that has or ever had
   * the user's address as a person (`person_email`: trimmed, any case, a `+tag` aside), so that
   * changing the submitter's address after a submission does not hide whose it was. An address
   * names one person (one active account has it), so a review counts them as the reviewer
   * (PK.OWN_SUBMISSION, REALISASI.OWN_SUBMISSION). The reviewer's own former addresses are not
   * looked at: an account given another address is someone else, as one with another address is.
   * By name: every account of the user's office under the same full name as a person reads it
   * (`personNameKey`: any case, spacing and punctuation, titles after a comma, accents, invisible
   * characters and letters of other scripts that imitate Latin ones aside: "Agus Setiawan, S.Kom"
   * and "AGUS SETIAWAN" are "agus setiawan") — one person holding two posts as Plt often has no
   * second address to share. Compared here rather than in SQL: the office's accounts are few, and
   * the fold (NFKC, look-alike letters) is the domain's, the one rule for every name.
   */
  async otherAccountsOf(userId: string): Promise<ReviewerAccounts> {
    const [byEmail, office]: [Array<{ id: string }>, Array<{ id: string; full_name: string; me: boolean }>] = await Promise.all([
      this.dataSource.query(
        `SELECT DISTINCT other.user_id::text AS id
           FROM users me
           JOIN (SELECT user_id, email FROM user_email_history
                 UNION ALL SELECT id, email FROM users WHERE email IS NOT NULL) other
             ON person_email(other.email) = person_email(me.email) AND other.user_id <> me.id
          WHERE me.id = $1 AND me.email IS NOT NULL
          ORDER BY 1`,
        [userId],
      ),
      this.dataSource.query(
        `SELECT other.id::text AS id, other.full_name, other.id = me.id AS me
           FROM users me JOIN users other ON other.satker_code = me.satker_code
          WHERE me.id = $1`,
        [userId],
      ),
    ]);
    const mine = personNameKey(office.find((u) => u.me)?.full_name ?? '');
    const sameName = mine === '' ? [] : office.filter((u) => !u.me && personNameKey(u.full_name) === mine).map((u) => u.id).sort();
    return { sameEmail: byEmail.map((r) => r.id), sameName };
  }

  /**
   * The names of the accounts `ids`, whatever their office: a history or a list of one office
   * also names the ADMIN or INSPEKTORAT of an office above who acted on it (a dispensasi granted
   * by the province's ADMIN, a reviu by the Inspektorat). Ids that name no account (the system,
   * seed:demo) are left out: the caller shows the id alone.
   */
  async names(ids: readonly string[]): Promise<Map<string, PersonName>> {
    const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
    if (wanted.length === 0) return new Map();
    const rows: Array<{ id: string; username: string; full_name: string }> = await this.dataSource.query(
      `SELECT id::text AS id, username, full_name FROM users WHERE id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(rows.map((r) => [r.id, { username: r.username, fullName: r.full_name }]));
  }
}
