import type { Polarity } from '@kinerja/domain';
import type { RupiahPlaces } from '../format/format-id';
import type { OfficeProfileInput, PendingReportStatus } from './lkj-input.types';
import type { OfficeLevel } from './office-identity';

/**
 * The Laporan Kinerja as data: everything both renderers print, already computed and formatted
 * where a figure is shown. JSON-serialisable; decimal figures are strings ("100.00" for capaian,
 * two decimals, rounded half-up once from the exact value).
 */

export const LKJ_MODEL_SCHEMA = 2;

export interface LkjStaffTable {
  educationLevels: string[];
  rows: { no: number; status: string; counts: number[]; total: number }[];
  totals: number[];
  grandTotal: number;
}

/** The office as given, with its level decided and its staff table totalled. */
export type LkjOffice = Omit<OfficeProfileInput, 'staff' | 'level'> & { level: OfficeLevel; staff: LkjStaffTable };

/** The indicator's polarity, as the PK states it. */
export type LkjPolarity = Polarity;

export interface LkjPkIndikator {
  code: string;
  name: string;
  sasaranRkt: string;
  /** "12" or a range "7–8", as the PK states it. */
  targetText: string;
  unit: string;
  polarity: LkjPolarity;
}

export interface LkjPkKegiatan {
  no: number;
  code: string;
  name: string;
  indikator: LkjPkIndikator[];
}

export interface LkjPkProgram {
  code: string;
  name: string;
  kegiatan: LkjPkKegiatan[];
}

export interface LkjRatingRow {
  no: number;
  /** "> 100", "> 90 s.d. 100", "≤ 50" */
  range: string;
  category: string;
  meaning: string;
}

/** One line of Tabel 3.2. */
export interface LkjMeasurementRow {
  programCode: string;
  kegiatanCode: string;
  indicatorCode: string;
  indicatorName: string;
  /** "12" or a range "7–8", as the PK states it. */
  targetText: string;
  /** null when nothing was reported. */
  realisasi: string | null;
  unit: string;
  /** Lower is better: Tabel 3.2 marks the indicator, as the capaian is not R / T (3.1 says how). */
  polarity: LkjPolarity;
  /** "100.00"; null when it cannot be computed (no realisasi, or a target of 0). */
  capaian: string | null;
  category: string;
}

export interface LkjAverage {
  /** "100.00", or null when no indicator of the group has a capaian. */
  capaian: string | null;
  category: string;
}

export interface LkjMeasurementKegiatan {
  no: number;
  code: string;
  name: string;
  rows: LkjMeasurementRow[];
  average: LkjAverage;
}

export interface LkjMeasurementProgram {
  code: string;
  name: string;
  kegiatan: LkjMeasurementKegiatan[];
  average: LkjAverage;
}

/**
 * How the year's indicators are measured, so that 3.1 describes the formulas Tabel 3.2 used and
 * nothing else: counts of indicators per rule.
 */
export interface LkjMeasurementMethod {
  higherIsBetter: number;
  /** Lower is better, (2T − R) / T × 100 floored at 0 (the default); not those with a single target of 0. */
  inverseDifference: number;
  /** Lower is better, T / R × 100, at most 200; not those with a single target of 0. */
  inverseRatio: number;
  /**
   * Lower is better with a single target of 0: R = 0 gives 100, anything above 0 gives 0 (no
   * division, whatever formula the indicator names), so they are counted here and under no formula.
   */
  zeroTargets: number;
  /** Indicators whose target is a range (min–max). */
  rangeTargets: number;
  /**
   * For figures to date (a draft before December): indicators measured against the plan to date
   * of their rencana aksi, and those without a plan, measured against the annual target. Null for
   * the whole year (or to December), where every target is the annual one.
   * `lowerIsBetterWithoutPlan` (of `withoutPlan`): their capaian to date is no progress towards the
   * target but what is left under it (a ceiling), which may still fall before the year ends.
   */
  toDate: { withPlan: number; withoutPlan: number; lowerIsBetterWithoutPlan: number } | null;
}

export interface LkjPendingReport {
  month: number;
  subbagianCode: string;
  subbagianName: string;
  status: PendingReportStatus;
}

export interface LkjMeasurement {
  /**
   * Null for the whole year; M when the figures run to the end of month M (a draft); 0 for a draft
   * before any month is approved (nothing reported yet: annual targets, no realisasi, no capaian).
   */
  throughMonth: number | null;
  /**
   * A draft to date whose months were reported under a PK version a PK Perubahan has superseded since:
   * the version Tabel 3.2 follows and the one in force (BAB II). Null: Tabel 3.2 follows the PK in force.
   */
  earlierPk: { version: number; inForce: number } | null;
  /**
   * A draft's monthly reports through its period that its figures do not (wholly) hold yet, in month
   * and subbagian order, each with the subbagian's name; empty for a final and for a draft with every
   * owed report approved.
   */
  pendingReports: LkjPendingReport[];
  method: LkjMeasurementMethod;
  ratingScaleVersion: string;
  programs: LkjMeasurementProgram[];
  office: LkjAverage;
  indicatorCount: number;
  /** Indicators per category, in the order of the rating scale (zero counts included). */
  categoryCounts: { category: string; count: number }[];
}

export interface LkjIndicatorAnalysis {
  indicatorCode: string;
  indicatorName: string;
  activity: string;
  /** "12" or a range "7–8", as the PK states it. */
  targetText: string;
  realisasi: string | null;
  unit: string;
  /** Lower is better: its analysis says so beside its target and realisasi. */
  polarity: LkjPolarity;
  /**
   * Measured to date (a draft through January–November) against the annual target, having no
   * rencana aksi: for a lower-is-better indicator such a capaian is provisional, it may still fall.
   */
  annualTargetToDate: boolean;
  capaian: string | null;
  capaianPrevYear: string | null;
  category: string;
  /** Why there is no capaian (null when measured): nothing reported yet, or nothing planned yet to date (a draft). */
  note: 'NOT_REPORTED' | 'NO_TARGET_YET' | null;
  /** "naik" / "turun" / "tetap" against last year; null when either year is unknown, or when measured to date against the annual target (`annualTargetToDate`). */
  trend: 'naik' | 'turun' | 'tetap' | null;
  narratives: string[];
  kendala: string[];
  /** The Kasubbag wrote that there was no kendala (`IndicatorNotesInput.kendalaNoneSaid`) and recorded none. */
  kendalaNoneSaid: boolean;
  solusi: string[];
}

export interface LkjKegiatanAnalysis {
  no: number;
  kegiatanCode: string;
  kegiatanName: string;
  items: LkjIndicatorAnalysis[];
}

export interface LkjBudgetRow {
  no: number;
  kegiatanCode: string;
  kegiatanName: string;
  pagu: string | null;
  realisasi: string | null;
  /** Penyerapan anggaran in percent, "95.50"; null when pagu is missing or 0. */
  absorption: string | null;
  /** Average capaian of the kegiatan's indicators. */
  capaian: string | null;
  /** Capaian ÷ penyerapan, "1.05"; null when either is missing or penyerapan is 0. */
  efficiencyIndex: string | null;
  /** "Efisien", "Sebanding", "Kurang efisien" or "tidak tersedia". */
  efficiency: string;
}

export interface LkjBudget {
  rows: LkjBudgetRow[];
  /** Sum of the pagu; null when any kegiatan has none. */
  totalPagu: string | null;
  totalRealisasi: string | null;
  totalAbsorption: string | null;
  /** Decimals of every rupiah figure printed: 2 when any figure has sen, else 0 (see `rupiahPlaces`). */
  rupiahPlaces: RupiahPlaces;
}

export interface LkjApprovalRow {
  no: number;
  at: string;
  actorName: string;
  role: string;
  action: string;
}

export interface LkjIntegrity {
  producedAt: string;
  chainHead: { sequence: string; hash: string } | null;
  digest: { algorithm: string; value: string; eventCount: number } | null;
  /** ISO instant of the next daily signed digest after production (see AuditSnapshotInput). */
  nextDigestAt: string | null;
  /** SHA-256 of the canonical JSON (RFC 8785) of this model with this field left empty. */
  modelDigest: string;
}

export interface LkjModel {
  schema: typeof LKJ_MODEL_SCHEMA;
  year: number;
  version: number;
  draft: boolean;
  office: LkjOffice;
  signing: { place: string | null; date: string; signerRole: string; signerName: string };
  pk: { signedOn: string; version: number; programs: LkjPkProgram[] };
  ratingScale: LkjRatingRow[];
  measurement: LkjMeasurement;
  analyses: LkjKegiatanAnalysis[];
  budget: LkjBudget;
  conclusions: string[];
  /** BAB IV 4.2: the Sekretaris' saran, or when none was given the saran written from the year's data. */
  suggestions: string[];
  suggestionsFrom: 'SEKRETARIS' | 'DATA';
  approvals: LkjApprovalRow[];
  integrity: LkjIntegrity;
}
