import { DomainError } from '../shared/domain-error';
import { Dec, toTwoPlaces } from '../shared/decimal';
import type { PkIndicator, PkKegiatan, PkVersionInForce } from '../perjanjian-kinerja/pk-structure.types';
import type { ApprovedRealisasi } from '../realisasi/realisasi.types';
import { aggregate, shownAggregate } from './aggregate';
import { absorptionOf, capaianOf } from './capaian.rules';
import { DEFAULT_RATING_SCALE, ratingOf, type RatingScale } from './rating-scale';
import { appliedTarget, targetText } from './target-to-date';
import type { KinerjaAverage, KinerjaIndicatorRow, KinerjaKegiatanRow, KinerjaTable } from './kinerja-table.types';

export interface ComputeKinerjaOptions {
  /** 1–12: "to date" through this month. Absent: the year. */
  month?: number | null;
  ratingScale?: RatingScale;
}

interface MonthFigure {
  value: Dec;
  fromPic: boolean;
  pkVersion: number;
  subbagian: string;
}

/** True when `a` is the figure that counts for its month rather than `b` (see `monthlyValues`). */
function takesPrecedence(a: MonthFigure, b: MonthFigure): boolean {
  if (a.fromPic !== b.fromPic) return a.fromPic;
  if (a.pkVersion !== b.pkVersion) return a.pkVersion > b.pkVersion;
  return a.subbagian < b.subbagian;
}

/**
 * The approved value of an indicator per month (1..M), blanks left out. Reports of any subbagian count:
 * after a PK Perubahan moved the indicator to another PIC, the months its former PIC reported and had
 * approved stay in the year. Where two approved reports of one month both give a figure, the current
 * PIC's counts, else the one made under the newer PK version (then the first subbagian code, so that
 * the answer never depends on the order the reports were loaded in).
 */
function monthlyValues(indicator: PkIndicator, reports: readonly ApprovedRealisasi[]): Map<number, Dec> {
  const chosen = new Map<number, MonthFigure>();
  for (const report of reports) {
    const line = report.lines.find((l) => l.indicatorCode === indicator.code);
    if (!line || line.value === null) continue;
    const figure: MonthFigure = {
      value: new Dec(line.value), fromPic: report.subbagian === indicator.picSubbagian, pkVersion: report.pkVersion, subbagian: report.subbagian,
    };
    const held = chosen.get(report.month);
    if (!held || takesPrecedence(figure, held)) chosen.set(report.month, figure);
  }
  return new Map([...chosen].map(([month, figure]) => [month, figure.value]));
}

function indicatorRow(indicator: PkIndicator, reports: readonly ApprovedRealisasi[], month: number | null, scale: RatingScale): KinerjaIndicatorRow {
  const byMonth = monthlyValues(indicator, reports);
  const months = [...byMonth.keys()].sort((a, b) => a - b);
  const figures = months.map((m) => byMonth.get(m) as Dec);
  // Exact aggregate and target for capaian; each is rounded once, only where it is shown (shownAggregate).
  const realisasi = aggregate(figures, indicator.aggregation);
  const applied = appliedTarget(indicator, month);
  const result = capaianOf(applied.exact, realisasi, indicator);
  const capaian = result.kind === 'MEASURED' ? toTwoPlaces(result.exact) : null;
  return {
    code: indicator.code, name: indicator.name, unit: indicator.unit,
    target: indicator.target, targetText: targetText(indicator.target), targetApplied: applied.shown,
    polarity: indicator.polarity, aggregation: indicator.aggregation, picSubbagian: indicator.picSubbagian,
    realisasi: realisasi === null ? null : shownAggregate(realisasi, figures), reportedMonths: months,
    capaian, category: capaian === null ? null : ratingOf(capaian, scale).category,
    note: result.kind === 'NOT_MEASURED' ? result.note : null,
  };
}

/** Average of the shown (two-place) capaian values, rounded once; category on that shown average. */
export function averageOf(rows: readonly { capaian: string | null }[], scale: RatingScale): KinerjaAverage {
  const shown = rows.map((r) => r.capaian).filter((c): c is string => c !== null);
  if (shown.length === 0) return { capaianAverage: null, category: null, measuredCount: 0, indicatorCount: rows.length };
  const average = toTwoPlaces(shown.reduce((sum, c) => sum.plus(c), new Dec(0)).dividedBy(shown.length));
  return { capaianAverage: average, category: ratingOf(average, scale).category, measuredCount: shown.length, indicatorCount: rows.length };
}

function budgetSpent(kegiatan: PkKegiatan, reports: readonly ApprovedRealisasi[]): Dec {
  return reports
    .flatMap((r) => r.budget.filter((b) => b.kegiatanCode === kegiatan.code))
    .reduce((sum, b) => sum.plus(b.spent), new Dec(0));
}

function kegiatanRow(kegiatan: PkKegiatan, no: number, reports: readonly ApprovedRealisasi[], month: number | null, scale: RatingScale): KinerjaKegiatanRow {
  const indicators = kegiatan.indicators.map((ind) => indicatorRow(ind, reports, month, scale));
  const spent = budgetSpent(kegiatan, reports);
  const absorption = absorptionOf(spent, kegiatan.pagu === null ? null : new Dec(kegiatan.pagu));
  return {
    no, code: kegiatan.code, name: kegiatan.name, pagu: kegiatan.pagu, budgetSpent: spent.toFixed(),
    budgetAbsorption: absorption === null ? null : toTwoPlaces(absorption),
    ...averageOf(indicators, scale), indicators,
  };
}

/** Tabel 3.2 asked for a year without an approved PK: the read model and the log say it alike. */
export function kinerjaNoApprovedPk(satker: string, year: number): DomainError {
  return new DomainError('KINERJA.NO_APPROVED_PK', `Belum ada Perjanjian Kinerja ${year} yang disetujui untuk satker ini. Tabel 3.2 tersedia setelah Sekretaris mengajukan PK tahun tersebut dan Ketua (atau Sekretaris lain) menyetujuinya.`, 'not_found', { satker, year });
}

/**
 * Tabel 3.2 from a PK version and the approved monthly reports of its year (any subbagian; reports
 * after `month` are ignored). Pure: the caller loads both, the version chosen by `pkForKinerja` (the
 * one in force for the year; to date, the one month M was reported under).
 */
export function computeKinerja(pk: PkVersionInForce, approvedReports: readonly ApprovedRealisasi[], options: ComputeKinerjaOptions = {}): KinerjaTable {
  const month = options.month ?? null;
  if (month !== null && (!Number.isInteger(month) || month < 1 || month > 12)) {
    throw new DomainError('KINERJA.INVALID_MONTH', 'Bulan harus 1–12.', 'validation', { month });
  }
  const scale = options.ratingScale ?? DEFAULT_RATING_SCALE;
  const reports = approvedReports.filter((r) => month === null || r.month <= month);
  let no = 0;
  const programs = pk.structure.programs.map((program) => {
    const kegiatan = program.kegiatan.map((k) => kegiatanRow(k, ++no, reports, month, scale));
    return { code: program.code, name: program.name, ...averageOf(kegiatan.flatMap((k) => k.indicators), scale), kegiatan };
  });
  const allKegiatan = programs.flatMap((p) => p.kegiatan);
  const spent = allKegiatan.reduce((sum, k) => sum.plus(k.budgetSpent), new Dec(0));
  const pagu = allKegiatan.every((k) => k.pagu !== null) ? allKegiatan.reduce((sum, k) => sum.plus(k.pagu as string), new Dec(0)) : null;
  const absorption = absorptionOf(spent, pagu);
  return {
    satker: pk.satker, year: pk.year, pkVersion: pk.version, month, ratingScaleVersion: scale.version, programs,
    office: {
      ...averageOf(allKegiatan.flatMap((k) => k.indicators), scale),
      pagu: pagu === null ? null : pagu.toFixed(), budgetSpent: spent.toFixed(),
      budgetAbsorption: absorption === null ? null : toTwoPlaces(absorption),
    },
  };
}
