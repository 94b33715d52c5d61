import type { DataSource } from 'typeorm';
import {
  approvedVersionsOf, budgetOverPaguWarnings, pkInForce, subbagianReportingInYear, valueFarAboveTargetWarnings, type BudgetWarning, type DecimalString,
  type PkState, type RealisasiContent, type RealisasiKey, type ValueWarning,
} from '@kinerja/domain';
import { PERF_REPORTS_TABLE } from '@kinerja/projections/current-performance/current-performance.tables';

/**
 * Rupiah spent on each kegiatan in the year's other reports of the office, from their approved
 * figures (what Tabel 3.2 counts: the same subbagian, every PIC of a version in force this year),
 * leaving out the report `key` itself, whose working content is the one being checked. One query on
 * the current-performance read model, summed exactly (NUMERIC). The model is filled asynchronously,
 * so a report approved a moment ago may not be counted yet: acceptable for a warning, which is
 * computed again each time the report is read.
 */
export async function approvedSpentInOtherReports(dataSource: DataSource, key: RealisasiKey, subbagian: readonly string[]): Promise<Map<string, DecimalString>> {
  if (subbagian.length === 0) return new Map();
  const rows: Array<{ kegiatan_code: string; spent: string }> = await dataSource.query(
    `SELECT line->>'kegiatanCode' AS kegiatan_code, SUM((line->>'spent')::numeric)::text AS spent
       FROM ${PERF_REPORTS_TABLE} r, jsonb_array_elements(r.approved->'budget') AS line
      WHERE r.satker = $1 AND r.year = $2 AND r.approved IS NOT NULL AND r.subbagian = ANY($3::text[])
        AND NOT (r.month = $4 AND r.subbagian = $5)
      GROUP BY 1`,
    [key.satker, key.year, [...subbagian], key.month, key.subbagian],
  );
  return new Map(rows.map((r) => [r.kegiatan_code, r.spent]));
}

/** What a report's figures may have wrong, said but not refused: its budget beyond a pagu, a figure far above its target. */
export type ReportWarning = BudgetWarning | ValueWarning;

/**
 * The report view's `warnings`: its figures checked against the targets of the PK version it is
 * written under (`pkVersion`: a month's figure more than ten times the year's target), then its
 * budget lines (`budgetWarningsOf`).
 */
export async function reportWarningsOf(
  dataSource: DataSource, key: RealisasiKey, pk: PkState, report: { content: RealisasiContent; pkVersion: number },
): Promise<ReportWarning[]> {
  const version = approvedVersionsOf(pk).find((v) => v.version === report.pkVersion) ?? null;
  const values = valueFarAboveTargetWarnings({ year: key.year, month: key.month, pk: version, lines: report.content.lines });
  return [...values, ...(await budgetWarningsOf(dataSource, key, pk, report.content))];
}

/**
 * The budget lines checked against the pagu of the PK in force (the
 * version Tabel 3.2 reads, so an approved PK Perubahan with a revised pagu clears the warning) and
 * the other reports' approved spending. No query when the report has no budget line with a pagu.
 */
async function budgetWarningsOf(dataSource: DataSource, key: RealisasiKey, pk: PkState, content: RealisasiContent): Promise<BudgetWarning[]> {
  const inForce = pkInForce(pk);
  if (inForce === null) return [];
  const withPagu = new Set(inForce.structure.programs.flatMap((p) => p.kegiatan).filter((k) => k.pagu !== null).map((k) => k.code));
  if (!content.budget.some((b) => withPagu.has(b.kegiatanCode))) return [];
  const spentInOtherReports = await approvedSpentInOtherReports(dataSource, key, subbagianReportingInYear(pk));
  return budgetOverPaguWarnings({ year: key.year, month: key.month, pk: inForce, budget: content.budget, spentInOtherReports });
}
