/**
 * The largest value of a PostgreSQL `integer` (versions, years, offsets …). A whole number in a
 * request has this as its upper bound at most: class-validator's `@IsInt()` takes 1e20 and 1e300,
 * which a query cannot bind ("out of range", a 500).
 */
export const INT4_MAX = 2_147_483_647;
