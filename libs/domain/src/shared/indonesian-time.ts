/**
 * Indonesian names for months and office time zones, for the messages the domain writes. The
 * domain is the lowest layer (reporting, jobs and projections import it), so these live here and
 * the layers above can import them without a cycle.
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
