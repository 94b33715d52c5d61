import { Decimal } from 'decimal.js';
import { countWithWords, formatPercentId, formatQuantityId } from '../format/format-id';
import { LkjBudget, LkjIndicatorAnalysis, LkjKegiatanAnalysis, LkjMeasurement } from '../model/lkj-model.types';
import { budgetSuggestions } from './budget-suggestions';
import { isToDate, joinId, periodOf, provisionallyReached, trendAgainstLastYear } from './generate-conclusions';

export interface SuggestionFacts {
  year: number;
  measurement: LkjMeasurement;
  analyses: LkjKegiatanAnalysis[];
  budget: LkjBudget;
  /**
   * The categories that say the target was reached: the rating scale's row that holds 100% and
   * every row above it ("Sangat Berhasil", "Berhasil" in Tabel 3.1).
   */
  targetCategories: string[];
  /** A draft (the year still open): realisasi not reported is "belum" reported; in a final, "tidak" (`ConclusionFacts.draft`). */
  draft: boolean;
}

/**
 * BAB IV 4.2 when the Sekretaris gave no saran: written from the year's figures and the Kasubbag's
 * notes only, one rule per item, so every saran can be traced to Tabel 3.2, 3.3, 3.4 or a recorded
 * kendala. In order: raise each indicator below the target categories, below 100% or below last
 * year (against its kendala), make the unmeasured ones measurable, follow up the other kendala
 * still recorded, keep under the ceiling what reached it only so far, keep what was achieved in
 * full, then the budget (pagu, penyerapan, efisiensi).
 */
export function generateSuggestions(facts: SuggestionFacts): string[] {
  return [
    ...improveShortfalls(facts),
    ...measureUnmeasured(facts),
    ...followUpKendala(facts),
    ...keepUnderCeiling(facts),
    ...maintainAchievement(facts),
    ...budgetSuggestions(facts),
  ];
}

/** An indicator of 3.2 with its number in Tabel 3.2 ("4.1"): names repeat across kegiatan, numbers do not. */
interface Numbered {
  no: string;
  item: LkjIndicatorAnalysis;
}

/** Kendala named in 4.2 at most; the others are in 3.2, beside their indicator. */
const MAX_KENDALA = 5;

const itemsOf = (facts: SuggestionFacts): Numbered[] =>
  facts.analyses.flatMap((k) => k.items.map((item, n) => ({ no: `${k.no}.${n + 1}`, item })));
const reached = (facts: SuggestionFacts, i: LkjIndicatorAnalysis) => i.capaian !== null && facts.targetCategories.includes(i.category);
const label = ({ no, item }: Numbered) => `${no} ${item.indicatorName}`;
const clean = (text: string) => text.trim().replace(/[.;]+$/, '');

/**
 * An indicator to raise: measured below the target categories; or in them (Tabel 3.1 counts it as
 * reached) but under 100%, or lower than last year. "Berhasil" at 91,67% is a shortfall still.
 */
const raised = (facts: SuggestionFacts, i: LkjIndicatorAnalysis) =>
  i.capaian !== null && (!reached(facts, i) || new Decimal(i.capaian).lessThan(100) || i.trend === 'turun');

/** An indicator to raise (`raised`): say by how much it fell short, and how, addressing what its Kasubbag recorded. */
export function improveShortfalls(facts: SuggestionFacts): string[] {
  const period = periodOf(facts.year, facts.measurement.throughMonth);
  return itemsOf(facts)
    .filter(({ item }) => raised(facts, item))
    .map((n) => {
      const short = !reached(facts, n.item);
      const cause = short ? 'belum tercapainya target' : 'capaian tersebut';
      const how = n.item.kendala.length > 0
        ? `dengan mengatasi kendala yang dicatat Kepala Subbagian penanggung jawab (${n.item.kendala.map(clean).join('; ')})`
        : n.item.kendalaNoneSaid
          ? `dengan terlebih dahulu mengevaluasi penyebab ${cause}, karena dalam laporan bulanan Kepala Subbagian ` +
            'penanggung jawab menyatakan tidak ada kendala'
          : `dengan terlebih dahulu mengidentifikasi penyebab ${cause}, karena kendalanya tidak dicatat dalam laporan bulanan`;
      return `Meningkatkan capaian indikator ${label(n)}, yang pada ${period} sebesar ${formatPercentId(n.item.capaian)} ` +
        `(${n.item.category})${short ? '' : `, ${whyStillShort(facts, n.item)}`}, ${how}.`;
    });
}

/** Why an indicator in the target categories is still to be raised: under 100%, lower than last year, or both. */
function whyStillShort(facts: SuggestionFacts, i: LkjIndicatorAnalysis): string {
  const under100 = new Decimal(i.capaian as string).lessThan(100);
  const { year } = facts;
  const throughMonth = facts.measurement.throughMonth;
  const lower = i.trend === 'turun' ? trendAgainstLastYear(year, throughMonth, 'turun', i.capaianPrevYear) : null;
  // To date, what is left to do is this year's: the year is not over.
  if (isToDate(throughMonth)) {
    if (under100) return `masih di bawah 100%${lower === null ? '' : ` dan ${lower}`}, agar target Tahun ${year} tercapai sepenuhnya sampai dengan akhir tahun`;
    return `${lower}, agar capaian sampai dengan akhir Tahun ${year} sekurang-kurangnya setara Tahun ${year - 1}`;
  }
  if (under100) return `masih di bawah 100%${lower === null ? '' : ` dan ${lower}`}, agar target Tahun ${year + 1} tercapai sepenuhnya`;
  return `${lower}, agar capaian Tahun ${year + 1} sekurang-kurangnya kembali setara Tahun ${year - 1}`;
}

/** An indicator without a capaian: no realisasi reported, or a realisasi that cannot be set against its target. */
export function measureUnmeasured(facts: SuggestionFacts): string[] {
  if (facts.measurement.throughMonth === 0) {
    return [`Menyelesaikan, mengajukan, dan menyetujui laporan realisasi bulanan Tahun ${facts.year}, karena belum ada laporan ` +
      'bulanan yang disetujui sehingga capaian seluruh indikator belum dapat diukur.'];
  }
  const period = periodOf(facts.year, facts.measurement.throughMonth);
  const unmeasured = itemsOf(facts).filter(({ item }) => item.capaian === null);
  const unreported = unmeasured.filter(({ item }) => item.realisasi === null).map(label);
  // Reported but without a capaian: the target it was measured against is 0. For the year, that is a
  // target to review; to date, it only means nothing was planned yet (not due), which asks nothing.
  const unrated = facts.measurement.throughMonth === null ? unmeasured.filter(({ item }) => item.realisasi !== null).map(label) : [];
  return [
    ...(unreported.length === 0 ? [] : [
      `Memastikan realisasi indikator ${joinId(unreported)} dilaporkan dalam laporan bulanan, karena pada ${period} ` +
        (facts.draft ? 'belum ada realisasi yang dilaporkan sehingga capaiannya belum dapat diukur.'
          : 'tidak ada realisasi yang dilaporkan sehingga capaiannya tidak dapat diukur.'),
    ]),
    ...(unrated.length === 0 ? [] : [
      `Menelaah kembali target indikator ${joinId(unrated)} dalam Perjanjian Kinerja agar realisasinya dapat dibandingkan ` +
        `dengan target, karena capaiannya pada ${period} belum dapat dihitung.`,
    ]),
  ];
}

/**
 * Kendala recorded for indicators not named by rule 1 (those that reached their target in full,
 * and those not measured): still to be followed up, naming where each was recorded. Kendala
 * recorded on the same indicators are one item; the most widespread first, five at most, the rest
 * counted and pointed to in 3.2.
 */
export function followUpKendala(facts: SuggestionFacts): string[] {
  const all = itemsOf(facts);
  const byKendala = new Map<string, { text: string; where: Numbered[] }>();
  for (const n of all.filter(({ item }) => item.capaian === null || !raised(facts, item))) {
    for (const text of n.item.kendala.map(clean).filter((t) => t !== '')) {
      const entry = byKendala.get(text.toLowerCase()) ?? { text, where: [] };
      if (!entry.where.includes(n)) entry.where.push(n);
      byKendala.set(text.toLowerCase(), entry);
    }
  }
  const groups = new Map<string, { texts: string[]; where: Numbered[] }>();
  for (const { text, where } of byKendala.values()) {
    const key = where.map((n) => n.no).join(' ');
    groups.set(key, { texts: [...(groups.get(key)?.texts ?? []), text], where });
  }
  const shown: string[] = [];
  let named = 0;
  for (const g of [...groups.values()].sort((a, b) => b.where.length - a.where.length)) {
    const texts = g.texts.slice(0, MAX_KENDALA - named);
    if (texts.length === 0) break;
    shown.push(followUpSentence(facts, texts, g.where, all.length));
    named += texts.length;
  }
  const rest = byKendala.size - named;
  return rest === 0 ? shown : [
    ...shown,
    `Menindaklanjuti ${countWithWords(rest)} kendala lain yang dicatat oleh Kepala Subbagian sebagaimana diuraikan per indikator pada subbab 3.2.`,
  ];
}

function followUpSentence(facts: SuggestionFacts, texts: string[], where: Numbered[], indicatorCount: number): string {
  const at = where.length === indicatorCount && indicatorCount > 3
    ? `seluruh ${countWithWords(where.length)} indikator`
    : where.length <= 3
      ? `indikator ${joinId(where.map(label))}`
      : `${countWithWords(where.length)} indikator (nomor ${joinId(where.map((n) => n.no))} pada Tabel 3.2)`;
  const categories = [...new Set(where.map((n) => n.item.category))].join(' atau ');
  const although = where.every((n) => reached(facts, n.item)) ? `, meskipun capaiannya telah berkategori ${categories}` : '';
  return `Menindaklanjuti kendala ${joinId(texts.map((t) => `"${t}"`))} yang masih dicatat oleh Kepala Subbagian pada ${at} ` +
    `agar tidak menghambat pencapaian kinerja Tahun ${facts.year + 1}${although}.`;
}

/** Reached in full: neither to raise (`raised`) nor reached only so far (`provisionallyReached`). */
const keptInFull = (facts: SuggestionFacts, i: LkjIndicatorAnalysis) => reached(facts, i) && !raised(facts, i);

/**
 * A lower-is-better indicator at or under its annual ceiling so far (`provisionallyReached`): not
 * achieved yet but to be kept so until December, its capaian to date may still fall.
 */
export function keepUnderCeiling(facts: SuggestionFacts): string[] {
  const items = itemsOf(facts).filter(({ item }) => keptInFull(facts, item) && provisionallyReached(item));
  if (items.length === 0) return [];
  const named = items.map((n) => `${label(n)} (target tahunan ${formatQuantityId(n.item.targetText, n.item.unit)})`);
  return [
    `Menjaga realisasi indikator ${joinId(named)} agar sampai dengan akhir Tahun ${facts.year} tidak melampaui target tahunannya: ` +
      'indikator tersebut makin kecil makin baik dan tidak memiliki rencana aksi bulanan, sehingga capaiannya pada ' +
      `${periodOf(facts.year, facts.measurement.throughMonth)} membandingkan realisasi sejauh ini dengan target tahunan ` +
      'dan masih dapat turun sebelum tahun berakhir.',
  ];
}

/**
 * What reached its target in full (`raised` names the rest) is to be kept: "seluruh" only when that is
 * every indicator, else the others. What reached it only so far is `keepUnderCeiling`'s.
 */
export function maintainAchievement(facts: SuggestionFacts): string[] {
  const items = itemsOf(facts);
  const kept = items.filter(({ item }) => keptInFull(facts, item) && !provisionallyReached(item));
  if (kept.length === 0) return [];
  const categories = facts.measurement.categoryCounts.filter((c) => kept.some(({ item }) => item.category === c.category));
  const which = kept.length === items.length ? `seluruh ${countWithWords(kept.length)} indikator kinerja` : `${countWithWords(kept.length)} indikator kinerja lainnya`;
  const average = kept.length === items.length && facts.measurement.office.capaian !== null
    ? ` dengan rata-rata capaian ${formatPercentId(facts.measurement.office.capaian)}`
    : '';
  return [
    `Mempertahankan capaian ${which} yang pada ${periodOf(facts.year, facts.measurement.throughMonth)} telah berkategori ` +
      `${categories.map((c) => c.category).join(' atau ')}${average}, agar capaian Tahun ${facts.year + 1} sekurang-kurangnya sama.`,
  ];
}
