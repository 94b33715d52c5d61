import { Decimal } from 'decimal.js';
import { average, categorize, computeCapaian, toFixed2, trendOf } from './capaian-figures';
import { IndicatorResultInput, LkjInput } from './lkj-input.types';
import {
  LkjAverage,
  LkjKegiatanAnalysis,
  LkjMeasurement,
  LkjMeasurementKegiatan,
  LkjMeasurementProgram,
} from './lkj-model.types';

/** Exact capaian per kegiatan code, kept unrounded so averages round once, at the edge. */
export type KegiatanCapaian = Map<string, Decimal | null>;

export interface MeasurementResult {
  measurement: LkjMeasurement;
  analyses: LkjKegiatanAnalysis[];
  kegiatanCapaian: KegiatanCapaian;
}

function resultsByIndicator(input: LkjInput): Map<string, IndicatorResultInput> {
  const known = new Set(input.pk.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indikator.map((i) => i.code))));
  const map = new Map<string, IndicatorResultInput>();
  for (const r of input.indicatorResults) {
    if (!known.has(r.indicatorCode)) throw new Error(`LKj input: result for unknown indicator ${r.indicatorCode}`);
    if (map.has(r.indicatorCode)) throw new Error(`LKj input: two results for indicator ${r.indicatorCode}`);
    map.set(r.indicatorCode, r);
  }
  return map;
}

const EMPTY_RESULT: Omit<IndicatorResultInput, 'indicatorCode'> = {
  realisasi: null,
  capaianPrevYear: null,
  narratives: [],
  kendala: [],
  solusi: [],
};

/** Tabel 3.2 with its averages, and the per-indicator analysis of 3.2, from the PK and the year's results. */
export function buildMeasurement(input: LkjInput): MeasurementResult {
  if (input.ratingScale.length === 0) throw new Error('LKj input: the rating scale is empty');
  const results = resultsByIndicator(input);
  const rate = (v: Decimal | null): LkjAverage => ({ capaian: toFixed2(v), category: categorize(v, input.ratingScale) });
  const all: (Decimal | null)[] = [];
  const analyses: LkjKegiatanAnalysis[] = [];
  const kegiatanCapaian: KegiatanCapaian = new Map();
  let kegiatanNo = 0;

  const programs: LkjMeasurementProgram[] = input.pk.programs.map((program) => {
    const inProgram: (Decimal | null)[] = [];
    const kegiatan: LkjMeasurementKegiatan[] = program.kegiatan.map((k) => {
      kegiatanNo += 1;
      const exact: (Decimal | null)[] = [];
      const analysis: LkjKegiatanAnalysis = { no: kegiatanNo, kegiatanCode: k.code, kegiatanName: k.name, items: [] };
      const rows = k.indikator.map((ind) => {
        const r = { ...EMPTY_RESULT, ...results.get(ind.code) };
        const capaian =
          r.capaian !== undefined && r.capaian !== null
            ? new Decimal(r.capaian)
            : computeCapaian(ind.target, r.realisasi, ind.polarity);
        exact.push(capaian);
        const category = categorize(capaian, input.ratingScale);
        analysis.items.push({
          indicatorCode: ind.code,
          indicatorName: ind.name,
          activity: ind.activity ?? ind.sasaranRkt,
          target: ind.target,
          realisasi: r.realisasi,
          unit: ind.unit,
          capaian: toFixed2(capaian),
          capaianPrevYear: r.capaianPrevYear === null ? null : new Decimal(r.capaianPrevYear).toFixed(2),
          category,
          trend: trendOf(capaian, r.capaianPrevYear),
          narratives: r.narratives,
          kendala: r.kendala,
          solusi: r.solusi,
        });
        return {
          programCode: program.code,
          kegiatanCode: k.code,
          indicatorCode: ind.code,
          indicatorName: ind.name,
          target: ind.target,
          realisasi: r.realisasi,
          unit: ind.unit,
          capaian: toFixed2(capaian),
          category,
        };
      });
      inProgram.push(...exact);
      all.push(...exact);
      analyses.push(analysis);
      const kAverage = average(exact);
      kegiatanCapaian.set(k.code, kAverage);
      return { no: kegiatanNo, code: k.code, name: k.name, rows, average: rate(kAverage) };
    });
    return { code: program.code, name: program.name, kegiatan, average: rate(average(inProgram)) };
  });

  const categories = analyses.flatMap((a) => a.items.map((i) => i.category));
  const scaleCategories = input.ratingScale.map((r) => r.category);
  const extra = [...new Set(categories.filter((c) => !scaleCategories.includes(c)))];
  const categoryCounts = [...scaleCategories, ...extra].map((category) => ({
    category,
    count: categories.filter((c) => c === category).length,
  }));

  return {
    measurement: { programs, office: rate(average(all)), indicatorCount: all.length, categoryCounts },
    analyses,
    kegiatanCapaian,
  };
}
