import { DEFAULT_RATING_SCALE, latestRatingScale, type RatingRow, type RatingScaleState, type RatingScaleVersion } from '@kinerja/domain';

/**
 * The scale an office rates with, as the API shows it. `version` is 0 for the default (Tabel 3.1 of
 * the reference) and 1, 2, … for the office's own; it is also the version clients send in If-Match.
 * `label` is what a Tabel 3.2 names as its `ratingScaleVersion`.
 */
export interface RatingScaleView {
  satker: string;
  version: number;
  label: string;
  rows: RatingRow[];
  source: 'DEFAULT' | 'OFFICE';
  reason: string | null;
  setBy: string | null;
  setAt: string | null;
}

export interface RatingScaleHistoryView {
  satker: string;
  /** Oldest first; empty while the office rates with the default. */
  versions: RatingScaleView[];
}

function officeView(v: RatingScaleVersion): RatingScaleView {
  return { satker: v.satker, version: v.version, label: v.label, rows: v.rows, source: 'OFFICE', reason: v.reason, setBy: v.setBy, setAt: v.setAt };
}

export function toRatingScaleView(satker: string, state: RatingScaleState): RatingScaleView {
  const latest = latestRatingScale(state);
  if (latest) return officeView(latest);
  return {
    satker, version: 0, label: DEFAULT_RATING_SCALE.version, rows: DEFAULT_RATING_SCALE.rows, source: 'DEFAULT', reason: null, setBy: null, setAt: null,
  };
}

export function toRatingScaleHistoryView(satker: string, state: RatingScaleState): RatingScaleHistoryView {
  return { satker, versions: state.versions.map(officeView) };
}
