import type { RatingScale } from '@kinerja/domain';
import { rangeLabel } from './capaian-figures';
import type { LkjRatingRow } from './lkj-model.types';

/** Tabel 3.1 as the LKj prints it: number, range, category and meaning of each row, highest first. */
export function ratingScaleTable(scale: RatingScale): LkjRatingRow[] {
  return scale.rows.map((r, i) => ({ no: i + 1, range: rangeLabel(r), category: r.category, meaning: r.meaning }));
}

/**
 * Would an LKj rated with scale `a` read the same rated with scale `b`? Everything the document
 * shows from the scale follows from the rows of the Tabel 3.1 it prints: every category (an
 * indicator's, a kegiatan's, a program's, the office's average, in Tabel 3.2, the analyses and the
 * text) is the row the shown capaian falls in, the count per category lists the rows' categories,
 * and the categories that say "target reached" are the row holding 100% and those above it. A range
 * prints its bounds exactly (`rangeLabel`), so equal printed rows are equal rows and rate every
 * figure alike; different printed rows change Tabel 3.1 itself. The label is not printed (only
 * folded into the model digest, which every production changes anyway): a new label over the
 * same rows changes nothing a reader sees.
 */
export function lkjReadsScalesAlike(a: RatingScale, b: RatingScale): boolean {
  return JSON.stringify(ratingScaleTable(a)) === JSON.stringify(ratingScaleTable(b));
}
