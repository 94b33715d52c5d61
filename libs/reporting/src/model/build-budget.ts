import { Dec, type KinerjaTable } from '@kinerja/domain';
import { rupiahPlaces } from '../format/format-id';
import { LkjBudget, LkjBudgetRow } from './lkj-model.types';

/**
 * Realisasi anggaran per kegiatan, from the read model (pagu, spent, absorption). Efisiensi
 * compares the kegiatan's average capaian with its penyerapan: an index above 1 means more
 * performance than money spent ("Efisien"), exactly 1 "Sebanding", below 1 "Kurang efisien".
 * A missing pagu is printed "tidak tersedia", never guessed. Every rupiah figure of the budget is
 * printed with the same decimals (`rupiahPlaces`), so the rows add up to the total as printed.
 * Before any month is approved (`reported` false) nothing was spent as far as anyone reported:
 * realisasi and penyerapan are blank, not 0.
 */
export function buildBudget(kinerja: KinerjaTable, reported = true): LkjBudget {
  const kegiatan = kinerja.programs.flatMap((p) => p.kegiatan);
  const spent = (value: string | null) => (reported ? value : null);
  const rows: LkjBudgetRow[] = kegiatan.map((k, i) => {
    const absorption = spent(k.budgetAbsorption);
    const index =
      absorption === null || k.capaianAverage === null || new Dec(absorption).isZero()
        ? null
        : new Dec(k.capaianAverage).dividedBy(absorption);
    return {
      no: i + 1,
      kegiatanCode: k.code,
      kegiatanName: k.name,
      pagu: k.pagu,
      realisasi: spent(k.budgetSpent),
      absorption,
      capaian: k.capaianAverage,
      efficiencyIndex: index === null ? null : index.toFixed(2, Dec.ROUND_HALF_UP),
      efficiency: efficiencyLabel(index),
    };
  });
  const totals = { totalPagu: kinerja.office.pagu, totalRealisasi: spent(kinerja.office.budgetSpent) };
  return {
    rows,
    ...totals,
    totalAbsorption: spent(kinerja.office.budgetAbsorption),
    rupiahPlaces: rupiahPlaces([...rows.flatMap((r) => [r.pagu, r.realisasi]), totals.totalPagu, totals.totalRealisasi]),
  };
}

function efficiencyLabel(index: Dec | null): string {
  if (index === null) return 'tidak tersedia';
  const rounded = new Dec(index.toFixed(2, Dec.ROUND_HALF_UP));
  if (rounded.greaterThan(1)) return 'Efisien';
  if (rounded.equals(1)) return 'Sebanding';
  return 'Kurang efisien';
}
