// How decimal figures appear in the OpenAPI document: always JSON strings, never numbers, so that
// no client reads "0.1" or a 19-digit rupiah amount through a binary float.

/** A figure as Kinerja returns it: digits, an optional fraction, no sign, no exponent ("12", "7.5", "1500000.5"). */
export const DECIMAL_TEXT = { type: String, format: 'decimal', pattern: '^\\d+(\\.\\d+)?$' } as const;

/** Exactly two places, rounded half up once ("100.00", "66.67"): capaian, their averages, budget absorption. */
export const TWO_PLACES_TEXT = { type: String, format: 'decimal', pattern: '^\\d+\\.\\d{2}$' } as const;

/**
 * A figure as a request may carry it (`isNonNegativeDecimal` of the domain): up to 18 digits without
 * a leading zero, at most 6 places. The DTO only checks that it is text; the domain refuses any other
 * with 422 and a code of its own, which this pattern documents.
 */
export const DECIMAL_INPUT = { type: String, format: 'decimal', pattern: '^(0|[1-9]\\d{0,17})(\\.\\d{1,6})?$' } as const;

/** Rupiah as a request may carry it: as {@link DECIMAL_INPUT}, at most 2 places. */
export const RUPIAH_INPUT = { type: String, format: 'decimal', pattern: '^(0|[1-9]\\d{0,17})(\\.\\d{1,2})?$' } as const;
