import { DomainError } from '../shared/domain-error';
import { Dec, isNonNegativeDecimal } from '../shared/decimal';

/** One row of Tabel 3.1: minExclusive < capaian ≤ maxInclusive; null means unbounded on that side. */
export interface RatingRow {
  minExclusive: string | null;
  maxInclusive: string | null;
  category: string;
  meaning: string;
}

/** An office's rating scale, versioned: a table shows which version rated it. */
export interface RatingScale {
  version: string;
  rows: RatingRow[];
}

/** Tabel 3.1 of the reference report (also in data/rating-scale-default.json). */
export const DEFAULT_RATING_SCALE: RatingScale = {
  version: 'tabel-3.1-2024',
  rows: [
    { minExclusive: '100', maxInclusive: null, category: 'Sangat Berhasil', meaning: 'Kegiatan yang dilaksanakan telah melampaui target indikator kinerja' },
    { minExclusive: '90', maxInclusive: '100', category: 'Berhasil', meaning: 'Kegiatan yang dilaksanakan telah mencapai target indikator kinerja' },
    { minExclusive: '70', maxInclusive: '90', category: 'Cukup Berhasil', meaning: 'Kegiatan yang dilaksanakan telah mendekati target indikator kinerja' },
    { minExclusive: '50', maxInclusive: '70', category: 'Kurang Berhasil', meaning: 'Kegiatan yang dilaksanakan kurang dari target indikator kinerja' },
    { minExclusive: null, maxInclusive: '50', category: 'Tidak Berhasil', meaning: 'Kegiatan yang dilaksanakan sangat tidak sesuai dengan target indikator kinerja' },
  ],
};

function invalidScale(message: string): never {
  throw new DomainError('RATING_SCALE.INVALID', message, 'validation');
}

/**
 * A scale must cover every value exactly once: rows from the highest down, the first unbounded
 * above, the last unbounded below, each row's lower bound the next row's upper bound.
 */
export function validateRatingScale(scale: RatingScale): void {
  if (!scale || typeof scale.version !== 'string' || scale.version.trim() === '') invalidScale('Versi skala penilaian wajib diisi.');
  const rows = scale.rows;
  if (!Array.isArray(rows) || rows.length === 0) invalidScale('Skala penilaian harus memiliki paling sedikit satu baris.');
  if (rows[0].maxInclusive !== null) invalidScale('Baris pertama skala penilaian harus tanpa batas atas.');
  if (rows[rows.length - 1].minExclusive !== null) invalidScale('Baris terakhir skala penilaian harus tanpa batas bawah.');
  rows.forEach((row, i) => {
    if (typeof row.category !== 'string' || row.category.trim() === '') invalidScale(`Kategori baris ${i + 1} wajib diisi.`);
    for (const bound of [row.minExclusive, row.maxInclusive]) {
      if (bound !== null && !isNonNegativeDecimal(bound)) invalidScale(`Batas baris ${i + 1} harus berupa angka desimal.`);
    }
    if (row.minExclusive !== null && row.maxInclusive !== null && !new Dec(row.minExclusive).lessThan(row.maxInclusive)) {
      invalidScale(`Baris ${i + 1}: batas bawah harus lebih kecil dari batas atas.`);
    }
    const next = rows[i + 1];
    if (next && (row.minExclusive === null || next.maxInclusive === null || !new Dec(row.minExclusive).equals(next.maxInclusive))) {
      invalidScale(`Baris ${i + 1} dan ${i + 2} harus bersambung tanpa celah atau tumpang tindih.`);
    }
  });
}

/** The row a shown capaian (already rounded to two places) falls in. */
export function ratingOf(shownCapaian: string, scale: RatingScale): RatingRow {
  const value = new Dec(shownCapaian);
  const row = scale.rows.find((r) =>
    (r.minExclusive === null || value.greaterThan(r.minExclusive)) && (r.maxInclusive === null || value.lessThanOrEqualTo(r.maxInclusive)),
  );
  // Unreachable for a validated scale: the rows cover every value.
  if (!row) throw new DomainError('RATING_SCALE.INVALID', `Skala penilaian tidak mencakup nilai ${shownCapaian}.`, 'validation');
  return row;
}
