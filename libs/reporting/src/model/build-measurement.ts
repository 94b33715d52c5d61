import type { KinerjaAverage, KinerjaIndicatorRow, PkIndicator } from '@kinerja/domain';
import { Dec, targetText } from '@kinerja/domain';
import { notMeasured, trendOf } from './capaian-figures';
import { IndicatorNotesInput, LkjInput } from './lkj-input.types';
import { LkjAverage, LkjKegiatanAnalysis, LkjMeasurement, LkjMeasurementProgram, LkjPendingReport } from './lkj-model.types';

export interface MeasurementResult {
  measurement: LkjMeasurement;
  analyses: LkjKegiatanAnalysis[];
}

const averageOf = (unmeasured: string) => (a: KinerjaAverage): LkjAverage => ({ capaian: a.capaianAverage, category: a.category ?? unmeasured });

function notesByIndicator(input: LkjInput, known: Set<string>): Map<string, IndicatorNotesInput> {
  const map = new Map<string, IndicatorNotesInput>();
  for (const n of input.indicatorNotes) {
    if (!known.has(n.indicatorCode)) throw new Error(`LKj input: notes for unknown indicator ${n.indicatorCode}`);
    if (map.has(n.indicatorCode)) throw new Error(`LKj input: two notes for indicator ${n.indicatorCode}`);
    map.set(n.indicatorCode, n);
  }
  return map;
}

/** The PK version Tabel 3.2 was computed against (`LkjInput.kinerjaPk`). */
const measuredPk = (input: LkjInput) => input.kinerjaPk ?? input.pk;

function checkConsistency(input: LkjInput): void {
  const { kinerja, ratingScale, year } = input;
  const pk = measuredPk(input);
  if (input.noMonthApproved && (!input.draft || kinerja.month !== null)) {
    throw new Error('LKj input: "no month approved" is a draft over the year\'s table (month null)');
  }
  if ((input.pendingReports ?? []).length > 0 && (!input.draft || input.noMonthApproved)) {
    throw new Error('LKj input: pending reports belong to a draft with a month approved');
  }
  if (input.kinerjaPk && (!input.draft || kinerja.month === null)) {
    throw new Error('LKj input: Tabel 3.2 follows another PK version than the one in force only in a draft to date (month M)');
  }
  if (kinerja.year !== year || pk.year !== year || input.pk.year !== year) throw new Error(`LKj input: PK ${pk.year} / Tabel 3.2 ${kinerja.year} are not of year ${year}`);
  if (kinerja.pkVersion !== pk.version) throw new Error(`LKj input: Tabel 3.2 is of PK version ${kinerja.pkVersion}, not ${pk.version}`);
  if (kinerja.ratingScaleVersion !== ratingScale.version) {
    throw new Error(`LKj input: Tabel 3.2 was rated with scale ${kinerja.ratingScaleVersion}, not ${ratingScale.version}`);
  }
}

/** Tabel 3.2 with its averages, and the per-indicator analysis of 3.2, from the read model's table. */
export function buildMeasurement(input: LkjInput): MeasurementResult {
  checkConsistency(input);
  const pkIndicators = new Map<string, PkIndicator>(
    measuredPk(input).structure.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators.map((i) => [i.code, i] as const))),
  );
  const notes = notesByIndicator(input, new Set(pkIndicators.keys()));
  const unmeasured = notMeasured(input.draft);
  const average = averageOf(unmeasured);
  const month = input.noMonthApproved ? 0 : input.kinerja.month;
  // Figures to date (a draft through January–November): without a rencana aksi the annual target applies (`appliedTarget`).
  const toDate = month !== null && month > 0 && month < 12;
  const analyses: LkjKegiatanAnalysis[] = [];
  const rows: KinerjaIndicatorRow[] = [];
  let kegiatanNo = 0;

  const programs: LkjMeasurementProgram[] = input.kinerja.programs.map((program) => ({
    code: program.code,
    name: program.name,
    average: average(program),
    kegiatan: program.kegiatan.map((k) => {
      kegiatanNo += 1;
      rows.push(...k.indicators);
      analyses.push({
        no: kegiatanNo,
        kegiatanCode: k.code,
        kegiatanName: k.name,
        items: k.indicators.map((ind) => {
          const n = notes.get(ind.code);
          const prev = n?.capaianPrevYear ?? null;
          const annualTargetToDate = toDate && pkIndicators.get(ind.code)?.monthlyPlan === null;
          return {
            indicatorCode: ind.code,
            indicatorName: ind.name,
            activity: n?.activity ?? pkIndicators.get(ind.code)?.sasaran ?? ind.name,
            targetText: targetText(ind.targetApplied),
            realisasi: ind.realisasi,
            unit: ind.unit,
            polarity: ind.polarity,
            annualTargetToDate,
            capaian: ind.capaian,
            capaianPrevYear: prev === null ? null : new Dec(prev).toFixed(2, Dec.ROUND_HALF_UP),
            category: ind.category ?? unmeasured,
            note: ind.note ?? null,
            // Realisasi so far against the whole year's target: nothing to set beside last year's whole-year capaian.
            trend: annualTargetToDate ? null : trendOf(ind.capaian, prev),
            narratives: n?.narratives ?? [],
            kendala: n?.kendala ?? [],
            kendalaNoneSaid: (n?.kendala ?? []).length === 0 && (n?.kendalaNoneSaid ?? false),
            solusi: n?.solusi ?? [],
          };
        }),
      });
      return {
        no: kegiatanNo,
        code: k.code,
        name: k.name,
        average: average(k),
        rows: k.indicators.map((ind) => ({
          programCode: program.code,
          kegiatanCode: k.code,
          indicatorCode: ind.code,
          indicatorName: ind.name,
          targetText: targetText(ind.targetApplied),
          realisasi: ind.realisasi,
          unit: ind.unit,
          polarity: ind.polarity,
          capaian: ind.capaian,
          category: ind.category ?? unmeasured,
        })),
      };
    }),
  }));

  const categories = rows.map((r) => r.category ?? unmeasured);
  const scaleCategories = input.ratingScale.rows.map((r) => r.category);
  const extra = [...new Set(categories.filter((c) => !scaleCategories.includes(c)))];
  const used = rows.map((r) => pkIndicators.get(r.code)).filter((i): i is PkIndicator => i !== undefined);
  const lower = used.filter((i) => i.polarity === 'LOWER_IS_BETTER');
  // A single target of 0 divides nothing (`capaianOf`): such an indicator is measured by its own rule, not its formula.
  const zeroTarget = (i: PkIndicator) => i.target.kind === 'SINGLE' && new Dec(i.target.value).isZero();
  const byFormula = lower.filter((i) => !zeroTarget(i));
  const withoutPlan = used.filter((i) => i.monthlyPlan === null);
  return {
    measurement: {
      throughMonth: month,
      earlierPk: input.kinerjaPk ? { version: input.kinerjaPk.version, inForce: input.pk.version } : null,
      pendingReports: pendingReportsOf(input),
      method: {
        higherIsBetter: used.length - lower.length,
        inverseDifference: byFormula.filter((i) => i.lowerIsBetterFormula !== 'INVERSE_RATIO').length,
        inverseRatio: byFormula.filter((i) => i.lowerIsBetterFormula === 'INVERSE_RATIO').length,
        zeroTargets: lower.filter(zeroTarget).length,
        rangeTargets: used.filter((i) => i.target.kind === 'RANGE').length,
        toDate: !toDate ? null : {
          withPlan: used.length - withoutPlan.length,
          withoutPlan: withoutPlan.length,
          lowerIsBetterWithoutPlan: withoutPlan.filter((i) => i.polarity === 'LOWER_IS_BETTER').length,
        },
      },
      ratingScaleVersion: input.kinerja.ratingScaleVersion,
      programs,
      office: average(input.kinerja.office),
      indicatorCount: rows.length,
      categoryCounts: [...scaleCategories, ...extra].map((category) => ({
        category,
        count: categories.filter((c) => c === category).length,
      })),
    },
    analyses,
  };
}

/** `LkjInput.pendingReports` in month and subbagian order, named as BAB I names the subbagian. */
function pendingReportsOf(input: LkjInput): LkjPendingReport[] {
  const names = new Map(input.office.subbagian.map((s) => [s.code, s.name]));
  return [...(input.pendingReports ?? [])]
    .sort((a, b) => a.month - b.month || a.subbagian.localeCompare(b.subbagian))
    .map((r) => ({ month: r.month, subbagianCode: r.subbagian, subbagianName: names.get(r.subbagian) ?? `Sub. Bagian ${r.subbagian}`, status: r.status }));
}
