import { Decimal } from 'decimal.js';
import { formatPercentId, formatRupiah } from '../format/format-id';
import { LkjBudgetRow } from '../model/lkj-model.types';
import { joinId, periodOf } from './generate-conclusions';
import type { SuggestionFacts } from './generate-suggestions';

/** Pagu missing (all or some), the absorption against a known pagu, and kegiatan rated less efficient. */
export function budgetSuggestions(facts: SuggestionFacts): string[] {
  const { budget, year } = facts;
  const missing = budget.rows.filter((r) => r.pagu === null);
  if (missing.length > 0 && missing.length === budget.rows.length) {
    return [
      `Mencantumkan pagu anggaran setiap kegiatan dalam Perjanjian Kinerja Tahun ${year + 1}, karena Perjanjian Kinerja ` +
        `Tahun ${year} belum memuat pagu sehingga penyerapan dan efisiensi anggaran belum dapat diukur.`,
    ];
  }
  return [
    ...(missing.length === 0 ? [] : [
      `Melengkapi pagu anggaran kegiatan ${joinId(missing.map((r) => r.kegiatanName))} dalam Perjanjian Kinerja agar ` +
        'penyerapan dan efisiensi seluruh kegiatan dapat diukur.',
    ]),
    ...absorptionSuggestion(facts),
    ...efficiencySuggestion(budget.rows),
  ];
}

function absorptionSuggestion({ budget, year, measurement }: SuggestionFacts): string[] {
  if (budget.totalPagu === null || budget.totalRealisasi === null || budget.totalAbsorption === null) return [];
  const period = periodOf(year, measurement.throughMonth);
  const rp = (v: string) => formatRupiah(v, budget.rupiahPlaces);
  const figures = `realisasi ${rp(budget.totalRealisasi)} dari pagu ${rp(budget.totalPagu)}`;
  const absorption = new Decimal(budget.totalAbsorption);
  if (absorption.greaterThan(100)) {
    return [`Mengendalikan realisasi anggaran agar tidak melampaui pagu, karena pada ${period} penyerapan mencapai ` +
      `${formatPercentId(budget.totalAbsorption)} (${figures}).`];
  }
  if (absorption.equals(100)) {
    return [`Mempertahankan ketepatan perencanaan anggaran, karena pagu ${period} terserap ${formatPercentId(budget.totalAbsorption)} (${figures}).`];
  }
  return [`Mengoptimalkan penyerapan anggaran, yang pada ${period} sebesar ${formatPercentId(budget.totalAbsorption)} ` +
    `(${figures}), melalui perencanaan kegiatan dan revisi anggaran yang tepat waktu.`];
}

/** Kegiatan whose capaian is below their penyerapan (efficiency index below 1): named, or "seluruh kegiatan" when it is all of them. */
function efficiencySuggestion(rows: LkjBudgetRow[]): string[] {
  const less = rows.filter((r) => r.efficiency === 'Kurang efisien');
  if (less.length === 0) return [];
  const where = less.length === rows.length
    ? 'seluruh kegiatan, yang capaian kinerjanya lebih rendah daripada penyerapan anggarannya'
    : `kegiatan ${joinId(less.map((r) => `${r.kegiatanName} (penyerapan ${formatPercentId(r.absorption)}, capaian kinerja ${formatPercentId(r.capaian)})`))}`;
  return [`Meningkatkan efisiensi penggunaan anggaran pada ${where}, agar capaian kinerja sebanding dengan anggaran yang digunakan.`];
}
