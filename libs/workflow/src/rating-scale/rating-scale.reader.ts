import { Injectable } from '@nestjs/common';
import {
  foldEvents, ratingScaleDecider, ratingScaleInForce, ratingScaleStreamId, type RatingScale, type RatingScaleEvent, type RatingScaleState,
} from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';

/** Reads an office's rating-scale stream: what every rating of the office is decided with. */
@Injectable()
export class RatingScaleReader {
  constructor(private readonly store: EventStore) {}

  /** The state, optionally as it stood at `asOf` (events recorded at or before it). */
  async state(satker: string, asOf?: Date): Promise<RatingScaleState> {
    const events = await this.store.readStream(ratingScaleStreamId(satker), { tenantId: satker, ...(asOf ? { asOf } : {}) });
    return foldEvents(ratingScaleDecider, events as unknown as RatingScaleEvent[]);
  }

  /** The office's latest scale (then: at `asOf`), or DEFAULT_RATING_SCALE when it has none. */
  async inForce(satker: string, asOf?: Date): Promise<RatingScale> {
    return ratingScaleInForce(await this.state(satker, asOf));
  }
}
