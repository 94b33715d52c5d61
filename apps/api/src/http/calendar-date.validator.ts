import { ValidationOptions, registerDecorator } from 'class-validator';

/**
 * A calendar date of an office (`until` of a dispensasi, the `day` of a digest): `YYYY-MM-DD`, a day
 * that exists (not 30 February), year 1900–9999. One rule, so a field gets one message: the format
 * expected when it is written otherwise (`2026-4-20`, a number), that the day does not exist when
 * the format is right.
 */
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const CALENDAR_DATE_MESSAGE = 'harus berupa tanggal berformat YYYY-MM-DD, misalnya 2026-04-20';
export const NO_SUCH_DAY_MESSAGE = 'bukan tanggal yang ada di kalender (format YYYY-MM-DD, misalnya 2026-04-20)';

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = CALENDAR_DATE.exec(value);
  if (m === null) return false;
  const [year, month, day] = [m[1], m[2], m[3]].map(Number);
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Validates a field with {@link isCalendarDate}, with one message saying what is wrong. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: ({ value }) => (typeof value === 'string' && CALENDAR_DATE.test(value) ? NO_SUCH_DAY_MESSAGE : CALENDAR_DATE_MESSAGE),
        ...options,
      },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}
