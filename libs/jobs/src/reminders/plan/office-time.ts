/**
 * Calendar arithmetic in an office's time zone, pure (no machine clock, no machine zone).
 *
 * Indonesia's three zones have fixed offsets and no daylight saving, so a table is exact and keeps
 * the planner free of Intl's platform data; a zone outside it is refused rather than guessed.
 */
export const ZONE_OFFSET_HOURS = {
  'Asia/Jakarta': 7,
  'Asia/Makassar': 8,
  'Asia/Jayapura': 9,
} as const;

export type OfficeTimeZone = keyof typeof ZONE_OFFSET_HOURS;
export const OFFICE_TIME_ZONES = Object.keys(ZONE_OFFSET_HOURS) as OfficeTimeZone[];

export interface CalendarDate {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
}

export interface YearMonth {
  year: number;
  month: number;
}

function offsetMs(zone: OfficeTimeZone): number {
  const hours = ZONE_OFFSET_HOURS[zone];
  if (hours === undefined) throw new Error(`Unsupported office time zone: ${zone}`);
  return hours * 3_600_000;
}

/** The office's calendar date at an instant. */
export function localDate(instant: Date, zone: OfficeTimeZone): CalendarDate {
  const shifted = new Date(instant.getTime() + offsetMs(zone));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The instant of a local wall-clock time (hour:00) on a local date; days past month end roll over. */
export function localInstant(date: CalendarDate, hour: number, zone: OfficeTimeZone): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day, hour) - offsetMs(zone));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addMonths(period: YearMonth, months: number): YearMonth {
  const index = period.year * 12 + (period.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/**
 * Monday to Friday, and not a national holiday or cuti bersama: `holidays` holds the ISO dates the
 * administrator recorded (`hari_libur`), the caller reading those of the dates it asks about.
 */
export function isWorkingDay(date: CalendarDate, holidays: ReadonlySet<string>): boolean {
  const day = weekday(date);
  return day >= 1 && day <= 5 && !holidays.has(isoDate(date));
}

export function isoDate(date: CalendarDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

export function isoMonth(period: YearMonth): string {
  return `${period.year}-${pad(period.month)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
