// Builders for the planner's specs: an office, a local instant, a report fact.
import { localInstant, OfficeTimeZone } from './office-time';
import type { OfficeReminderSettings, PlannedExtension, ReportFact } from './reminder-plan.types';

export function office(overrides: Partial<OfficeReminderSettings> = {}): OfficeReminderSettings {
  return { satker: 'kpu-jember', name: 'KPU Kabupaten Jember', timeZone: 'Asia/Jakarta', deadlineDay: 5, ...overrides };
}

/** `at('2025-02-01 08:00', 'Asia/Makassar')`: an instant given as the office's wall clock. */
export function at(local: string, zone: OfficeTimeZone = 'Asia/Jakarta'): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`bad local time ${local}`);
  const base = localInstant({ year: +m[1], month: +m[2], day: +m[3] }, +m[4], zone);
  return new Date(base.getTime() + +m[5] * 60_000);
}

export function report(overrides: Partial<ReportFact> = {}): ReportFact {
  return {
    year: 2025,
    month: 1,
    subbagian: 'KUL',
    subbagianName: 'Keuangan, Umum dan Logistik',
    status: 'NOT_STARTED',
    blankIndicators: [{ code: 'K1.1', name: 'Laporan Keuangan' }],
    submittedAt: null,
    returnedAt: null,
    returnReason: null,
    moves: [],
    ...overrides,
  };
}

/** A dispensasi of `year`-`month` until `until` (YYYY-MM-DD), granted at `grantedAt` (default: the day before `until`, long after the month's deadline). */
export function extension(year: number, month: number, until: string, overrides: Partial<PlannedExtension> = {}): PlannedExtension {
  const [y, m, d] = until.split('-').map(Number);
  return {
    year, month, until: { year: y, month: m, day: d },
    grantedAt: at(`${until} 00:00`).toISOString(),
    previousDeadline: { year: month === 12 ? year + 1 : year, month: (month % 12) + 1, day: 5 },
    reason: 'Gangguan jaringan di kantor', grantedByRole: 'SEKRETARIS', grantedByName: 'Siti Aminah',
    ...overrides,
  };
}
