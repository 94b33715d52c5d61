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

/**
 * Several months, oldest first, in few words: "Januari–November 2026", "Januari–Februari, April–November
 * 2026", "Januari–Desember 2026 dan Januari 2027"; one month as `bulanTahun`.
 */
export function daftarBulan(periods: readonly YearMonth[]): string {
  const years: Array<{ year: number; runs: number[][] }> = [];
  for (const { year, month } of periods) {
    const last = years[years.length - 1];
    if (!last || last.year !== year) years.push({ year, runs: [[month]] });
    else {
      const run = last.runs[last.runs.length - 1];
      if (run[run.length - 1] === month - 1) run.push(month);
      else last.runs.push([month]);
    }
  }
  return years
    .map(({ year, runs }) => {
      const words = runs.map((run) => (run.length === 1 ? BULAN[run[0] - 1] : `${BULAN[run[0] - 1]}–${BULAN[run[run.length - 1] - 1]}`));
      return `${words.join(', ')} ${year}`;
    })
    .join(' dan ');
}
