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
  const parts = formatterFor(timeZone).formatToParts(instant);
  const pick = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: pick('year'), month: pick('month'), day: pick('day') };
}

/** True once the office's local date is on or after the first day of the month after (year, month). */
export function monthHasEnded(year: number, month: number, today: LocalDate): boolean {
  return today.year * 12 + today.month > year * 12 + month;
}
