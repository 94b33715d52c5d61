import type { Event } from '../shared/decider';
import type { RatingRow } from '../capaian/rating-scale';

/**
 * The ADMIN put a new version of the office's rating scale (Tabel 3.1) in force. `version` counts
 * 1, 2, … within the office; `label` is what a Tabel 3.2 names as its `ratingScaleVersion`.
 */
export type RatingScaleSet = Event<'RatingScaleSet', {
  satker: string;
  version: number;
  label: string;
  rows: RatingRow[];
  reason: string | null;
  setBy: string;
  setAt: string;
}>;

export type RatingScaleEvent = RatingScaleSet;
export type RatingScaleEventType = RatingScaleEvent['type'];

/** One stream per office: `rating-scale:<satker>`. */
export function ratingScaleStreamId(satker: string): string {
  return `rating-scale:${satker}`;
}
