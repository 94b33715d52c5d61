import { Dec } from '../shared/decimal';
import type { DecimalString } from '../shared/decimal';
import { formatNumberId } from '../shared/indonesian-number';
import { indonesianMonthYear } from '../shared/indonesian-time';
import { indicatorsOf } from '../perjanjian-kinerja/pk-structure.validate';
import type { PkStructure } from '../perjanjian-kinerja/pk-structure.types';
import type { RealisasiLine } from './realisasi.types';

/** How many times the year's target one month's figure may reach before it is pointed out. */
export const FAR_ABOVE_TARGET_FACTOR = 10;

/**
 * A month's figure so far above its indicator's whole-year target that it is more likely a typo (a
 * zero too many, another unit) than the month's work: said, not refused, as the budget warnings.
 */
export interface ValueWarning {
  code: 'REALISASI.VALUE_FAR_ABOVE_TARGET';
  message: string;
  details: {
    indicatorCode: string;
    indicatorName: string;
    year: number;
    month: number;
    /** The month's figure as typed. */
    value: DecimalString;
    /** The year's target it is compared with: a single target, or a range's upper bound. */
    target: DecimalString;
    unit: string;
    factor: number;
    /** The PK version the report is written under, whose target was read. */
    pkVersion: number;
  };
}

export interface ValueFarAboveTargetInput {
  year: number;
  month: number;
  /** The PK version the report is written under, or null when it is not known (no warning then). */
  pk: { version: number; structure: PkStructure } | null;
  lines: readonly RealisasiLine[];
}

/**
 * The report's lines whose figure is more than `FAR_ABOVE_TARGET_FACTOR` times their indicator's
 * annual target (a range's upper bound), whatever the polarity and aggregation: no single month's
 * figure of an indicator reaches ten years of its target by honest work, and a lower-is-better
 * count that far over its ceiling is as suspect. A blank line, a target of 0 (any figure is "far"
 * above it) and an indicator not in the version are never warned about. Pure, decimal arithmetic.
 */
export function valueFarAboveTargetWarnings(input: ValueFarAboveTargetInput): ValueWarning[] {
  if (input.pk === null) return [];
  const indicators = new Map(indicatorsOf(input.pk.structure).map((e) => [e.indicator.code, e.indicator]));
  const warnings: ValueWarning[] = [];
  for (const line of input.lines) {
    const indicator = indicators.get(line.indicatorCode);
    if (line.value === null || !indicator) continue;
    const target = indicator.target.kind === 'SINGLE' ? indicator.target.value : indicator.target.max;
    if (new Dec(target).isZero() || !new Dec(line.value).greaterThan(new Dec(target).times(FAR_ABOVE_TARGET_FACTOR))) continue;
    const unit = indicator.unit === '' ? '' : ` ${indicator.unit}`;
    const yearTarget = indicator.target.kind === 'SINGLE' ? 'target setahunnya' : 'batas atas target setahunnya';
    warnings.push({
      code: 'REALISASI.VALUE_FAR_ABOVE_TARGET',
      message:
        `Realisasi indikator ${indicator.code} (${indicator.name}) bulan ${indonesianMonthYear(input.year, input.month)} sebesar ` +
        `${formatNumberId(line.value)}${unit}, lebih dari sepuluh kali ${yearTarget} (${formatNumberId(target)}${unit}): periksa kembali ` +
        'angka, mungkin ada nol berlebih atau satuan yang berbeda. Bila angka itu memang benar, jelaskan pada uraian.',
      details: {
        indicatorCode: indicator.code, indicatorName: indicator.name, year: input.year, month: input.month,
        value: line.value, target, unit: indicator.unit, factor: FAR_ABOVE_TARGET_FACTOR, pkVersion: input.pk.version,
      },
    });
  }
  return warnings;
}
