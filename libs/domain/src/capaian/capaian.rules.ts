import { Dec } from '../shared/decimal';
import type { IndicatorTarget, LowerIsBetterFormula, Polarity } from '../perjanjian-kinerja/pk-structure.types';
import type { ExactTarget } from './target-to-date';

const HUNDRED = new Dec(100);

/** Why an indicator has no capaian: nothing reported yet, or nothing planned yet (target to date 0). */
export type CapaianNote = 'NOT_REPORTED' | 'NO_TARGET_YET';

export type CapaianResult = { kind: 'MEASURED'; exact: Dec } | { kind: 'NOT_MEASURED'; note: CapaianNote };

export interface CapaianRule {
  polarity: Polarity;
  lowerIsBetterFormula: LowerIsBetterFormula;
}

/**
 * The most a lower-is-better capaian gives: the default formula's value at R = 0 ((2T − 0) / T).
 * The ratio T / R grows without bound as R nears 0 (T 3, R 1: 300; R 0.01: 30,000), so it is
 * capped here: fewer findings can never rate lower than more findings, and R = 0, the best there is,
 * gives the cap under both formulas.
 */
export const LOWER_IS_BETTER_MAX_CAPAIAN = HUNDRED.times(2);

/**
 * Lower is better against a single target T:
 * - T = 0: R = 0 met the target (100), anything above missed it (0): nothing is divided by 0;
 * - INVERSE_DIFFERENCE: (2T − R) / T × 100, floored at 0 (so at most 200, at R = 0);
 * - INVERSE_RATIO: T / R × 100, at most 200 (`LOWER_IS_BETTER_MAX_CAPAIAN`): R ≤ T / 2 gives 200,
 *   R = 0 (nothing to divide by) too, as the default formula gives at R = 0.
 */
function lowerIsBetter(target: Dec, realisasi: Dec, formula: LowerIsBetterFormula): Dec {
  if (target.isZero()) return realisasi.isZero() ? HUNDRED : new Dec(0);
  if (formula === 'INVERSE_DIFFERENCE') return Dec.max(0, target.times(2).minus(realisasi).dividedBy(target).times(HUNDRED));
  if (realisasi.isZero()) return LOWER_IS_BETTER_MAX_CAPAIAN;
  return Dec.min(LOWER_IS_BETTER_MAX_CAPAIAN, target.dividedBy(realisasi).times(HUNDRED));
}

/**
 * Capaian against a single target. Higher is better: R / T × 100. A target of 0 where higher is
 * better is refused in the PK, so here it can only be a target to date with nothing planned yet:
 * that is "not measured" (NO_TARGET_YET), never a division.
 */
function againstSingle(target: Dec, realisasi: Dec, rule: CapaianRule): CapaianResult {
  if (rule.polarity === 'LOWER_IS_BETTER') return { kind: 'MEASURED', exact: lowerIsBetter(target, realisasi, rule.lowerIsBetterFormula) };
  if (target.isZero()) return { kind: 'NOT_MEASURED', note: 'NO_TARGET_YET' };
  return { kind: 'MEASURED', exact: realisasi.dividedBy(target).times(HUNDRED) };
}

/**
 * The exact (unrounded) capaian of a realisasi against a target. Both are exact: pass the exact
 * aggregate and the exact target to date (`appliedTarget(…).exact`), never their shown (rounded) text.
 * Range targets (min–max, both inclusive): a realisasi inside the range is 100; below it is measured
 * against min, above it against max, with the indicator's polarity and formula. So higher is better
 * gives R/min below the range and more than 100 (R/max) above it; lower is better the mirror image.
 */
export function capaianOf(target: IndicatorTarget | ExactTarget, realisasi: Dec | null, rule: CapaianRule): CapaianResult {
  if (realisasi === null) return { kind: 'NOT_MEASURED', note: 'NOT_REPORTED' };
  if (target.kind === 'SINGLE') return againstSingle(new Dec(target.value), realisasi, rule);
  const min = new Dec(target.min);
  const max = new Dec(target.max);
  if (realisasi.lessThan(min)) return againstSingle(min, realisasi, rule);
  if (realisasi.greaterThan(max)) return againstSingle(max, realisasi, rule);
  return { kind: 'MEASURED', exact: HUNDRED };
}

/**
 * Budget absorption = realisasi anggaran ÷ pagu × 100, exact. Without a pagu (or a pagu of 0,
 * which the PK refuses anyway) absorption is not available: null, never a division.
 */
export function absorptionOf(spent: Dec, pagu: Dec | null): Dec | null {
  if (pagu === null || pagu.isZero()) return null;
  return spent.dividedBy(pagu).times(HUNDRED);
}
