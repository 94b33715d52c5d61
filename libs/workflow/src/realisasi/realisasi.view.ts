import { DomainError, indonesianMonthYear, type RealisasiContent, type RealisasiKey, type RealisasiState, type RealisasiStatus } from '@kinerja/domain';
import type { ReportWarning } from './get-realisasi/report-warnings';

/** `GET realisasi/{year}/{month}/{subbagian}`: the report as it stands, with its version for If-Match. */
export interface RealisasiView {
  satker: string;
  year: number;
  month: number;
  subbagian: string;
  version: number;
  status: RealisasiStatus;
  /** 0 for the first report, +1 for each correction after approval. */
  revision: number;
  pkVersion: number;
  content: RealisasiContent;
  submittedBy: string | null;
  submittedAt: string | null;
  lastReturn: { by: string; reason: string; at: string } | null;
  /** The figures approved last; they count even while a correction is drafted. */
  approved: (RealisasiContent & { revision: number; pkVersion: number; approvedBy: string; approvedAt: string }) | null;
  revisionReason: string | null;
  /**
   * What the report's figures may have wrong, said but not refused (empty when nothing): a month's
   * figure more than ten times its indicator's annual target (`valueFarAboveTargetWarnings`), budget
   * lines beyond their kegiatan's annual pagu (`budgetOverPaguWarnings`). Computed on each read, so
   * the Kasubbag sees them on save and the Sekretaris when reviewing.
   */
  warnings: ReportWarning[];
}

/** A report nobody has written yet: "Laporan realisasi PDI bulan Oktober 2026 belum diisi." */
export function realisasiNotFound(key: RealisasiKey): DomainError {
  return new DomainError('REALISASI.NOT_FOUND', `Laporan realisasi ${key.subbagian} bulan ${indonesianMonthYear(key.year, key.month)} belum diisi.`, 'not_found', { ...key });
}

/**
 * Why a report cannot be found: a subbagian the office never had (404 SUBBAGIAN.NOT_FOUND, naming
 * the codes it has, so a typo is not read as "not filled in yet"), or a report not written yet
 * (`realisasiNotFound`). `codes`: every subbagian of the office, closed ones too.
 */
export function reportNotFound(key: RealisasiKey, codes: readonly string[]): DomainError {
  if (codes.includes(key.subbagian)) return realisasiNotFound(key);
  const known = codes.length > 0 ? `Subbagian satker ini: ${codes.join(', ')}.` : 'Satker ini belum memiliki subbagian.';
  return new DomainError(
    'SUBBAGIAN.NOT_FOUND',
    `Subbagian "${key.subbagian}" tidak ada pada satker ${key.satker}, jadi tidak ada laporan realisasinya. ${known} Periksa kode subbagian pada alamat.`,
    'not_found',
    { ...key, subbagianCodes: [...codes] },
  );
}

export function toRealisasiView(state: RealisasiState, key: RealisasiKey, version: number, warnings: RealisasiView['warnings']): RealisasiView {
  if (state.status === 'EMPTY') {
    throw realisasiNotFound(key);
  }
  const approved = state.approved === null ? null : {
    lines: state.approved.lines, budget: state.approved.budget, revision: state.approved.revision,
    pkVersion: state.approved.pkVersion, approvedBy: state.approved.approvedBy, approvedAt: state.approved.approvedAt,
  };
  return {
    satker: key.satker, year: key.year, month: key.month, subbagian: key.subbagian, version,
    status: state.status, revision: state.revision, pkVersion: state.pkVersion, content: state.content,
    submittedBy: state.submittedBy, submittedAt: state.submittedAt, lastReturn: state.lastReturn, approved,
    revisionReason: state.revisionReason, warnings,
  };
}
