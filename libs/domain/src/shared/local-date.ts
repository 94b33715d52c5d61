import { DomainError } from './domain-error';

export interface LocalDate {
  year: number;
  month: number;
  day: number;
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
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  } catch {
    throw new DomainError('SATKER.INVALID_TIMEZONE', `Zona waktu kantor tidak dikenal: ${timeZone}.`, 'validation');
  }
  const pick = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: pick('year'), month: pick('month'), day: pick('day') };
}

/** True once the office's local date is on or after the first day of the month after (year, month). */
export function monthHasEnded(year: number, month: number, today: LocalDate): boolean {
  return today.year * 12 + today.month > year * 12 + month;
}
