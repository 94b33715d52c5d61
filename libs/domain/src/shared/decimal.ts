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

/** Parses a decimal string or refuses with `code`, naming the field in Indonesian. */
export function parseDecimal(value: unknown, code: string, field: string): Dec {
  if (!isNonNegativeDecimal(value)) {
    throw new DomainError(
      code,
      `${field} harus berupa angka desimal tidak negatif dengan paling banyak ${MAX_INTEGER_DIGITS} angka sebelum titik dan ` +
        `${MAX_DECIMAL_PLACES} angka di belakang titik, tanpa tanda, spasi atau nol di depan, mis. "12" atau "7.5" (diterima: ${JSON.stringify(value)}).`,
      'validation',
      { field, value, maxIntegerDigits: MAX_INTEGER_DIGITS, maxDecimalPlaces: MAX_DECIMAL_PLACES },
    );
  }
  return new Dec(value);
}

/** Canonical text of a decimal: no trailing zeros, no exponent ("12.50" → "12.5"). */
export function decimalText(value: Dec): string {
  return value.toFixed();
}

/** Rounded once, at the edge, to two places (ROUND_HALF_UP): "33.33", "100.00". */
export function toTwoPlaces(value: Dec): string {
  return value.toFixed(2, Dec.ROUND_HALF_UP);
}
