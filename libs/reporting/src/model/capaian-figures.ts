import { Decimal } from 'decimal.js';
import { Polarity, RatingScaleRowInput } from './lkj-input.types';

/** Shown when a figure cannot be rated: no realisasi yet, or a target of 0. */
export const NOT_MEASURED = 'Belum dapat diukur';

/**
 * Capaian when the domain did not pass one: realisasi ÷ target × 100 where higher is better,
 * target ÷ realisasi × 100 where lower is better. A zero divisor gives null (stated rule: the
 * indicator is reported as "Belum dapat diukur" rather than divided by zero).
 */
export function computeCapaian(target: string, realisasi: string | null, polarity: Polarity): Decimal | null {
  if (realisasi === null) return null;
  const t = new Decimal(target);
  const r = new Decimal(realisasi);
  if (polarity === 'HIGHER_IS_BETTER') return t.isZero() ? null : r.div(t).times(100);
  if (r.isZero()) return t.isZero() ? new Decimal(100) : null;
  return t.div(r).times(100);
}

/** The one rounding of a percentage: two decimals, half-up, dot as separator ("100.00"). */
export function toFixed2(value: Decimal | null): string | null {
  return value === null ? null : value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export function average(values: (Decimal | null)[]): Decimal | null {
  const known = values.filter((v): v is Decimal => v !== null);
  if (known.length === 0) return null;
  return known.reduce((sum, v) => sum.plus(v), new Decimal(0)).div(known.length);
}

/** Category of an exact capaian; bounds are min-exclusive/max-inclusive so none falls between rows. */
export function categorize(value: Decimal | null, scale: RatingScaleRowInput[]): string {
  if (value === null) return NOT_MEASURED;
  const row = scale.find(
    (r) =>
      (r.minExclusive === null || value.greaterThan(r.minExclusive)) &&
      (r.maxInclusive === null || value.lessThanOrEqualTo(r.maxInclusive)),
  );
  return row ? row.category : NOT_MEASURED;
}

/** Range label of a rating row, as printed in Tabel 3.1. */
export function rangeLabel(row: RatingScaleRowInput): string {
  const min = row.minExclusive === null ? null : new Decimal(row.minExclusive).toFixed().replace('.', ',');
  const max = row.maxInclusive === null ? null : new Decimal(row.maxInclusive).toFixed().replace('.', ',');
  if (min !== null && max !== null) return `> ${min} s.d. ${max}`;
  if (min !== null) return `> ${min}`;
  if (max !== null) return `≤ ${max}`;
  return 'semua nilai';
}

export function trendOf(current: Decimal | null, previous: string | null): 'naik' | 'turun' | 'tetap' | null {
  if (current === null || previous === null) return null;
  const cmp = current.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).comparedTo(new Decimal(previous).toDecimalPlaces(2));
  return cmp > 0 ? 'naik' : cmp < 0 ? 'turun' : 'tetap';
}
