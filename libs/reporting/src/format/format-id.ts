import { Decimal } from 'decimal.js';
import { formatNumberId, INDONESIAN_MONTHS, withIndonesianSeparators } from '@kinerja/domain';

/**
 * Indonesian display formats, one place: thousands with ".", decimals with "," ("1.234,5"),
 * capaian always with two decimals ("100,00%"), dates "17 Januari 2025", rupiah "Rp 1.234.567".
 * Figures, dates and moments are the domain's (the audit trail writes them too), named here as well.
 */
export { formatDateId, formatDateTimeId, formatNumberId, formatPercentId } from '@kinerja/domain';

export const MONTHS_ID = INDONESIAN_MONTHS;

/** Figure (or range "7–8") with its unit: "12 Layanan", "7–8 Orang"; null → "-". */
export function formatQuantityId(value: string | null, unit: string): string {
  if (value === null) return '-';
  const figure = value.split('–').map((v) => formatNumberId(v.trim())).join('–');
  return `${figure} ${unit}`.trim();
}

/**
 * Rupiah with `places` decimals: "Rp 1.234.567" (whole rupiah, rounded half-up) or "Rp 1.234.567,50";
 * null → "tidak tersedia". Figures printed together take their places from `rupiahPlaces`.
 */
export function formatRupiah(value: string | null, places: RupiahPlaces = 0): string {
  if (value === null) return 'tidak tersedia';
  return `Rp ${withIndonesianSeparators(new Decimal(value).toFixed(places, Decimal.ROUND_HALF_UP))}`;
}

export type RupiahPlaces = 0 | 2;

/**
 * Running text with every "Rp" glued to the figure after it by a no-break space, so that no line of
 * a justified paragraph ends with "Rp" and starts the next with its amount. Applied where a renderer
 * sets paragraphs and list items; the model's texts keep ordinary spaces.
 */
export function keepRupiahWithFigure(text: string): string {
  return text.replace(/\bRp (?=[\d-])/g, 'Rp\u00a0');
}

/**
 * The decimals a set of rupiah figures printed together needs so that the printed rows add up to
 * the printed total: whole rupiah when none has sen, else every figure with its sen (amounts are
 * stored with at most two decimals, so nothing is rounded then). Rounding each row on its own
 * would not add up: 3 × 1.500.000,50 prints 3 × "Rp 1.500.001" beside "Rp 4.500.002".
 */
export function rupiahPlaces(values: readonly (string | null)[]): RupiahPlaces {
  return values.some((v) => v !== null && !new Decimal(v).isInteger()) ? 2 : 0;
}

const ONES = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

/** Indonesian number words for counts in running text: 24 → "dua puluh empat". */
export function terbilang(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`terbilang needs a whole number >= 0, got ${n}`);
  if (n === 0) return 'nol';
  return spell(n).trim();
}

function spell(n: number): string {
  if (n < 12) return ONES[n];
  if (n < 20) return `${spell(n - 10)} belas`;
  if (n < 100) return `${spell(Math.floor(n / 10))} puluh ${spell(n % 10)}`.trim();
  if (n < 200) return `seratus ${spell(n - 100)}`.trim();
  if (n < 1000) return `${spell(Math.floor(n / 100))} ratus ${spell(n % 100)}`.trim();
  if (n < 2000) return `seribu ${spell(n - 1000)}`.trim();
  if (n < 1_000_000) return `${spell(Math.floor(n / 1000))} ribu ${spell(n % 1000)}`.trim();
  return `${spell(Math.floor(n / 1_000_000))} juta ${spell(n % 1_000_000)}`.trim();
}

/** "24 (dua puluh empat)", the way official documents write counts. */
export function countWithWords(n: number): string {
  return `${n} (${terbilang(n)})`;
}
