import { Dec } from '../shared/decimal';
import { DEFAULT_RATING_SCALE, type RatingRow, type RatingScale } from '../capaian/rating-scale';
import type { RatingScaleEvent, RatingScaleSet } from './rating-scale.events';

export type RatingScaleVersion = RatingScaleSet['data'];

export interface RatingScaleState {
  /** Oldest first; `versions[i].version === i + 1`. Empty: the office rates with the default. */
  versions: RatingScaleVersion[];
}

export function initialRatingScaleState(): RatingScaleState {
  return { versions: [] };
}

export function evolveRatingScale(state: RatingScaleState, event: RatingScaleEvent): RatingScaleState {
  switch (event.type) {
    case 'RatingScaleSet':
      return { versions: [...state.versions, event.data] };
    default: {
      const _exhaustive: never = event.type;
      return _exhaustive;
    }
  }
}

/** The office's latest version, or null while it rates with DEFAULT_RATING_SCALE. */
export function latestRatingScale(state: RatingScaleState): RatingScaleVersion | null {
  return state.versions[state.versions.length - 1] ?? null;
}

/** The scale every rating of the office uses now: its latest version, else Tabel 3.1 of the reference. */
export function ratingScaleInForce(state: RatingScaleState): RatingScale {
  const latest = latestRatingScale(state);
  return latest ? { version: latest.label, rows: latest.rows } : DEFAULT_RATING_SCALE;
}

/** Same bounds (validated decimals, compared as numbers: "100" equals "100.00"), categories and meanings, in the same order. */
export function sameRatingRows(a: readonly RatingRow[], b: readonly RatingRow[]): boolean {
  const sameBound = (x: string | null, y: string | null) => (x === null || y === null ? x === y : new Dec(x).equals(y));
  return a.length === b.length && a.every((row, i) =>
    sameBound(row.minExclusive, b[i].minExclusive) && sameBound(row.maxInclusive, b[i].maxInclusive)
    && row.category === b[i].category && row.meaning === b[i].meaning);
}
