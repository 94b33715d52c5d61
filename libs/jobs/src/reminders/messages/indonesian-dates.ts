import { INDONESIAN_MONTHS } from '@kinerja/domain';
import { CalendarDate, localDate, OfficeTimeZone, YearMonth } from '../plan/office-time';

export const BULAN = INDONESIAN_MONTHS;

const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

/** "Januari 2025" */
export function bulanTahun(period: YearMonth): string {
  return `${BULAN[period.month - 1]} ${period.year}`;
}

/** "Rabu, 5 Februari 2025" */
export function tanggal(date: CalendarDate): string {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return `${HARI[day]}, ${date.day} ${BULAN[date.month - 1]} ${date.year}`;
}

/** An instant as the office's local date. */
export function tanggalLokal(instantIso: string, zone: OfficeTimeZone): string {
  return tanggal(localDate(new Date(instantIso), zone));
}
