import type { Aggregation, IndicatorTarget, Polarity } from '../perjanjian-kinerja/pk-structure.types';
import type { CapaianNote } from './capaian.rules';

/**
 * Tabel 3.2 as JSON: what `GET /api/v1/satker/{satker}/kinerja/{year}` returns. Every figure is
 * a decimal string ("12", "100.00"); capaian and absorption have exactly two places; an aggregate
 * (`realisasi`, a plan's `targetApplied`) is exact when it ends within P places (P = the most places
 * of the monthly figures, at least 2), else rounded once, half up, to P places (`shownAggregate`);
 * capaian is always computed from the exact values. Null means "not available" (see `note`).
 * Keep this shape stable: outside tools depend on it.
 */
export interface KinerjaIndicatorRow {
  code: string;
  name: string;
  unit: string;
  /** The annual target of the PK. */
  target: IndicatorTarget;
  /** The annual target as people write it: "12", "7–8". */
  targetText: string;
  /**
   * The target capaian was measured against: the annual one, or the plan to date with `month`
   * (shown per `shownAggregate`: an AVERAGE plan's 4/3 is "1.33"; capaian used the exact 4/3).
   */
  targetApplied: IndicatorTarget;
  polarity: Polarity;
  aggregation: Aggregation;
  picSubbagian: string;
  /**
   * The aggregated realisasi (year or to date) of the approved reports; null when none reported.
   * Shown per `shownAggregate`: SUM/LAST/MAX as typed ("12", "7.5"), an AVERAGE of 1, 1, 2 as "1.33".
   */
  realisasi: string | null;
  /** Months (1–12) whose approved report has a value for this indicator. */
  reportedMonths: number[];
  capaian: string | null;
  category: string | null;
  note: CapaianNote | null;
}

export interface KinerjaAverage {
  /** Average of the shown capaian of the measured indicators, rounded once; null if none measured. */
  capaianAverage: string | null;
  category: string | null;
  measuredCount: number;
  indicatorCount: number;
}

export interface KinerjaKegiatanRow extends KinerjaAverage {
  /** Running number across the table (1, 2, … as the "No" column of Tabel 3.2). */
  no: number;
  code: string;
  name: string;
  pagu: string | null;
  /** Budget spent (sum of the approved monthly figures of every subbagian). */
  budgetSpent: string;
  /** budgetSpent ÷ pagu × 100, two places; null without a pagu. */
  budgetAbsorption: string | null;
  indicators: KinerjaIndicatorRow[];
}

export interface KinerjaProgramRow extends KinerjaAverage {
  code: string;
  name: string;
  kegiatan: KinerjaKegiatanRow[];
}

export interface KinerjaTable {
  satker: string;
  year: number;
  pkVersion: number;
  /** Null for the year; M for "to date" (months 1..M). */
  month: number | null;
  ratingScaleVersion: string;
  programs: KinerjaProgramRow[];
  office: KinerjaAverage & {
    /** Total pagu; null when any kegiatan has none. */
    pagu: string | null;
    budgetSpent: string;
    budgetAbsorption: string | null;
  };
}
