import { DomainError } from '../shared/domain-error';
import { Dec, parseDecimal } from '../shared/decimal';
import { personNameKey } from '../shared/person-name';
import { hasHiddenCharacters, hasStackedMarks, MAX_MARKS_PER_CHARACTER, normalizedText, oneLineText } from '../shared/reason';

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
 * A category as people tell it apart: case, spacing, accents, fullwidth forms and letters of other
 * scripts that only imitate Latin ones do not make another one ("berhasil ", "Ｂerhasil" and Greek
 * "Βerhasil" are "Berhasil"): the fold of person names (`personNameKey`), commas kept as spaces.
 */
function categoryKey(category: string): string {
  return personNameKey(category.replace(/,/g, ' '));
}


/** A label or category holding a character a reader cannot see (zero-width, bidi controls) is refused: it reads as another; one stacking combining marks (`hasStackedMarks`) too: it covers the rows around it. */
function refuseUnreadable(text: string, what: string, details: Record<string, unknown>): void {
  if (hasHiddenCharacters(text)) {
    throw new DomainError(
      'RATING_SCALE.HIDDEN_CHARACTERS',
      `${what} berisi karakter yang tidak terlihat (mis. spasi lebar-nol atau pengatur arah teks), sehingga terbaca sama dengan teks lain; ketik ulang tanpa karakter itu.`,
      'validation',
      details,
    );
  }
  if (hasStackedMarks(text)) {
    throw new DomainError(
      'RATING_SCALE.STACKED_MARKS',
      `${what} menumpuk tanda diakritik (lebih dari ${MAX_MARKS_PER_CHARACTER} pada satu huruf, atau tanda tanpa huruf di depannya), ` +
        'sehingga tulisannya menutupi baris di sekitarnya dalam tabel dan LKj; ketik ulang dengan huruf biasa.',
      'validation',
      { ...details, maxMarksPerCharacter: MAX_MARKS_PER_CHARACTER },
    );
  }
}

/** A row's meaning as it is stored and printed: runs of white space (a line break, a tab) one space, trimmed (`oneLineText`). */
export function ratingMeaningText(meaning: string): string {
  return oneLineText(meaning);
}

/**
 * A bound as the scale stores and prints it, like Tabel 3.1 of the reference: a decimal as every
 * figure of Kinerja is typed (parseDecimal: no sign, no leading zero, at most six places; "085" is
 * refused), written without trailing zeros ("85.0" and "85.00" are "85").
 */
export function ratingBoundText(bound: unknown, row: number, side: 'bawah' | 'atas'): string {
  return parseDecimal(bound, 'RATING_SCALE.INVALID_BOUND', `Batas ${side} baris ${row} skala penilaian`).toFixed();
}

/**
 * A scale must cover every value exactly once: rows from the highest down, the first unbounded
 * above, the last unbounded below, each row's lower bound the next row's upper bound. It must tell
 * at least two categories apart, and no two rows may carry the same category (whatever its case or
 * spacing): the row a capaian falls in is what the LKj names, so two rows of one name rate alike.
 */
export function validateRatingScale(scale: RatingScale): void {
  if (!scale || typeof scale.version !== 'string' || scale.version.trim() === '') invalidScale('Versi skala penilaian wajib diisi.');
  refuseUnreadable(scale.version, `Label skala penilaian "${scale.version.trim()}"`, { field: 'label' });
  const rows = scale.rows;
  if (!Array.isArray(rows)) invalidScale('Skala penilaian harus memiliki paling sedikit dua baris.');
  if (rows.length < 2) {
    const only = rows.length === 1 && typeof rows[0]?.category === 'string' ? ` ("${rows[0].category.trim()}")` : '';
    throw new DomainError(
      'RATING_SCALE.TOO_FEW_ROWS',
      `Skala penilaian ${rows.length === 0 ? 'tidak memiliki baris' : `hanya memiliki satu baris${only}`}, sehingga ${rows.length === 0 ? 'tidak ada capaian yang dapat dinilai' : 'semua capaian mendapat kategori yang sama'}. ` +
        `Isi paling sedikit dua baris, mis. baris di atas dan di bawah 100 seperti Tabel 3.1.`,
      'validation',
      { rows: rows.length, minRows: 2 },
    );
  }
  if (rows[0].maxInclusive !== null) invalidScale('Baris pertama skala penilaian harus tanpa batas atas.');
  if (rows[rows.length - 1].minExclusive !== null) invalidScale('Baris terakhir skala penilaian harus tanpa batas bawah.');
  const categoryRow = new Map<string, number>();
  rows.forEach((row, i) => {
    if (typeof row.category !== 'string' || row.category.trim() === '') invalidScale(`Kategori baris ${i + 1} wajib diisi.`);
    refuseUnreadable(row.category, `Kategori baris ${i + 1}`, { row: i + 1, field: 'category' });
    // The meaning is Tabel 3.1's "Keterangan", a sentence: a line break or tab pasted with it is stored
    // as one space (`ratingMeaningText`), the characters a reader cannot see are refused as above.
    if (typeof row.meaning === 'string') refuseUnreadable(ratingMeaningText(row.meaning), `Keterangan baris ${i + 1}`, { row: i + 1, field: 'meaning' });
    const key = categoryKey(row.category);
    const first = categoryRow.get(key);
    if (first !== undefined) {
      throw new DomainError(
        'RATING_SCALE.DUPLICATE_CATEGORY',
        `Kategori baris ${i + 1} ("${row.category.trim()}") sama dengan kategori baris ${first + 1} ("${rows[first].category.trim()}"); ` +
          'setiap baris skala penilaian harus memiliki kategori yang berbeda. Ganti nama salah satunya atau gabungkan kedua baris.',
        'validation',
        { row: i + 1, sameAsRow: first + 1, category: row.category },
      );
    }
    categoryRow.set(key, i);
    const min = row.minExclusive === null ? null : ratingBoundText(row.minExclusive, i + 1, 'bawah');
    const max = row.maxInclusive === null ? null : ratingBoundText(row.maxInclusive, i + 1, 'atas');
    if (min !== null && max !== null && !new Dec(min).lessThan(max)) {
      invalidScale(`Baris ${i + 1}: batas bawah harus lebih kecil dari batas atas.`);
    }
    const next = rows[i + 1];
    if (next && (min === null || next.maxInclusive === null || !new Dec(min).equals(ratingBoundText(next.maxInclusive, i + 2, 'atas')))) {
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
