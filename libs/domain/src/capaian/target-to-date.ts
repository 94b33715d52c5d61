import { Dec } from '../shared/decimal';
import type { IndicatorTarget, PkIndicator } from '../perjanjian-kinerja/pk-structure.types';
import { aggregate } from './aggregate';

/**
 * The target capaian is measured against. For the year (no month, or month 12) it is the annual
 * target. For month M < 12 with a rencana aksi, it is the indicator's aggregation of the plan's
 * months 1..M (the plan holds per-month values). Without a plan the annual target applies to date
 * too: capaian to date then shows progress towards the year's target.
 */
export function targetApplied(indicator: PkIndicator, month: number | null): IndicatorTarget {
  if (month === null || month >= 12 || !indicator.monthlyPlan) return indicator.target;
  const planned = aggregate(indicator.monthlyPlan.slice(0, month).map((v) => new Dec(v)), indicator.aggregation) as Dec;
  return { kind: 'SINGLE', value: planned.toFixed() };
}

export function targetText(target: IndicatorTarget): string {
  return target.kind === 'SINGLE' ? target.value : `${target.min}–${target.max}`;
}
