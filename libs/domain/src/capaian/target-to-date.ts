import { Dec } from '../shared/decimal';
import type { IndicatorTarget, PkIndicator } from '../perjanjian-kinerja/pk-structure.types';
import { aggregate, shownAggregate } from './aggregate';

/** A target as capaian is computed with it: the exact values (a plan's AVERAGE to date may not end). */
export type ExactTarget = { kind: 'SINGLE'; value: Dec } | { kind: 'RANGE'; min: Dec; max: Dec };

export interface AppliedTarget {
  /** What capaian is measured against: never rounded. */
  exact: ExactTarget;
  /** What is shown and returned (`targetApplied`): the PK's target as typed, or the plan to date per `shownAggregate`. */
  shown: IndicatorTarget;
}

function exactOf(target: IndicatorTarget): ExactTarget {
  return target.kind === 'SINGLE'
    ? { kind: 'SINGLE', value: new Dec(target.value) }
    : { kind: 'RANGE', min: new Dec(target.min), max: new Dec(target.max) };
}

/**
 * The target capaian is measured against. For the year (no month, or month 12) it is the annual
 * target. For month M < 12 with a rencana aksi, it is the indicator's aggregation of the plan's
 * months 1..M (the plan holds per-month values). Without a plan the annual target applies to date
 * too: capaian to date then shows progress towards the year's target.
 */
export function appliedTarget(indicator: PkIndicator, month: number | null): AppliedTarget {
  if (month === null || month >= 12 || !indicator.monthlyPlan) return { exact: exactOf(indicator.target), shown: indicator.target };
  const months = indicator.monthlyPlan.slice(0, month).map((v) => new Dec(v));
  const planned = aggregate(months, indicator.aggregation) as Dec;
  return { exact: { kind: 'SINGLE', value: planned }, shown: { kind: 'SINGLE', value: shownAggregate(planned, months) } };
}

/** The target to date as shown (`targetApplied` of Tabel 3.2); compute with `appliedTarget(…).exact`. */
export function targetApplied(indicator: PkIndicator, month: number | null): IndicatorTarget {
  return appliedTarget(indicator, month).shown;
}

export function targetText(target: IndicatorTarget): string {
  return target.kind === 'SINGLE' ? target.value : `${target.min}–${target.max}`;
}
