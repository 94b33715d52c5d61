import { Dec } from '../shared/decimal';
import type { Aggregation } from '../perjanjian-kinerja/pk-structure.types';

/**
 * The year's (or to-date) figure from monthly figures in month order. Blank months are not
 * passed in: they are ignored, never counted as 0. Null when no month has a figure.
 * The result is exact (an AVERAGE may not end: 4/3): compute with it, show it with `shownAggregate`.
 */
export function aggregate(values: readonly Dec[], aggregation: Aggregation): Dec | null {
  if (values.length === 0) return null;
  switch (aggregation) {
    case 'SUM':
      return values.reduce((sum, v) => sum.plus(v), new Dec(0));
    case 'LAST':
      return values[values.length - 1];
    case 'AVERAGE':
      return values.reduce((sum, v) => sum.plus(v), new Dec(0)).dividedBy(values.length);
    case 'MAX':
      return Dec.max(...values);
    default: {
      const _exhaustive: never = aggregation;
      return _exhaustive;
    }
  }
}

/** Places an aggregate is shown with at least (the same two places as capaian). */
export const SHOWN_AGGREGATE_MIN_PLACES = 2;

/**
 * An aggregate as it is shown and returned (realisasi, target to date): rounded once, at the edge;
 * computation (capaian) always uses the exact value.
 *
 * Rule: P = the most decimal places among the figures aggregated (as numbers: "1.50" has one), and
 * at least two. An exact value with at most P places is shown exactly, as people type it ("12",
 * "7.5", "1.75"): every SUM, LAST and MAX, and an AVERAGE that ends there. Any other (an AVERAGE
 * that does not end, 4/3, or ends further, 9/8 = 1.125) is rounded half up to P places, like
 * capaian ("1.33", "1.13"). Figures typed with more than two places keep theirs:
 * (0.125 + 0.125 + 0.126) ÷ 3 shows "0.125", not "0.13". Like every figure but capaian, the text
 * has no trailing zeros (0.10333… shows "0.1"), so the API and the LKj (formatNumberId) agree.
 */
export function shownAggregate(exact: Dec, figures: readonly Dec[]): string {
  const places = Math.max(SHOWN_AGGREGATE_MIN_PLACES, ...figures.map((f) => f.decimalPlaces()));
  return exact.toDecimalPlaces(places, Dec.ROUND_HALF_UP).toFixed();
}
