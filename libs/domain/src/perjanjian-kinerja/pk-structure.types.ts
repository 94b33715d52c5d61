import type { DecimalString } from '../shared/decimal';

/** An annual target: one value ("12"), or a range such as 7–8 (both ends inclusive). */
export type IndicatorTarget =
  | { kind: 'SINGLE'; value: DecimalString }
  | { kind: 'RANGE'; min: DecimalString; max: DecimalString };

export type Polarity = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

/**
 * Capaian where lower is better:
 * - `INVERSE_DIFFERENCE`: (2T − R) / T × 100, floored at 0 (the default);
 * - `INVERSE_RATIO`: T / R × 100.
 */
export type LowerIsBetterFormula = 'INVERSE_DIFFERENCE' | 'INVERSE_RATIO';

/** How the monthly figures of a year make the annual realisasi. Blank months are ignored, never 0. */
export type Aggregation = 'SUM' | 'LAST' | 'AVERAGE' | 'MAX';

export interface PkIndicator {
  /** Unique within the PK, e.g. "K4.1". */
  code: string;
  name: string;
  /** "Layanan", "Laporan", "NSPK", "Orang", "unit", "%" … as the office writes it. */
  unit: string;
  target: IndicatorTarget;
  polarity: Polarity;
  /** Only meaningful when polarity is LOWER_IS_BETTER. */
  lowerIsBetterFormula: LowerIsBetterFormula;
  aggregation: Aggregation;
  /**
   * Rencana aksi: exactly 12 values, January first. Each value is the plan FOR THAT MONTH (not a
   * running total); the target to date for month M is the indicator's own aggregation of months
   * 1..M of the plan (SUM → cumulative, LAST → month M, AVERAGE, MAX). Over the 12 months that
   * aggregation must give the annual target (or fall inside a range target). Null: no plan.
   */
  monthlyPlan: DecimalString[] | null;
  evidenceRequired: boolean;
  /** Code of the subbagian that reports this indicator (e.g. "KUL"). */
  picSubbagian: string;
  /** The RKT sasaran the indicator serves; informative only. */
  sasaran?: string | null;
}

export interface PkKegiatan {
  code: string;
  name: string;
  /**
   * Budget ceiling in rupiah (the DIPA pagu), more than 0; null while not (yet) given: this kegiatan's
   * absorption, and the office's while any kegiatan has none, are then null ("not available").
   */
  pagu: DecimalString | null;
  indicators: PkIndicator[];
}

export interface PkProgram {
  code: string;
  name: string;
  kegiatan: PkKegiatan[];
}

export interface PkStructure {
  programs: PkProgram[];
}

/** The approved version that is in force: what realisasi reports and capaian are measured against. */
export interface PkVersionInForce {
  satker: string;
  year: number;
  version: number;
  structure: PkStructure;
  approvedAt: string;
}
