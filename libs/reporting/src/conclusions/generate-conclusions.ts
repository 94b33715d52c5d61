import { Decimal } from 'decimal.js';
import { countWithWords, formatPercentId, formatRupiah, MONTHS_ID } from '../format/format-id';
import { LkjBudget, LkjKegiatanAnalysis, LkjMeasurement } from '../model/lkj-model.types';

export interface ConclusionFacts {
  officeName: string;
  year: number;
  measurement: LkjMeasurement;
  analyses: LkjKegiatanAnalysis[];
  budget: LkjBudget;
}

/**
 * BAB IV 4.1 written from the figures alone, so it can never disagree with Tabel 3.2: scope,
 * the office average, the count per category, which indicators fell short of target and why
 * (from the Kasubbag's kendala), the comparison with last year and the budget absorption.
 */
export function generateConclusions(facts: ConclusionFacts): string[] {
  return [
    scopeSentence(facts),
    averageSentence(facts),
    categorySentence(facts.measurement),
    shortfallSentence(facts.analyses),
    trendSentence(facts),
    budgetSentence(facts.budget),
  ].filter((s): s is string => s !== null);
}

function scopeSentence({ officeName, year, measurement }: ConclusionFacts): string {
  const kegiatan = measurement.programs.reduce((n, p) => n + p.kegiatan.length, 0);
  return (
    `Pengukuran kinerja ${officeName} Tahun ${year} mencakup ${countWithWords(measurement.indicatorCount)} ` +
    `indikator kinerja pada ${countWithWords(kegiatan)} kegiatan dalam ` +
    `${countWithWords(measurement.programs.length)} program sebagaimana ditetapkan dalam Perjanjian Kinerja Tahun ${year}.`
  );
}

function averageSentence({ year, measurement }: ConclusionFacts): string {
  const period =
    measurement.throughMonth === null ? `Tahun ${year}` : `Tahun ${year} sampai dengan bulan ${MONTHS_ID[measurement.throughMonth - 1]}`;
  if (measurement.office.capaian === null) {
    return `Capaian rata-rata kinerja ${period} belum dapat dihitung karena belum ada realisasi yang dilaporkan.`;
  }
  return (
    `Capaian rata-rata seluruh indikator kinerja ${period} sebesar ${formatPercentId(measurement.office.capaian)} ` +
    `dengan kategori ${measurement.office.category}.`
  );
}

function categorySentence(measurement: LkjMeasurement): string {
  const present = measurement.categoryCounts.filter((c) => c.count > 0);
  if (present.length === 1 && present[0].count === measurement.indicatorCount) {
    return `Seluruh ${countWithWords(measurement.indicatorCount)} indikator kinerja berada pada kategori ${present[0].category}.`;
  }
  const parts = present.map((c) => `${countWithWords(c.count)} indikator berkategori ${c.category}`);
  return `Dari ${countWithWords(measurement.indicatorCount)} indikator kinerja, ${joinId(parts)}.`;
}

function shortfallSentence(analyses: LkjKegiatanAnalysis[]): string {
  const short = analyses
    .flatMap((k) => k.items)
    .filter((i) => i.capaian === null || new Decimal(i.capaian).lessThan(100));
  if (short.length === 0) return 'Seluruh indikator kinerja telah mencapai atau melampaui target yang ditetapkan.';
  const items = short.map((i) => {
    const figure = i.capaian === null ? 'capaian belum dapat diukur' : `capaian ${formatPercentId(i.capaian)}, ${i.category}`;
    const why = i.kendala.length > 0 ? `kendala: ${i.kendala.map(stripFinalStop).join('; ')}` : 'kendala tidak dicatat';
    return `${i.indicatorName} (${figure}; ${why})`;
  });
  return `Indikator yang belum mencapai target sebanyak ${countWithWords(short.length)}, yaitu ${joinId(items)}.`;
}

function trendSentence({ year, analyses }: ConclusionFacts): string | null {
  const items = analyses.flatMap((k) => k.items).filter((i) => i.trend !== null);
  if (items.length === 0) return null;
  const count = (t: string) => items.filter((i) => i.trend === t).length;
  const [naik, tetap, turun] = [count('naik'), count('tetap'), count('turun')];
  if (tetap === items.length) {
    return `Dibandingkan Tahun ${year - 1}, capaian ${countWithWords(items.length)} indikator yang dapat diperbandingkan tetap sama.`;
  }
  const parts = [
    naik > 0 ? `${countWithWords(naik)} indikator meningkat` : null,
    tetap > 0 ? `${countWithWords(tetap)} indikator tetap` : null,
    turun > 0 ? `${countWithWords(turun)} indikator menurun` : null,
  ].filter((p): p is string => p !== null);
  return `Dibandingkan Tahun ${year - 1}, ${joinId(parts)}.`;
}

function budgetSentence(budget: LkjBudget): string | null {
  if (budget.totalPagu === null || budget.totalAbsorption === null) {
    return 'Data pagu anggaran tidak tersedia secara lengkap sehingga efisiensi penggunaan anggaran tidak dapat disimpulkan untuk seluruh kegiatan.';
  }
  return (
    `Realisasi anggaran sebesar ${formatRupiah(budget.totalRealisasi)} dari pagu ${formatRupiah(budget.totalPagu)} ` +
    `atau penyerapan ${formatPercentId(budget.totalAbsorption)}.`
  );
}

function stripFinalStop(text: string): string {
  return text.trim().replace(/[.;]+$/, '');
}

/** "a", "a dan b", "a, b, dan c". */
export function joinId(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  if (parts.length === 2) return `${parts[0]} dan ${parts[1]}`;
  return `${parts.slice(0, -1).join(', ')}, dan ${parts[parts.length - 1]}`;
}
