import { Decimal } from 'decimal.js';
import { countWithWords, formatPercentId, formatRupiah, MONTHS_ID } from '../format/format-id';
import { LkjBudget, LkjBudgetRow, LkjIndicatorAnalysis, LkjKegiatanAnalysis, LkjMeasurement, LkjPendingReport } from '../model/lkj-model.types';
import { notMeasured } from '../model/capaian-figures';

export interface ConclusionFacts {
  officeName: string;
  year: number;
  measurement: LkjMeasurement;
  analyses: LkjKegiatanAnalysis[];
  budget: LkjBudget;
  /**
   * The categories that say the target was reached: the rating scale's row that holds 100% and every
   * row above it ("Sangat Berhasil", "Berhasil" in Tabel 3.1). An indicator in them has reached its
   * target, even below 100%.
   */
  targetCategories: string[];
  /**
   * A draft (figures to date, the year still open): an indicator without realisasi is "belum"
   * reported. A final is of the whole year, its reports all approved: one left blank in every
   * approved report was not reported ("tidak dilaporkan"), it is not pending.
   */
  draft: boolean;
}

/**
 * BAB IV 4.1 written from the figures alone, so it can never disagree with Tabel 3.2: scope,
 * the office average, the count per category, which indicators fell short of target and why
 * (from the Kasubbag's kendala), the comparison with last year and the budget absorption.
 * The Ikhtisar Eksekutif lists the same sentences.
 */
export function generateConclusions(facts: ConclusionFacts): string[] {
  // Nothing reported yet: no indicator fell short, no budget was absorbed; say only that.
  if (facts.measurement.throughMonth === 0) return [scopeSentence(facts), noMonthApprovedSentence(facts.year), categorySentence(facts.measurement, facts.draft)];
  return [
    scopeSentence(facts),
    averageSentence(facts),
    pendingReportsSentence(facts.year, facts.measurement),
    categorySentence(facts.measurement, facts.draft),
    ...shortfallSentences(facts),
    trendSentence(facts),
    budgetSentence(facts),
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

/**
 * "Tahun 2024", or for a draft "Tahun 2024 sampai dengan bulan Juni", or before any month is
 * approved "Tahun 2024 (belum ada laporan bulanan yang disetujui)".
 */
export function periodOf(year: number, throughMonth: number | null): string {
  if (throughMonth === null) return `Tahun ${year}`;
  if (throughMonth === 0) return `Tahun ${year} (belum ada laporan bulanan yang disetujui)`;
  return `Tahun ${year} sampai dengan bulan ${MONTHS_ID[throughMonth - 1]}`;
}

function noMonthApprovedSentence(year: number): string {
  return `Belum ada laporan bulanan Tahun ${year} yang disetujui, sehingga realisasi dan capaian kinerja serta realisasi ` +
    'anggaran belum dapat disajikan: kolom realisasi dan capaian dikosongkan ("-"), bukan bernilai nol.';
}

const PENDING_LABEL: Record<LkjPendingReport['status'], string> = {
  NOT_SUBMITTED: 'belum disampaikan',
  SUBMITTED: 'menunggu persetujuan',
  RETURNED: 'dikembalikan untuk diperbaiki',
  REVISING: 'sedang direvisi',
};

/**
 * A draft whose figures lack reports owed through its period: which, by subbagian and month, and
 * why, so that an indicator short "to date" is not read as short of its target. A report being
 * revised after approval counts with its last approved figures, and the sentence says so. Null when
 * every owed report is in.
 */
export function pendingReportsSentence(year: number, measurement: LkjMeasurement): string | null {
  const pending = measurement.pendingReports;
  if (pending.length === 0) return null;
  const bySubbagian = new Map<string, LkjPendingReport[]>();
  for (const r of pending) bySubbagian.set(r.subbagianName, [...(bySubbagian.get(r.subbagianName) ?? []), r]);
  const parts = [...bySubbagian].map(([name, reports]) => {
    const statuses = [...new Set(reports.map((r) => r.status))];
    const months = statuses.map((status) => {
      const named = reports.filter((r) => r.status === status).map((r) => MONTHS_ID[r.month - 1]);
      return `bulan ${joinId(named)} (${PENDING_LABEL[status]})`;
    });
    return `${name} ${months.join(', ')}`;
  });
  const revising = pending.some((r) => r.status === 'REVISING');
  const outside = pending.some((r) => r.status !== 'REVISING');
  return `Angka ${periodOf(year, measurement.throughMonth)} belum memuat seluruh laporan bulanan karena laporan berikut belum disetujui: ` +
    `${parts.join('; ')}.` +
    (outside ? ' Realisasi laporan yang belum disetujui masuk ke dalam pengukuran setelah laporan tersebut disetujui.' : '') +
    (revising ? ' Laporan yang sedang direvisi dihitung dengan angka terakhir yang telah disetujui.' : '');
}

function averageSentence({ year, measurement }: ConclusionFacts): string {
  const period = periodOf(year, measurement.throughMonth);
  if (measurement.office.capaian === null) {
    return `Capaian rata-rata kinerja ${period} belum dapat dihitung karena belum ada realisasi yang dilaporkan.`;
  }
  return (
    `Capaian rata-rata seluruh indikator kinerja ${period} sebesar ${formatPercentId(measurement.office.capaian)} ` +
    `dengan kategori ${measurement.office.category}.`
  );
}

function categorySentence(measurement: LkjMeasurement, draft: boolean): string {
  const present = measurement.categoryCounts.filter((c) => c.count > 0);
  if (present.length === 1 && present[0].count === measurement.indicatorCount) {
    return `Seluruh ${countWithWords(measurement.indicatorCount)} indikator kinerja berada pada kategori ${present[0].category}.`;
  }
  // "Belum/Tidak dapat diukur" is no category of Tabel 3.1: such indicators are said to be not (yet) measurable.
  const parts = present.map((c) => (c.category === notMeasured(draft)
    ? `${countWithWords(c.count)} indikator ${draft ? 'belum' : 'tidak'} dapat diukur`
    : `${countWithWords(c.count)} indikator berkategori ${c.category}`));
  return `Dari ${countWithWords(measurement.indicatorCount)} indikator kinerja, ${joinId(parts)}.`;
}

/**
 * Which indicators fell short, by the categories of Tabel 3.1 (so never counting one rated
 * "Berhasil", which the table defines as having reached the target), and, apart, those that reached
 * the target categories with a capaian under 100%, named with their figure and category.
 */
function shortfallSentences(facts: ConclusionFacts): string[] {
  const { measurement, analyses, targetCategories, draft } = facts;
  const items = analyses.flatMap((k) => k.items);
  const nameOf = indicatorNamer(items);
  const reached = (i: LkjIndicatorAnalysis) => i.capaian !== null && targetCategories.includes(i.category);
  // Not measured is not short of the target: nothing was due yet (no target to date) or nothing reported.
  const unmeasured = items.filter((i) => i.capaian === null);
  const short = items.filter((i) => i.capaian !== null && !reached(i));
  const under100 = items.filter((i) => reached(i) && new Decimal(i.capaian as string).lessThan(100));
  const sentences: string[] = [];
  if (short.length === 0) {
    if (unmeasured.length === 0) {
      sentences.push(under100.length === 0
        ? 'Seluruh indikator kinerja telah mencapai atau melampaui target yang ditetapkan.'
        : `Seluruh indikator kinerja telah mencapai target menurut skala penilaian pada Tabel 3.1 (kategori ${orId(targetCategories)}).`);
    } else if (unmeasured.length < items.length) {
      sentences.push('Seluruh indikator kinerja yang telah dapat diukur telah mencapai target menurut skala penilaian pada Tabel 3.1.');
    }
  } else {
    const named = short.map((i) => `${nameOf(i)} (capaian ${formatPercentId(i.capaian)}, ${i.category}; ${kendalaOf(i)})`);
    sentences.push(`Indikator yang belum mencapai target sebanyak ${countWithWords(short.length)}, yaitu ${joinId(named)}.`);
  }
  if (unmeasured.length > 0) sentences.push(unmeasuredSentence(unmeasured, measurement.throughMonth, draft, nameOf));
  if (under100.length > 0) {
    const named = under100.map((i) => `${nameOf(i)} (capaian ${formatPercentId(i.capaian)}, ${i.category})`);
    sentences.push(
      `Sebanyak ${countWithWords(under100.length)} indikator memperoleh capaian di bawah 100% ` +
        `namun masih berkategori ${orId([...new Set(under100.map((i) => i.category))])}, sehingga menurut Tabel 3.1 telah mencapai target, ` +
        `yaitu ${joinId(named)}.`,
    );
  }
  const provisional = items.filter((i) => reached(i) && provisionallyReached(i));
  if (provisional.length > 0) sentences.push(provisionalSentence(provisional, measurement.throughMonth as number, facts.year, nameOf));
  return sentences;
}

/**
 * A lower-is-better indicator measured to date against its annual target (no rencana aksi): what
 * happened so far set against the ceiling. Counted as reached to date, it may still fall short.
 */
export const provisionallyReached = (i: LkjIndicatorAnalysis): boolean => i.polarity === 'LOWER_IS_BETTER' && i.annualTargetToDate;

/** The indicators `provisionallyReached` said reached (or above) to date: not yet the year's result. */
function provisionalSentence(items: LkjIndicatorAnalysis[], throughMonth: number, year: number, nameOf: (i: LkjIndicatorAnalysis) => string): string {
  const named = items.map((i) => `${nameOf(i)} (capaian ${formatPercentId(i.capaian)}, ${i.category})`);
  return `Capaian ${countWithWords(items.length)} indikator yang makin kecil makin baik dan tidak memiliki rencana aksi bulanan, ` +
    `yaitu ${joinId(named)}, membandingkan realisasi sampai dengan bulan ${MONTHS_ID[throughMonth - 1]} dengan target tahunan ` +
    'sebagai batas atas; capaian tersebut masih dapat turun sebelum tahun berakhir, sehingga belum menunjukkan bahwa target ' +
    `Tahun ${year} tercapai.`;
}

/**
 * The indicators without a capaian, by why: nothing reported (with the kendala a Kasubbag recorded,
 * if any), or nothing planned yet to date by the rencana aksi (a draft). Neither is short of its target.
 */
function unmeasuredSentence(
  items: LkjIndicatorAnalysis[], throughMonth: number | null, draft: boolean, nameOf: (i: LkjIndicatorAnalysis) => string,
): string {
  const toDate = throughMonth !== null && throughMonth > 0 ? ` sampai dengan bulan ${MONTHS_ID[throughMonth - 1]}` : '';
  // A final closes the year: what no approved report holds was not reported, and will not be.
  const unmeasurable = draft ? 'belum dapat diukur' : 'tidak dapat diukur';
  const groups = [
    {
      reason: draft ? 'realisasinya belum dilaporkan' : 'realisasinya tidak dilaporkan',
      names: items.filter((i) => i.note !== 'NO_TARGET_YET')
        .map((i) => (i.kendala.length > 0 ? `${nameOf(i)} (${kendalaOf(i)})` : nameOf(i))),
    },
    { reason: `rencana aksinya belum menargetkan apa pun${toDate}`, names: items.filter((i) => i.note === 'NO_TARGET_YET').map(nameOf) },
  ].filter((g) => g.names.length > 0);
  // "1 (satu)" as every other count of the document, not "Satu".
  const subject = `Sebanyak ${countWithWords(items.length)} indikator`;
  if (groups.length === 1) return `${subject} ${unmeasurable} karena ${groups[0].reason}, yaitu ${joinId(groups[0].names)}.`;
  const parts = groups.map((g) => `${countWithWords(g.names.length)} karena ${g.reason}, yaitu ${joinId(g.names)}`);
  return `${subject} ${unmeasurable}: ${parts.join('; dan ')}.`;
}

/** An indicator as the Ikhtisar names it: its name, after its code where another indicator has the same name ("K4.1 Layanan Perkantoran"). */
function indicatorNamer(items: LkjIndicatorAnalysis[]): (i: LkjIndicatorAnalysis) => string {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.indicatorName, (counts.get(i.indicatorName) ?? 0) + 1);
  return (i) => ((counts.get(i.indicatorName) ?? 0) > 1 ? `${i.indicatorCode} ${i.indicatorName}` : i.indicatorName);
}

/** What the Kasubbag recorded as kendala: the kendala, that there was none, or that none was recorded. */
function kendalaOf(i: LkjIndicatorAnalysis): string {
  if (i.kendala.length > 0) return `kendala: ${i.kendala.map(stripFinalStop).join('; ')}`;
  return i.kendalaNoneSaid ? 'Kepala Subbagian menyatakan tidak ada kendala' : 'kendala tidak dicatat';
}

function orId(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} atau ${parts[parts.length - 1]}`;
}

/** A draft through January–November: its capaian are to date, while last year's are of the whole year. */
export function isToDate(throughMonth: number | null): throughMonth is number {
  return throughMonth !== null && throughMonth > 0 && throughMonth < 12;
}

/**
 * This year's capaian against last year's: "menurun dibandingkan Tahun 2023 (100,00%)"; to date, against
 * a whole year, "lebih rendah daripada capaian setahun penuh Tahun 2023 (100,00%)" (not a fall: the year is
 * not over).
 */
export function trendAgainstLastYear(year: number, throughMonth: number | null, trend: 'naik' | 'turun' | 'tetap', previous: string | null): string {
  const prev = previous === null ? '' : ` (${formatPercentId(previous)})`;
  if (!isToDate(throughMonth)) return `${{ naik: 'meningkat dibandingkan', turun: 'menurun dibandingkan', tetap: 'tetap sama dengan' }[trend]} Tahun ${year - 1}${prev}`;
  return `${{ naik: 'lebih tinggi daripada', turun: 'lebih rendah daripada', tetap: 'sama dengan' }[trend]} capaian setahun penuh Tahun ${year - 1}${prev}`;
}

function trendSentence({ year, analyses, measurement }: ConclusionFacts): string | null {
  const all = analyses.flatMap((k) => k.items);
  const items = all.filter((i) => i.trend !== null);
  const toDate = isToDate(measurement.throughMonth);
  // To date without a rencana aksi: realisasi so far against the annual target, no figure to set beside a whole year's.
  const apart = toDate ? all.filter((i) => i.annualTargetToDate && i.capaian !== null && i.capaianPrevYear !== null).length : 0;
  const apartSentence = apart === 0 ? '' : ` ${countWithWords(apart)} indikator tanpa rencana aksi bulanan tidak diperbandingkan, karena capaiannya ` +
    `sampai dengan bulan ${MONTHS_ID[(measurement.throughMonth as number) - 1]} diukur terhadap target tahunan.`;
  if (items.length === 0) return apartSentence === '' ? null : apartSentence.trim();
  const count = (t: string) => items.filter((i) => i.trend === t).length;
  const [naik, tetap, turun] = [count('naik'), count('tetap'), count('turun')];
  if (toDate) {
    const month = MONTHS_ID[(measurement.throughMonth as number) - 1];
    const against = `Dibandingkan capaian setahun penuh Tahun ${year - 1}, capaian sampai dengan bulan ${month}`;
    if (tetap === items.length) return `${against} dari ${countWithWords(items.length)} indikator yang dapat diperbandingkan sama.${apartSentence}`;
    const parts = [
      naik > 0 ? `${countWithWords(naik)} indikator lebih tinggi` : null,
      tetap > 0 ? `${countWithWords(tetap)} indikator sama` : null,
      turun > 0 ? `${countWithWords(turun)} indikator lebih rendah` : null,
    ].filter((p): p is string => p !== null);
    return `${against}: ${joinId(parts)}.${apartSentence}`;
  }
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

/**
 * Penyerapan against the pagu: for the whole office when every kegiatan has a pagu; for the
 * kegiatan that have one when only some do; and when none has, that no pagu was given ("belum
 * tersedia"), not that it is incomplete.
 */
function budgetSentence({ year, measurement, budget }: ConclusionFacts): string {
  const rp = (v: string) => formatRupiah(v, budget.rupiahPlaces);
  const period = periodOf(year, measurement.throughMonth);
  const withPagu = budget.rows.filter((r): r is LkjBudgetRow & { pagu: string } => r.pagu !== null);
  if (withPagu.length === 0) {
    const spent = budget.totalRealisasi !== null && !new Decimal(budget.totalRealisasi).isZero()
      ? ` Realisasi anggaran yang dilaporkan pada ${period} sebesar ${rp(budget.totalRealisasi)}.`
      : '';
    return `Data pagu anggaran belum tersedia: Perjanjian Kinerja Tahun ${year} tidak memuat pagu untuk kegiatan mana pun, ` +
      `sehingga penyerapan dan efisiensi penggunaan anggaran belum dapat disimpulkan.${spent}`;
  }
  if (withPagu.length < budget.rows.length) {
    const pagu = withPagu.reduce((sum, r) => sum.plus(r.pagu), new Decimal(0));
    const spent = withPagu.reduce((sum, r) => sum.plus(r.realisasi ?? 0), new Decimal(0));
    return `Data pagu anggaran baru tersedia untuk ${countWithWords(withPagu.length)} dari ${countWithWords(budget.rows.length)} ` +
      'kegiatan, sehingga penyerapan anggaran secara keseluruhan belum dapat disimpulkan; pada kegiatan yang memiliki pagu, ' +
      `realisasi anggaran ${period} sebesar ${rp(spent.toFixed())} dari pagu ${rp(pagu.toFixed())} atau penyerapan ` +
      `${formatPercentId(spent.dividedBy(pagu).times(100).toFixed())}.`;
  }
  return (
    `Realisasi anggaran sebesar ${rp(budget.totalRealisasi ?? '0')} dari pagu ${rp(budget.totalPagu ?? '0')}` +
    (budget.totalAbsorption === null ? '.' : ` atau penyerapan ${formatPercentId(budget.totalAbsorption)}.`)
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
