import type { Command } from '../shared/decider';
import type { RatingRow } from '../capaian/rating-scale';

export type SetRatingScale = Command<'SetRatingScale', {
  satker: string;
  scale: { label: string; rows: RatingRow[] };
  reason: string | null;
}>;

export type RatingScaleCommand = SetRatingScale;
