import { DEFAULT_RATING_SCALE, ratingBoundText, ratingMeaningText, validateRatingScale, type RatingRow } from '../capaian/rating-scale';
import { normalizedText } from '../shared/reason';
import type { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { RatingScaleCommand, SetRatingScale } from './rating-scale.commands';
import type { RatingScaleEvent } from './rating-scale.events';
import { evolveRatingScale, initialRatingScaleState, ratingScaleInForce, sameRatingRows, type RatingScaleState } from './rating-scale.state';

/**
 * Rows as stored: only the four fields of a row (unknown keys never reach the log), the category in
 * NFKC with single spaces (`normalizedText`: a fullwidth "Ｂerhasil" is printed "Berhasil"), the
 * meaning on one line (`ratingMeaningText`: runs of white space one space, trimmed), bounds written as Tabel 3.1 writes them ("85.0" is stored, shown and printed "85").
 */
function normalisedRows(rows: RatingRow[]): RatingRow[] {
  return rows.map((r, i) => {
    if (typeof r.meaning !== 'string') {
      throw new DomainError('RATING_SCALE.INVALID', `Arti baris ${i + 1} harus berupa teks.`, 'validation');
    }
    const bound = (value: string | null, side: 'bawah' | 'atas') => (value === null ? null : ratingBoundText(value, i + 1, side));
    return { minExclusive: bound(r.minExclusive, 'bawah'), maxInclusive: bound(r.maxInclusive, 'atas'), category: normalizedText(r.category), meaning: ratingMeaningText(r.meaning) };
  });
}

/**
 * A label names one scale for good: a Tabel 3.2 shows the label it was rated with, so a label used
 * before (or the default's) may only come back with the very same rows.
 */
function assertLabelFree(label: string, rows: RatingRow[], state: RatingScaleState): void {
  const earlier = [{ label: DEFAULT_RATING_SCALE.version, rows: DEFAULT_RATING_SCALE.rows }, ...state.versions];
  const clash = earlier.find((v) => v.label === label && !sameRatingRows(v.rows, rows));
  if (clash) {
    throw new DomainError(
      'RATING_SCALE.LABEL_IN_USE',
      `Label "${label}" sudah dipakai untuk skala penilaian dengan baris yang berbeda; gunakan label baru.`,
      'conflict',
      { label },
    );
  }
}

function setRatingScale(command: SetRatingScale, state: RatingScaleState): RatingScaleEvent[] {
  const { actor, now } = command.metadata;
  if (actor.role !== 'ADMIN') {
    throw new DomainError('RATING_SCALE.FORBIDDEN', 'Hanya Admin yang dapat mengubah skala penilaian.', 'forbidden', { role: actor.role });
  }
  const d = command.data;
  validateRatingScale({ version: d.scale.label, rows: d.scale.rows });
  const label = d.scale.label.trim();
  const rows = normalisedRows(d.scale.rows);
  // The same scale again (a PUT sent twice) changes nothing: no new version.
  const inForce = ratingScaleInForce(state);
  if (inForce.version === label && sameRatingRows(inForce.rows, rows)) return [];
  assertLabelFree(label, rows, state);
  const reason = d.reason?.trim() || null;
  return [{
    type: 'RatingScaleSet',
    data: { satker: d.satker, version: state.versions.length + 1, label, rows, reason, setBy: actor.userId, setAt: now },
  }];
}

export function decideRatingScale(command: RatingScaleCommand, state: RatingScaleState): RatingScaleEvent[] {
  switch (command.type) {
    case 'SetRatingScale':
      return setRatingScale(command, state);
    default: {
      const _exhaustive: never = command.type;
      return _exhaustive;
    }
  }
}

/** The office's rating scale (Tabel 3.1), versioned: stream `rating-scale:<satker>`. */
export const ratingScaleDecider: Decider<RatingScaleState, RatingScaleCommand, RatingScaleEvent> = {
  initialState: initialRatingScaleState,
  evolve: evolveRatingScale,
  decide: decideRatingScale,
};
