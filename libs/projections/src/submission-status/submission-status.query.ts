import { DataSource } from 'typeorm';
import {
  deadlineHasPassed, deadlineOfReport, localDateOf, localDateText, picsOwingByMonth, pkOpenedOn, realisasiStreamId, reportDeadlineAndBasis,
  reportTimeliness, summariseTimeliness,
  type ApprovedPkPics, type DeadlineBasis, type DeadlineDayHistory, type GrantedDeadlineExtension, type LocalDate, type ReportMove,
  type TimelinessSummary,
} from '@kinerja/domain';
import { DEFAULT_REPORT_DEADLINE_DAY, DEFAULT_TIME_ZONE } from '@kinerja/identity/identity.types';
import { deadlineDayHistorySql, toDeadlineDayHistory } from '@kinerja/identity/satker/deadline-day-history';
import { readApprovedPkPicsOf } from '../current-performance/kinerja.read-model';
import { deadlineExtensionsSql, readReportMoves, toDeadlineExtensions } from './deadline-extensions';
import { SUBMISSION_STATUS_TABLE } from './submission-status.projection';
import type { StoredSubmissionStatus } from './submission-status.fold';
import { statusShown, SubmissionStatus } from './overdue.rule';

export interface SubmissionCell {
  subbagian: string;
  month: number;
  status: SubmissionStatus;
  revision: number | null;
  /**
   * The month's deadline as YYYY-MM-DD in the office calendar (`reportDeadline`): its own, by the
   * deadline day of that month, or the catch-up deadline when the year's PK was first approved after it,
   * or the day of a dispensasi granted after it passed while this report was still owed (`deadlineOfReport`).
   */
  deadline: string;
  /** How `deadline` came about: the month's own, the catch-up one, or a dispensasi. */
  deadlineBasis: DeadlineBasis;
  /** The latest submission. */
  submittedAt: string | null;
  approvedAt: string | null;
  returnReason: string | null;
  /** The report's first submission, what its timeliness is judged by (`reportTimeliness`); null while never submitted. */
  firstSubmittedAt: string | null;
  /** First submitted by its deadline day as it stood then (`reportTimeliness`); null while never submitted, or not owed. */
  submittedOnTime: boolean | null;
  /** Whole office-calendar days after that deadline day, 0 when on time; null as `submittedOnTime`. */
  daysLate: number | null;
}

export interface SubmissionMatrix {
  satker: string;
  year: number;
  timeZone: string;
  /** The office's current deadline day; a month's own deadline is its cells' `deadline`. */
  deadlineDay: number;
  /** Whether a PK of the year has been approved (without one, nothing is owed). */
  pkApproved: boolean;
  subbagian: string[];
  cells: SubmissionCell[];
  /** Ketepatan waktu pelaporan of the year's owed reports (`summariseTimeliness`). */
  timeliness: TimelinessSummary;
}

interface StoredRow {
  subbagian: string;
  month: number;
  status: StoredSubmissionStatus;
  revision: number;
  /** ISO 8601 in UTC with milliseconds, as `toISOString` writes it (`STORED_COLUMNS`). */
  first_submitted_at: string | null;
  submitted_at: string | null;
  approved_at: string | null;
  return_reason: string | null;
}

/** A timestamp as `Date.toISOString` writes it, made by PostgreSQL (no Date parsed and printed again per cell). */
const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;

/** The stored columns of a cell; a national overview reads some 26,000 of them. */
const STORED_COLUMNS = `subbagian, month, status, revision, ${isoText('first_submitted_at')}, ${isoText('submitted_at')}, ${isoText('approved_at')}, return_reason`;

/**
 * The submission matrix of one office and year: every active subbagian (and any that has a
 * report or owes one) × 12 months. Overdue is decided here, from who owes each month (the PICs of
 * the PK version the month is reported under, `picsOwingByMonth` of `readApprovedPkPicsOf`), the deadline day of each
 * month (`reportDeadline`: the day of the office's history — a change never moves a deadline already
 * passed — or the catch-up deadline of a month that was over when the year's PK was first approved,
 * then a dispensasi granted while the report was still owed: `deadlineOfReport`, from the report's
 * moves, read for the months with a dispensasi only) and `now` (`statusShown`).
 */
export class SubmissionStatusQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** `matrices` of the one office, without its name and parent: one path, so one rule of who owes a month. */
  async matrix(satker: string, year: number, now: Date): Promise<SubmissionMatrix> {
    const [{ name: _name, parentCode: _parentCode, ...matrix }] = await this.matrices([satker], year, now);
    return matrix;
  }


  /**
   * `matrix` of many offices with four queries in all, whatever their number (a national overview),
   * each with the office's name and parent from the same read of `satker`.
   */
  async matrices(satkers: readonly string[], year: number, now: Date): Promise<OfficeSubmissionMatrix[]> {
    if (satkers.length === 0) return [];
    const [offices, stored, active, versions] = await Promise.all([
      this.dataSource.query(
        `SELECT s.code, s.name, s.parent_code, s.time_zone, s.report_deadline_day, ${deadlineDayHistorySql('s')} AS deadline_days,
                ${deadlineExtensionsSql('s')} AS extensions
           FROM satker s WHERE s.code = ANY($1::text[])`, [satkers],
      ) as Promise<Array<{
        code: string; name: string; parent_code: string | null; time_zone: string; report_deadline_day: number; deadline_days: unknown; extensions: unknown;
      }>>,
      this.dataSource.query(
        `SELECT satker, ${STORED_COLUMNS} FROM ${SUBMISSION_STATUS_TABLE} WHERE satker = ANY($1::text[]) AND year = $2`, [satkers, year],
      ) as Promise<Array<StoredRow & { satker: string }>>,
      this.dataSource.query(`SELECT satker_code, code FROM subbagian WHERE satker_code = ANY($1::text[]) AND active ORDER BY code`, [satkers]) as Promise<Array<{ satker_code: string; code: string }>>,
      readApprovedPkPicsOf(this.dataSource, satkers, year),
    ]);
    const officeOf = new Map(offices.map((o) => [o.code, o]));
    const storedOf = byOffice(stored, (r) => r.satker);
    const activeOf = byOffice(active, (a) => a.satker_code);
    const inputs = satkers.map((satker): MatrixInput => {
      const office = officeOf.get(satker);
      return {
        satker, year, now, moves: new Map(),
        timeZone: office?.time_zone ?? DEFAULT_TIME_ZONE,
        deadlineDay: Number(office?.report_deadline_day ?? DEFAULT_REPORT_DEADLINE_DAY),
        deadlineDays: toDeadlineDayHistory(office?.deadline_days ?? null),
        extensions: toDeadlineExtensions(office?.extensions ?? null),
        stored: storedOf.get(satker) ?? [],
        active: (activeOf.get(satker) ?? []).map((a) => a.code),
        versions: versions.get(satker) ?? [],
      };
    });
    // One more query, only when some office has a dispensasi this year.
    const granted = inputs.filter((i) => streamsWithDispensasi(i).length > 0);
    const moves = await readReportMoves(
      (sql, params) => this.dataSource.query(sql, params), granted.map((i) => i.satker), granted.flatMap(streamsWithDispensasi),
    );
    return inputs.map((input) => {
      const office = officeOf.get(input.satker);
      const matrix = buildMatrix({ ...input, moves });
      return { ...matrix, name: office?.name ?? input.satker, parentCode: office?.parent_code ?? null };
    });
  }
}

/** A matrix of `matrices`, with the office's name and parent. */
export interface OfficeSubmissionMatrix extends SubmissionMatrix {
  name: string;
  parentCode: string | null;
}

/** Rows by their office, each list in the order read. */
function byOffice<T>(rows: readonly T[], officeOf: (row: T) => string): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const office = officeOf(row);
    const list = grouped.get(office);
    if (list) list.push(row);
    else grouped.set(office, [row]);
  }
  return grouped;
}

interface MatrixInput {
  satker: string;
  year: number;
  now: Date;
  timeZone: string;
  /** The current day: for the months of an office with no recorded history. */
  deadlineDay: number;
  deadlineDays: DeadlineDayHistory;
  /** The office's dispensasi (`deadlineOfReport`). */
  extensions: readonly GrantedDeadlineExtension[];
  /** The moves of the reports of the months with a dispensasi, by stream (`streamsWithDispensasi`). */
  moves: ReadonlyMap<string, readonly ReportMove[]>;
  stored: readonly StoredRow[];
  /** The office's active subbagian, by code. */
  active: readonly string[];
  /** The year's approved PK versions by their PICs (who owes each month). */
  versions: readonly ApprovedPkPics[];
}

/** The rows of the matrix: every active subbagian, any with a report or owing one. */
function subbagianOf({ active, stored }: MatrixInput, owingByMonth: ReadonlyArray<ReadonlySet<string>>): string[] {
  return [...new Set([...active, ...stored.map((s) => s.subbagian), ...owingByMonth.flatMap((s) => [...s])])].sort();
}

const owingOf = ({ versions, year, timeZone }: MatrixInput) => picsOwingByMonth(versions, year, timeZone).map((subs) => new Set(subs));

/** The report streams whose moves decide a deadline: every row's report of each month with a dispensasi. */
function streamsWithDispensasi(input: MatrixInput): string[] {
  const months = [...new Set(input.extensions.filter((e) => e.year === input.year).map((e) => e.month))];
  if (months.length === 0) return [];
  const names = subbagianOf(input, owingOf(input));
  return months.flatMap((month) => names.map((subbagian) => realisasiStreamId(input.satker, input.year, month, subbagian)));
}

/** The matrix from what was read: every active subbagian, any with a report or owing one, × 12 months. */
function buildMatrix(input: MatrixInput): SubmissionMatrix {
  const { satker, year, now, timeZone, deadlineDay, deadlineDays, extensions, stored, versions, moves } = input;
  const owingByMonth = owingOf(input);
  const names = subbagianOf(input, owingByMonth);
  const byCell = new Map(stored.map((s) => [`${s.subbagian}|${Number(s.month)}`, s]));
  const today = localDateOf(now.toISOString(), timeZone);
  const opened = pkOpenedOn(versions, timeZone);
  const monthly = Array.from({ length: 12 }, (_, i) => reportDeadlineAndBasis(deadlineDays, year, i + 1, opened, deadlineDay));
  const ofReport = (subbagian: string, month: number): { deadline: LocalDate; basis: DeadlineBasis } => {
    const { deadline, catchUp } = monthly[month - 1];
    return deadlineOfReport(deadline, catchUp, extensions, year, month, moves.get(realisasiStreamId(satker, year, month, subbagian)) ?? []);
  };
  const cells: SubmissionCell[] = [];
  const counted: Array<{ owed: boolean; submittedOnTime: boolean | null; deadlinePassed: boolean }> = [];
  for (const subbagian of names) {
    for (let month = 1; month <= 12; month++) {
      const row = byCell.get(`${subbagian}|${month}`) ?? null;
      const { deadline: d, basis } = ofReport(subbagian, month);
      const owed = owingByMonth[month - 1].has(subbagian);
      const { deadline: own, catchUp } = monthly[month - 1];
      const timeliness = reportTimeliness(own, catchUp, extensions, year, month, row?.first_submitted_at ?? null, owed, timeZone);
      counted.push({ owed, submittedOnTime: timeliness.submittedOnTime, deadlinePassed: deadlineHasPassed(d, today) });
      cells.push({
        subbagian, month,
        status: statusShown(row && { status: row.status, approvedOnce: row.approved_at !== null }, { deadline: d, owed }, today),
        revision: row?.revision ?? null,
        deadline: localDateText(d), deadlineBasis: basis,
        submittedAt: row?.submitted_at ?? null, approvedAt: row?.approved_at ?? null, returnReason: row?.return_reason ?? null,
        ...timeliness,
      });
    }
  }
  return { satker, year, timeZone, deadlineDay, pkApproved: versions.length > 0, subbagian: names, cells, timeliness: summariseTimeliness(counted) };
}
