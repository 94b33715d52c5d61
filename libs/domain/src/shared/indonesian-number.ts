import { Dec } from './decimal';

/**
 * Figures as the LKj prints them: thousands with ".", decimals with "," ("1.234,5"), capaian with
 * two decimals ("100,00%"). Here, below reporting and the projections, so that the audit trail
 * writes a figure as the report it concerns does.
 */

function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "-1234.50" → "-1.234,50": a fixed-point figure with Indonesian separators, places kept. */
export function withIndonesianSeparators(fixed: string): string {
  const negative = fixed.startsWith('-');
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const body = groupThousands(int) + (frac !== undefined ? `,${frac}` : '');
  return negative ? `-${body}` : body;
}

/** A typed figure as people wrote it, without trailing zeros: "12", "0,5", "1.250". */
export function formatNumberId(value: string): string {
  return withIndonesianSeparators(new Dec(value).toFixed());
}

/** "100.00" → "100,00%"; null → "-". */
export function formatPercentId(value: string | null): string {
  if (value === null) return '-';
  return `${withIndonesianSeparators(new Dec(value).toFixed(2, Dec.ROUND_HALF_UP))}%`;
}
