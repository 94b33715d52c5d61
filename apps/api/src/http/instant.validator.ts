import { ValidationOptions, registerDecorator } from 'class-validator';

/**
 * A moment in time as a query parameter (`asOf`, `from`, `to`): a calendar date and a time of day
 * with its offset, `2025-01-10T08:00:00+07:00` or `…Z`. A bare date is refused rather than read as
 * UTC midnight (07.00 WIB, 08.00 WITA, 09.00 WIT: never what an office means), and so are the
 * ISO 8601 forms JavaScript cannot read (week and ordinal dates), impossible dates (30 February),
 * leap seconds and years outside 1900–9999, so that a moment that passes validation is always a
 * valid `Date` for the query behind it.
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  if (m === null) return false;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[7] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59)) return false;
  return Number.isFinite(Date.parse(value));
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const INSTANT_MESSAGE =
  'harus berupa waktu ISO 8601 lengkap dengan zona waktunya, misalnya 2025-01-10T08:00:00+07:00 atau 2025-01-10T01:00:00Z';

/** Validates a query field with {@link isInstant}. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: INSTANT_MESSAGE, ...options },
      validator: { validate: (value: unknown) => isInstant(value) },
    });
}
