import { computeKinerja, DEFAULT_RATING_SCALE, type ApprovedRealisasi, type LowerIsBetterFormula, type PkIndicator } from '@kinerja/domain';
import { jember2024ApprovedReports, jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { JEMBER_2024_PK } from '../fixtures/jember-2024.pk';
import { buildLkjModel } from '../model/build-lkj-model';
import { LkjInput } from '../model/lkj-input.types';
import { LkjModel } from '../model/lkj-model.types';

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

/**
 * The Jember input with a pagu on the kegiatan `pagu` names and, every month, the spending
 * `spentPerMonth` names, reported by the kegiatan's PIC subbagian (tests only). Pass `reports` to
 * start from other figures, `indicators` to change some indicators of the PK.
 */
export function jemberInputWithBudget(
  pagu: Record<string, string>,
  spentPerMonth: Record<string, string>,
  overrides: Partial<LkjInput> = {},
  reports: ApprovedRealisasi[] = jember2024ApprovedReports(),
  indicators: Record<string, Partial<PkIndicator>> = {},
): LkjInput {
  const picOf = new Map(JEMBER_2024_PK.programs.flatMap((p) => p.kegiatan.map((k) => [k.code, k.pic] as const)));
  const withSpending = reports.map((r) => ({
    ...r,
    budget: Object.entries(spentPerMonth)
      .filter(([code]) => picOf.get(code) === r.subbagian)
      .map(([kegiatanCode, spent]) => ({ kegiatanCode, spent })),
  }));
  const input = jember2024LkjInput(overrides, withSpending);
  const pk = structuredClone(input.pk);
  for (const k of pk.structure.programs.flatMap((p) => p.kegiatan)) {
    if (pagu[k.code] !== undefined) k.pagu = pagu[k.code];
    for (const i of k.indicators) Object.assign(i, indicators[i.code] ?? {});
  }
  return { ...input, pk, kinerja: computeKinerja(pk, withSpending, { ratingScale: DEFAULT_RATING_SCALE }) };
}

/**
 * The Jember LKj with some indicators changed (and Tabel 3.2 recomputed with them); a draft through
 * `month` when given, from `reports`, with `overrides` of the input (tests only).
 */
export function jemberLkjWith(
  change: Record<string, Partial<PkIndicator>>,
  month: number | null = null,
  reports: ApprovedRealisasi[] = jember2024ApprovedReports(),
  overrides: Partial<LkjInput> = {},
): LkjModel {
  const input = jember2024LkjInput({ draft: month !== null, ...overrides });
  const pk = structuredClone(input.pk);
  for (const i of pk.structure.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators))) Object.assign(i, change[i.code] ?? {});
  const kinerja = computeKinerja(pk, reports.filter((r) => month === null || r.month <= month), { month, ratingScale: DEFAULT_RATING_SCALE });
  return buildLkjModel({ ...input, pk, kinerja });
}

/** A change making an indicator lower-is-better with this formula (tests only). */
export const lowerIsBetter = (f: LowerIsBetterFormula): Partial<PkIndicator> => ({ polarity: 'LOWER_IS_BETTER', lowerIsBetterFormula: f });
