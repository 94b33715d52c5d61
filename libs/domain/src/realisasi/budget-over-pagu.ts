import { Dec } from '../shared/decimal';
import type { DecimalString } from '../shared/decimal';
import { indonesianMonthYear } from '../shared/indonesian-time';
import type { PkStructure } from '../perjanjian-kinerja/pk-structure.types';
import type { BudgetLine } from './realisasi.types';

export type BudgetWarningCode = 'REALISASI.MONTH_BUDGET_OVER_PAGU' | 'REALISASI.BUDGET_OVER_PAGU';

/**
 * A figure the report may well have wrong, said but not refused: spending cannot exceed the DIPA
 * pagu, yet the PK's pagu may lag a DIPA revision, so the report is saved as typed.
 */
export interface BudgetWarning {
  code: BudgetWarningCode;
  message: string;
  details: {
    kegiatanCode: string;
    kegiatanName: string;
    year: number;
    month: number;
    /** Spent on the kegiatan in this report (this month). */
    spent: DecimalString;
    /** Spent on it in the year's other approved reports (every month and subbagian but this report). */
    spentInOtherReports: DecimalString;
    /** `spent` + `spentInOtherReports`. */
    yearTotal: DecimalString;
    pagu: DecimalString;
    /** The PK version whose pagu was read. */
    pkVersion: number;
  };
}

export interface BudgetOverPaguInput {
  year: number;
  month: number;
  /** The PK version in force (the one Tabel 3.2 takes its pagu from), or null before any approval. */
  pk: { version: number; structure: PkStructure } | null;
  /** The report's budget lines as they stand (the working draft, not its last approved figures). */
  budget: readonly BudgetLine[];
  /**
   * Rupiah already spent on each kegiatan in the year's OTHER reports, by kegiatan code: their
   * approved figures only, as Tabel 3.2 counts them (a draft or submitted report elsewhere is not
   * spending yet). A kegiatan absent here has none.
   */
  spentInOtherReports: ReadonlyMap<string, DecimalString>;
}

const ADVICE = 'periksa kembali angka; bila pagu telah direvisi dalam DIPA, ajukan PK Perubahan.';

/**
 * The report's budget lines that go beyond their kegiatan's annual pagu, one warning per kegiatan at
 * most: `REALISASI.MONTH_BUDGET_OVER_PAGU` when this month alone exceeds it (then the year does
 * too, which is not said twice), else `REALISASI.BUDGET_OVER_PAGU` when the year's total with this
 * month would (unless this month spends nothing on it). Reaching the pagu exactly is no warning; a kegiatan without pagu (null) or not in
 * the PK in force is never warned about. Pure, decimal arithmetic only.
 */
export function budgetOverPaguWarnings(input: BudgetOverPaguInput): BudgetWarning[] {
  if (input.pk === null) return [];
  const kegiatan = new Map(input.pk.structure.programs.flatMap((p) => p.kegiatan).map((k) => [k.code, k]));
  const spentHere = new Map<string, Dec>();
  for (const line of input.budget) spentHere.set(line.kegiatanCode, (spentHere.get(line.kegiatanCode) ?? new Dec(0)).plus(line.spent));
  const warnings: BudgetWarning[] = [];
  for (const [code, spent] of spentHere) {
    const k = kegiatan.get(code);
    if (!k || k.pagu === null) continue;
    const pagu = new Dec(k.pagu);
    const elsewhere = new Dec(input.spentInOtherReports.get(code) ?? '0');
    const total = spent.plus(elsewhere);
    const monthAlone = spent.greaterThan(pagu);
    // A month that spends nothing adds nothing to a year already over: nothing to re-check in it.
    if (!monthAlone && (spent.isZero() || !total.greaterThan(pagu))) continue;
    const [rpSpent, rpElsewhere, rpTotal, rpPagu] = rupiahTogether([spent, elsewhere, total, pagu]);
    const period = indonesianMonthYear(input.year, input.month);
    const named = `kegiatan ${k.code} (${k.name})`;
    const message = monthAlone
      ? `Realisasi anggaran ${named} bulan ${period} sebesar ${rpSpent} melebihi pagu kegiatan itu untuk setahun, ${rpPagu}: ${ADVICE}`
      : `Realisasi anggaran ${named} tahun ${input.year} menjadi ${rpTotal} dengan bulan ${period} (${rpSpent} bulan ini dan ${rpElsewhere} ` +
        `pada laporan lain yang telah disetujui), melebihi pagu ${rpPagu}: ${ADVICE}`;
    warnings.push({
      code: monthAlone ? 'REALISASI.MONTH_BUDGET_OVER_PAGU' : 'REALISASI.BUDGET_OVER_PAGU',
      message,
      details: {
        kegiatanCode: k.code, kegiatanName: k.name, year: input.year, month: input.month,
        // Amounts with the places the message prints them with; the pagu as the PK writes it.
        ...amountsTogether({ spent, spentInOtherReports: elsewhere, yearTotal: total }, [spent, elsewhere, total, pagu]),
        pagu: k.pagu, pkVersion: input.pk.version,
      },
    });
  }
  return warnings;
}

/** Each amount as decimal text with two places when one of `together` has sen, else whole rupiah (as `rupiahTogether`). */
function amountsTogether<K extends string>(amounts: Record<K, Dec>, together: readonly Dec[]): Record<K, DecimalString> {
  const places = together.some((v) => !v.isInteger()) ? 2 : 0;
  return Object.fromEntries(Object.entries<Dec>(amounts).map(([key, value]) => [key, value.toFixed(places)])) as Record<K, DecimalString>;
}

/**
 * Rupiah as the project prints it ("Rp 1.234.567", "Rp 1.500.000,50"), figures of one message with
 * the same places (whole rupiah unless one has sen), as the report's `formatRupiah` and `rupiahPlaces`.
 */
function rupiahTogether(values: readonly Dec[]): string[] {
  const places = values.some((v) => !v.isInteger()) ? 2 : 0;
  return values.map((v) => {
    const [int, frac] = v.toFixed(places, Dec.ROUND_HALF_UP).split('.');
    return `Rp ${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac === undefined ? '' : `,${frac}`}`;
  });
}
