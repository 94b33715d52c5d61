import DecimalJs from 'decimal.js';
import { DomainError } from './domain-error';

/**
 * One Decimal constructor for every figure: a private clone, so no other library's global
 * configuration can change how Kinerja rounds. ROUND_HALF_UP is what people expect on paper.
 */
export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** A decimal as people type it: digits, an optional fraction, no sign, no exponent. */
export type DecimalString = string;

/** The largest figure a field holds: 18 digits before the point, 6 after (NUMERIC in the read models). */
export const MAX_INTEGER_DIGITS = 18;
export const MAX_DECIMAL_PLACES = 6;
const NON_NEGATIVE_DECIMAL = new RegExp(`^(0|[1-9]\\d{0,${MAX_INTEGER_DIGITS - 1}})(\\.\\d{1,${MAX_DECIMAL_PLACES}})?$`);

export function isNonNegativeDecimal(value: unknown): value is DecimalString {
  return typeof value === 'string' && NON_NEGATIVE_DECIMAL.test(value);
}

/** Rupiah: whole rupiah and sen, at most two places (pagu, realisasi anggaran). */
export const RUPIAH_DECIMAL_PLACES = 2;

/**
 * Parses a decimal string or refuses with `code`, naming the field in Indonesian and the places the
 * field takes (`maxDecimalPlaces`: 6 for figures, RUPIAH_DECIMAL_PLACES for money), so that a
 * refused rupiah amount is never told it may have six.
 */
export function parseDecimal(value: unknown, code: string, field: string, maxDecimalPlaces: number = MAX_DECIMAL_PLACES): Dec {
  const parsed = isNonNegativeDecimal(value) ? new Dec(value) : null;
  if (parsed === null || parsed.decimalPlaces() > maxDecimalPlaces) {
    const example = maxDecimalPlaces === RUPIAH_DECIMAL_PLACES ? '"1500000" atau "1500000.50"' : '"12" atau "7.5"';
    // "1,5" is how a decimal is written in Indonesian: say what to type instead.
    const comma = typeof value === 'string' && /^\d+,\d+$/.test(value.trim()) ? `gunakan titik sebagai pemisah desimal, mis. ${value.trim().replace(',', '.')}; ` : '';
    throw new DomainError(
      code,
      `${field} harus berupa angka desimal tidak negatif dengan paling banyak ${MAX_INTEGER_DIGITS} angka sebelum titik dan ` +
        `${maxDecimalPlaces} angka di belakang titik, tanpa tanda, spasi, pemisah ribuan atau nol di depan: ${comma}mis. ${example} ` +
        `(nilai yang dikirim: ${JSON.stringify(value)}).`,
      'validation',
      { field, value, maxIntegerDigits: MAX_INTEGER_DIGITS, maxDecimalPlaces },
    );
  }
  return parsed;
}

/** Canonical text of a decimal: no trailing zeros, no exponent ("12.50" → "12.5"). */
export function decimalText(value: Dec): string {
  return value.toFixed();
}

/** Rounded once, at the edge, to two places (ROUND_HALF_UP): "33.33", "100.00". */
export function toTwoPlaces(value: Dec): string {
  return value.toFixed(2, Dec.ROUND_HALF_UP);
}
