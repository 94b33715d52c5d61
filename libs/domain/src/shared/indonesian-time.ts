/**
 * Indonesian names for months and office time zones, and dates and moments in words, for the
 * messages the domain writes. The domain is the lowest layer (reporting, jobs and projections
 * import it), so these live here and the layers above can import them without a cycle.
 */
export const INDONESIAN_MONTHS = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;

/** "Desember 2026"; a month outside 1–12 as "bulan 13 2026" rather than "undefined". */
export function indonesianMonthYear(year: number, month: number): string {
  return `${INDONESIAN_MONTHS[month - 1] ?? `bulan ${month}`} ${year}`;
}

/** Indonesia's legal zones as offices write them; any other IANA zone is named as it is. */
const OFFICE_ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** "WIB", "WITA", "WIT" for the office's IANA zone; the zone itself when it is none of them. */
export function officeZoneAbbreviation(timeZone: string): string {
  return OFFICE_ZONE_ABBREVIATIONS[timeZone] ?? timeZone;
}

/** "2025-01-17" (or an ISO instant's date part, as written) → "17 Januari 2025". */
export function formatDateId(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) throw new Error(`Not an ISO date: ${isoDate}`);
  const [, y, m, d] = match;
  return `${Number(d)} ${INDONESIAN_MONTHS[Number(m) - 1]} ${y}`;
}

/**
 * An instant as the office's clock showed it: "17 Januari 2025 08.30 WIB". Every moment inside
 * Indonesian text is written so: a UTC instant late in the day would name the previous date.
 */
export function formatDateTimeId(isoInstant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(isoInstant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const zone = officeZoneAbbreviation(timeZone);
  return `${formatDateId(`${get('year')}-${get('month')}-${get('day')}`)} ${get('hour')}.${get('minute')} ${zone}`;
}
