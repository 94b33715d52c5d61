import { Decimal } from 'decimal.js';
import { toFixed2 } from './capaian-figures';
import { KegiatanCapaian } from './build-measurement';
import { LkjInput } from './lkj-input.types';
import { LkjBudget, LkjBudgetRow } from './lkj-model.types';

/**
 * Realisasi anggaran per kegiatan. Penyerapan = realisasi ÷ pagu × 100. Efisiensi compares the
 * kegiatan's average capaian with its penyerapan: an index above 1 means more performance than
 * money spent ("Efisien"), exactly 1 "Sebanding", below 1 "Kurang efisien". Missing pagu or
 * realisasi anggaran is printed "tidak tersedia", never guessed.
 */
export function buildBudget(input: LkjInput, kegiatanCapaian: KegiatanCapaian): LkjBudget {
  const byKegiatan = new Map(input.budget.map((b) => [b.kegiatanCode, b]));
  const kegiatan = input.pk.programs.flatMap((p) => p.kegiatan);
  for (const b of input.budget) {
    if (!kegiatan.some((k) => k.code === b.kegiatanCode)) {
      throw new Error(`LKj input: budget for unknown kegiatan ${b.kegiatanCode}`);
    }
  }
  const rows: LkjBudgetRow[] = kegiatan.map((k, i) => {
    const b = byKegiatan.get(k.code);
    const pagu = b?.pagu ?? null;
    const realisasi = b?.realisasi ?? null;
    const absorption = absorptionOf(pagu, realisasi);
    const capaian = kegiatanCapaian.get(k.code) ?? null;
    const index = absorption === null || capaian === null || absorption.isZero() ? null : capaian.div(absorption);
    return {
      no: i + 1,
      kegiatanCode: k.code,
      kegiatanName: k.name,
      pagu,
      realisasi,
      absorption: toFixed2(absorption),
      capaian: toFixed2(capaian),
      efficiencyIndex: index === null ? null : index.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
      efficiency: efficiencyLabel(index),
    };
  });
  const complete = rows.length > 0 && rows.every((r) => r.pagu !== null && r.realisasi !== null);
  const sum = (pick: (r: LkjBudgetRow) => string | null) =>
    rows.reduce((s, r) => s.plus(pick(r) ?? 0), new Decimal(0));
  const totalPagu = complete ? sum((r) => r.pagu) : null;
  const totalRealisasi = complete ? sum((r) => r.realisasi) : null;
  return {
    rows,
    totalPagu: totalPagu === null ? null : totalPagu.toFixed(),
    totalRealisasi: totalRealisasi === null ? null : totalRealisasi.toFixed(),
    totalAbsorption: totalPagu === null ? null : toFixed2(absorptionOf(totalPagu.toFixed(), totalRealisasi!.toFixed())),
  };
}

function absorptionOf(pagu: string | null, realisasi: string | null): Decimal | null {
  if (pagu === null || realisasi === null) return null;
  const p = new Decimal(pagu);
  return p.isZero() ? null : new Decimal(realisasi).div(p).times(100);
}

function efficiencyLabel(index: Decimal | null): string {
  if (index === null) return 'tidak tersedia';
  const rounded = index.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if (rounded.greaterThan(1)) return 'Efisien';
  if (rounded.equals(1)) return 'Sebanding';
  return 'Kurang efisien';
}
