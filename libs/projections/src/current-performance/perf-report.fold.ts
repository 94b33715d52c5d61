import type { BudgetLine, RealisasiEvent } from '@kinerja/domain';
import type { ReportKey } from '../shared/report-key';

/** What Tabel 3.2 needs of a line: the indicator and its value (null = not reported). */
export interface LineValue {
  indicatorCode: string;
  value: string | null;
}

export interface ApprovedSnapshot {
  revision: number;
  pkVersion: number;
  lines: LineValue[];
  budget: BudgetLine[];
  approvedAt: string;
  approvedBy: string;
}

/** A monthly report as the current-performance model keeps it (`rm_perf_reports`). */
export interface PerfReport extends ReportKey {
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED';
  revision: number;
  pk_version: number;
  lines: LineValue[];
  budget: BudgetLine[];
  /** The figures approved last: they count while a correction is drafted. */
  approved: ApprovedSnapshot | null;
}

/** One indicator × month cell (`rm_perf_values`). */
export interface PerfValue {
  satker: string;
  year: number;
  indicator_code: string;
  month: number;
  subbagian: string;
  in_working: boolean;
  value: string | null;
  status: PerfReport['status'];
  revision: number;
  approved: boolean;
  approved_value: string | null;
  approved_revision: number | null;
}

/** Mirrors the realisasi aggregate's evolve for what the read model keeps. Pure. */
export function evolvePerfReport(report: PerfReport | null, key: ReportKey, event: RealisasiEvent): PerfReport {
  if (event.type === 'RealisasiDraftSaved') {
    const d = event.data;
    const lines = d.lines.map((l) => ({ indicatorCode: l.indicatorCode, value: l.value }));
    const budget = d.budget.map((b) => ({ kegiatanCode: b.kegiatanCode, spent: b.spent }));
    if (report === null) return { ...key, status: 'DRAFT', revision: d.revision, pk_version: d.pkVersion, lines, budget, approved: null };
    return { ...report, revision: d.revision, pk_version: d.pkVersion, lines, budget };
  }
  if (report === null) throw new Error(`current-performance: ${event.type} before the report was opened`);
  switch (event.type) {
    case 'RealisasiSubmitted':
      return { ...report, status: 'SUBMITTED', revision: event.data.revision };
    case 'RealisasiReturned':
      return { ...report, status: 'RETURNED', revision: event.data.revision };
    case 'RealisasiApproved': {
      const d = event.data;
      const approved = {
        revision: d.revision, pkVersion: report.pk_version, lines: report.lines, budget: report.budget,
        approvedAt: d.approvedAt, approvedBy: d.approvedBy,
      };
      return { ...report, status: 'APPROVED', revision: d.revision, approved };
    }
    case 'RealisasiRevisionOpened':
      return { ...report, status: 'DRAFT', revision: event.data.revision };
    case 'RealisasiRevisionWithdrawn': {
      // The working figures are the approved ones again.
      const d = event.data;
      const lines = d.lines.map((l) => ({ indicatorCode: l.indicatorCode, value: l.value }));
      const budget = d.budget.map((b) => ({ kegiatanCode: b.kegiatanCode, spent: b.spent }));
      return { ...report, status: 'APPROVED', revision: d.approvedRevision, pk_version: d.pkVersion, lines, budget };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** The indicator cells of a report: every indicator in its working lines or its approved ones. */
export function valuesOf(report: PerfReport): PerfValue[] {
  const working = new Map(report.lines.map((l) => [l.indicatorCode, l.value]));
  const approved = new Map((report.approved?.lines ?? []).map((l) => [l.indicatorCode, l.value]));
  const codes = [...new Set([...working.keys(), ...approved.keys()])].sort();
  return codes.map((code) => ({
    satker: report.satker, year: report.year, indicator_code: code, month: report.month, subbagian: report.subbagian,
    in_working: working.has(code), value: working.get(code) ?? null, status: report.status, revision: report.revision,
    approved: approved.has(code), approved_value: approved.get(code) ?? null,
    approved_revision: approved.has(code) ? (report.approved as ApprovedSnapshot).revision : null,
  }));
}
