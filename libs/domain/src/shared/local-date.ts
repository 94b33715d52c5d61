import { DomainError } from './domain-error';

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

// Building an Intl.DateTimeFormat costs far more than using one (it loads the zone's rules), and
// every monthly-report command asks for a date: one formatter per zone, kept for the process.
// A formatter is immutable, so sharing it keeps this function pure.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      throw new DomainError('SATKER.INVALID_TIMEZONE', `Zona waktu kantor tidak dikenal: ${timeZone}.`, 'validation');
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The calendar date of an instant in an office's IANA time zone. Intl is pure computation here:
 * the instant is given, nothing is read from the machine's clock or zone.
 */
export function localDateOf(instantIso: string, timeZone: string): LocalDate {
  const instant = new Date(instantIso);
  if (Number.isNaN(instant.getTime())) {
    throw new DomainError('COMMAND.INVALID_TIME', `Waktu perintah tidak valid: ${instantIso}.`, 'validation');
  }
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastDates.get(timeZone);
  if (last !== undefined && last.minute === minute) return { ...last.date };
  const parts = formatterFor(timeZone).formatToParts(instant);
  const pick = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const date = { year: pick('year'), month: pick('month'), day: pick('day') };
  if (minute >= WHOLE_MINUTE_OFFSETS_FROM) lastDates.set(timeZone, { minute, date });
  return { ...date };
}

// Commands come in bursts within the same minute, and formatting is most of this function's cost:
// the last answer per zone is kept for its minute. A local date can only change on a whole minute
// when the zone's offset is whole minutes, which every zone's is since 1972 (earlier local mean
// times had seconds, such as Monrovia's −0:44:30); older instants are always formatted.
const WHOLE_MINUTE_OFFSETS_FROM = Date.UTC(1973, 0, 1) / 60_000;
const lastDates = new Map<string, { minute: number; date: LocalDate }>();

/** True once the office's local date is on or after the first day of the month after (year, month). */
export function monthHasEnded(year: number, month: number, today: LocalDate): boolean {
  return today.year * 12 + today.month > year * 12 + month;
}
