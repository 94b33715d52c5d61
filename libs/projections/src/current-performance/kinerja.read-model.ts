import { DataSource } from 'typeorm';
import { DEFAULT_TIME_ZONE } from '@kinerja/identity/identity.types';
import {
  computeKinerja, kinerjaNoApprovedPk, pkVersionForKinerja, subbagianReportingIn, type ApprovedPkPics, type ApprovedPkVersion, type ApprovedRealisasi, type KinerjaTable, type PkStructure, type PkVersionInForce, type RatingScale,
} from '@kinerja/domain';
import { checkpointName } from '../runner/projection';
import { PERF_PK_TABLE, PERF_REPORTS_TABLE, PERF_VALUES_TABLE } from './current-performance.tables';
import type { ApprovedSnapshot, PerfValue } from './perf-report.fold';

export interface IndicatorMonthValue {
  indicatorCode: string;
  month: number;
  subbagian: string;
  /** The report's state (DRAFT, SUBMITTED, RETURNED, APPROVED). */
  status: PerfValue['status'];
  revision: number;
  /** The working value (null: blank, or the line was dropped from the working draft). */
  value: string | null;
  /** True when an approved revision has a line for the indicator; `approvedValue` null then means blank. */
  approved: boolean;
  approvedValue: string | null;
  approvedRevision: number | null;
}

const PROJECTION = 'current-performance';

/** The versions of an office's PK that have been in force (approved, or approved and superseded), in version order. */
export async function readApprovedPkVersions(dataSource: DataSource, satker: string, year: number): Promise<ApprovedPkVersion[]> {
  const rows: Array<{ version: number; approved_at: string; structure: PkStructure }> = await dataSource.query(
    `SELECT version, approved_at, structure FROM ${PERF_PK_TABLE}
      WHERE satker = $1 AND year = $2 AND status IN ('APPROVED', 'SUPERSEDED') AND approved_at IS NOT NULL ORDER BY version`,
    [satker, year],
  );
  return rows.map((r) => ({ version: r.version, approvedAt: new Date(r.approved_at).toISOString(), structure: r.structure }));
}

/** `readApprovedPkVersions` of many offices in one query, by office (an office without any: absent). */
export async function readApprovedPkVersionsOf(dataSource: DataSource, satkers: readonly string[], year: number): Promise<Map<string, ApprovedPkVersion[]>> {
  const rows: Array<{ satker: string; version: number; approved_at: string; structure: PkStructure }> = await dataSource.query(
    `SELECT satker, version, approved_at, structure FROM ${PERF_PK_TABLE}
      WHERE satker = ANY($1::text[]) AND year = $2 AND status IN ('APPROVED', 'SUPERSEDED') AND approved_at IS NOT NULL ORDER BY satker, version`,
    [satkers, year],
  );
  const bySatker = new Map<string, ApprovedPkVersion[]>();
  for (const r of rows) {
    const list = bySatker.get(r.satker) ?? bySatker.set(r.satker, []).get(r.satker)!;
    list.push({ version: r.version, approvedAt: new Date(r.approved_at).toISOString(), structure: r.structure });
  }
  return bySatker;
}

/**
 * `readApprovedPkVersionsOf` by each version's PICs (`reportingSubbagian`: every indicator's
 * `picSubbagian`, distinct, sorted) instead of its whole structure: what a reader of every office
 * needs to know who owes which month, without 553 structures of some 8 KB parsed per request.
 */
export async function readApprovedPkPicsOf(dataSource: DataSource, satkers: readonly string[], year: number): Promise<Map<string, ApprovedPkPics[]>> {
  const rows: Array<{ satker: string; version: number; approved_at: string; pics: string[] }> = await dataSource.query(
    `SELECT satker, version, approved_at,
            ARRAY(SELECT DISTINCT pic #>> '{}' FROM jsonb_path_query(structure, '$.programs[*].kegiatan[*].indicators[*].picSubbagian') AS pic) AS pics
       FROM ${PERF_PK_TABLE}
      WHERE satker = ANY($1::text[]) AND year = $2 AND status IN ('APPROVED', 'SUPERSEDED') AND approved_at IS NOT NULL ORDER BY satker, version`,
    [satkers, year],
  );
  const bySatker = new Map<string, ApprovedPkPics[]>();
  for (const r of rows) {
    const list = bySatker.get(r.satker) ?? bySatker.set(r.satker, []).get(r.satker)!;
    list.push({ version: r.version, approvedAt: new Date(r.approved_at).toISOString(), pics: [...r.pics].sort() });
  }
  return bySatker;
}

/**
 * Tabel 3.2 from the current-performance read model: the same `computeKinerja` over the same
 * inputs the workflow loads from the streams (the PK in force and the approved reports of its PIC
 * subbagian, month by month), so the response is identical once the projection has caught up.
 */
export class KinerjaReadModel {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Tabel 3.2 of the year, or to date through `month` against the PK version that month was reported
   * under (`pkVersionForKinerja`); `timeZone` is the office's, whose calendar decides that version.
   */
  async tabel32(satker: string, year: number, month: number | null = null, ratingScale?: RatingScale, timeZone: string = DEFAULT_TIME_ZONE): Promise<KinerjaTable> {
    const versions = await readApprovedPkVersions(this.dataSource, satker, year);
    const chosen = pkVersionForKinerja(versions, year, month, timeZone);
    if (!chosen) {
      throw kinerjaNoApprovedPk(satker, year);
    }
    const pk: PkVersionInForce = { satker, year, version: chosen.version, structure: chosen.structure, approvedAt: chosen.approvedAt };
    return computeKinerja(pk, await this.approvedReports(satker, year, month ?? 12, versions), { month, ratingScale });
  }

  /**
   * As `tabel32`, or null while an event of this office is still to be applied (the caller then
   * reads the streams): a client that has just approved a report never sees the table without it.
   */
  async tabel32IfCaughtUp(satker: string, year: number, month: number | null = null, ratingScale?: RatingScale, timeZone: string = DEFAULT_TIME_ZONE): Promise<KinerjaTable | null> {
    if (!(await this.caughtUp(satker))) return null;
    return this.tabel32(satker, year, month, ratingScale, timeZone);
  }

  /** True when every committed event of the office is in the read model. */
  async caughtUp(satker: string): Promise<boolean> {
    const checkpoints: Array<{ tx: string; position: string }> = await this.dataSource.query(
      `SELECT transaction_id::text AS tx, global_position::text AS position FROM event_subscriber_checkpoints WHERE subscriber = $1`,
      [checkpointName(PROJECTION)],
    );
    const { tx, position } = checkpoints[0] ?? { tx: '0', position: '0' };
    const rows: Array<{ behind: boolean }> = await this.dataSource.query(
      `SELECT EXISTS (
         SELECT 1 FROM events e WHERE (e.transaction_id, e.global_position) > ($2::xid8, $3::bigint) AND e.tenant_id = $1
       ) AS behind`,
      [satker, tx, position],
    );
    return rows[0].behind === false;
  }

  /** Office × year × indicator × month: the working value and status, and the approved value (null = blank). */
  async monthlyValues(satker: string, year: number): Promise<IndicatorMonthValue[]> {
    const rows: Array<Omit<PerfValue, 'satker' | 'year'>> = await this.dataSource.query(
      `SELECT indicator_code, month, subbagian, in_working, value, status, revision, approved, approved_value, approved_revision
         FROM ${PERF_VALUES_TABLE} WHERE satker = $1 AND year = $2 ORDER BY indicator_code, month, subbagian`,
      [satker, year],
    );
    return rows.map((r) => ({
      indicatorCode: r.indicator_code, month: Number(r.month), subbagian: r.subbagian, status: r.status, revision: r.revision,
      value: r.in_working ? r.value : null, approved: r.approved, approvedValue: r.approved_value, approvedRevision: r.approved_revision,
    }));
  }

  private async approvedReports(satker: string, year: number, lastMonth: number, versions: readonly ApprovedPkVersion[]): Promise<ApprovedRealisasi[]> {
    // Every subbagian that was PIC under a version in force this year, as `subbagianReportingInYear` of the stream.
    const subbagian = subbagianReportingIn(versions);
    const rows: Array<{ month: number; subbagian: string; approved: ApprovedSnapshot }> = await this.dataSource.query(
      `SELECT month, subbagian, approved FROM ${PERF_REPORTS_TABLE}
        WHERE satker = $1 AND year = $2 AND month <= $3 AND subbagian = ANY($4) AND approved IS NOT NULL`,
      [satker, year, lastMonth, subbagian],
    );
    const bySlot = new Map(rows.map((r) => [`${Number(r.month)}|${r.subbagian}`, r]));
    const reports: ApprovedRealisasi[] = [];
    for (let month = 1; month <= lastMonth; month++) {
      for (const code of subbagian) {
        const row = bySlot.get(`${month}|${code}`);
        if (!row) continue;
        const a = row.approved;
        reports.push({
          month, subbagian: code, revision: a.revision, pkVersion: a.pkVersion, budget: a.budget,
          lines: a.lines.map((l) => ({ indicatorCode: l.indicatorCode, value: l.value, narrative: '', kendala: '', solusi: '', evidence: [] })),
        });
      }
    }
    return reports;
  }
}
