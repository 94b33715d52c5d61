import type { ApprovedRealisasi } from '@kinerja/domain';
import { jember2024ApprovedReports } from '../fixtures/jember-2024.sample';

/**
 * The Jember reports with one indicator's line changed in the given months (tests only): e.g.
 * K4.1 left blank from August on, with a kendala, makes 7 of 12 Layanan → 58,33% Kurang Berhasil.
 */
export function jemberReportsWith(
  indicatorCode: string,
  change: (month: number) => { value: string | null; kendala?: string; solusi?: string } | undefined,
): ApprovedRealisasi[] {
  return jember2024ApprovedReports().map((report) => ({
    ...report,
    lines: report.lines.map((line) => {
      if (line.indicatorCode !== indicatorCode) return line;
      const c = change(report.month);
      return c === undefined ? line : { ...line, value: c.value, kendala: c.kendala ?? '', solusi: c.solusi ?? '' };
    }),
  }));
}
