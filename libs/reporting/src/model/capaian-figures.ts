import { Dec, type RatingRow } from '@kinerja/domain';

/**
 * Category printed when the read model has none. A draft, the year still open: nothing reported yet,
 * or nothing planned yet, "belum". A final closes the year: what no approved report holds was not
 * reported and will not be, "tidak" (as the Ikhtisar says it, `ConclusionFacts.draft`).
 */
export function notMeasured(draft: boolean): string {
  return draft ? 'Belum dapat diukur' : 'Tidak dapat diukur';
}

/** Range label of a rating row, as printed in Tabel 3.1: "> 90 s.d. 100", "> 100", "≤ 50". */
export function rangeLabel(row: RatingRow): string {
  const show = (v: string) => new Dec(v).toFixed().replace('.', ',');
  const min = row.minExclusive === null ? null : show(row.minExclusive);
  const max = row.maxInclusive === null ? null : show(row.maxInclusive);
  if (min !== null && max !== null) return `> ${min} s.d. ${max}`;
  if (min !== null) return `> ${min}`;
  if (max !== null) return `≤ ${max}`;
  return 'semua nilai';
}

/** This year's shown capaian against last year's, both two places. */
export function trendOf(current: string | null, previous: string | null): 'naik' | 'turun' | 'tetap' | null {
  if (current === null || previous === null) return null;
  const cmp = new Dec(current).comparedTo(new Dec(previous).toFixed(2, Dec.ROUND_HALF_UP));
  return cmp > 0 ? 'naik' : cmp < 0 ? 'turun' : 'tetap';
}
