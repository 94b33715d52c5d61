import { DomainError } from '../shared/domain-error';
import { Dec, parseDecimal } from '../shared/decimal';
import { INDONESIAN_MONTHS } from '../shared/indonesian-time';
import { aggregate, shownAggregate } from '../capaian/aggregate';
import { targetText } from '../capaian/target-to-date';
import type { Aggregation, IndicatorTarget, PkIndicator } from './pk-structure.types';

/**
 * How the plan is compared with the target, in the Sekretaris's words: the 12 months taken as the
 * indicator takes its realisasi (`aggregate`), which for LAST is December's figure (all 12 are given).
 */
const PLAN_FIGURE: Readonly<Record<Aggregation, { rule: string; figure: string }>> = {
  SUM: { rule: 'jumlah rencana 12 bulan', figure: 'jumlahnya' },
  LAST: { rule: 'rencana bulan Desember (nilai terakhir)', figure: 'rencana Desember' },
  AVERAGE: { rule: 'rata-rata rencana 12 bulan', figure: 'rata-ratanya' },
  MAX: { rule: 'rencana tertinggi di antara 12 bulan', figure: 'yang tertinggi' },
};

/** Twelve times a target ("144", "84–96"): the sum of 12 months that averages to it. */
function twelveTimes(t: IndicatorTarget): IndicatorTarget {
  const times12 = (v: string) => new Dec(v).times(12).toFixed();
  return t.kind === 'SINGLE' ? { kind: 'SINGLE', value: times12(t.value) } : { kind: 'RANGE', min: times12(t.min), max: times12(t.max) };
}

/**
 * What a plan that misses its target should be and is. An average is given with the sum of the 12
 * months it stands for too (12 × the target), since the sum is what the months are typed to make and
 * is exact where the average (4/3) is not. details.planValue is the figure compared with the target
 * (`aggregated`, as shown), details.planTotal the sum of the 12 months whatever the aggregation.
 */
function planMismatch(ind: PkIndicator, plan: readonly Dec[], aggregated: Dec): DomainError {
  const { rule, figure } = PLAN_FIGURE[ind.aggregation];
  const planValue = shownAggregate(aggregated, plan);
  const sum = (aggregate(plan, 'SUM') as Dec).toFixed();
  const reach = ind.target.kind === 'SINGLE' ? `sama dengan target tahunan ${targetText(ind.target)}` : `berada dalam rentang target tahunan ${targetText(ind.target)}`;
  const average = ind.aggregation === 'AVERAGE';
  const should = average ? `${reach}, yaitu jumlah 12 bulan ${targetText(twelveTimes(ind.target))}` : reach;
  const is = average ? `${planValue} (jumlah ${sum})` : planValue;
  return new DomainError(
    'PK.PLAN_MISMATCH',
    `Rencana aksi indikator ${ind.code} tidak sesuai dengan target tahunannya: agregasinya ${ind.aggregation}, sehingga ${rule} harus ${should}, `
      + `sedangkan ${figure} sekarang ${is}. Ubah rencana bulanannya, atau targetnya bila targetnya yang keliru.`,
    'validation',
    { indicator: ind.code, aggregation: ind.aggregation, target: ind.target, planValue, planTotal: sum },
  );
}

/** The 12 monthly plan values, aggregated like the indicator, must give its annual target. */
export function validatePlan(ind: PkIndicator): void {
  if (ind.monthlyPlan === null || ind.monthlyPlan === undefined) return;
  const raw = ind.monthlyPlan;
  if (!Array.isArray(raw) || raw.length !== 12) {
    throw new DomainError('PK.INVALID_PLAN', `Rencana aksi indikator ${ind.code} harus berisi 12 angka bulanan (Januari–Desember).`, 'validation', { indicator: ind.code });
  }
  const plan = raw.map((value, i) => parseDecimal(value, 'PK.INVALID_PLAN', `Rencana aksi indikator ${ind.code} bulan ${INDONESIAN_MONTHS[i]}`));
  const total = aggregate(plan, ind.aggregation) as Dec;
  const t = ind.target;
  const fits = t.kind === 'SINGLE'
    ? total.equals(t.value)
    : total.greaterThanOrEqualTo(t.min) && total.lessThanOrEqualTo(t.max);
  if (!fits) throw planMismatch(ind, plan, total);
}
