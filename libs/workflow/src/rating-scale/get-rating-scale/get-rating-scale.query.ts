import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RatingScaleReader } from '../rating-scale.reader';
import { toRatingScaleHistoryView, toRatingScaleView, type RatingScaleHistoryView, type RatingScaleView } from '../rating-scale.view';

/** The scale the office rates with now: its own latest version, or the default (source DEFAULT). */
export class GetRatingScaleQuery extends Query<RatingScaleView> {
  constructor(readonly satker: string) {
    super();
  }
}

/** Every version the office has set, oldest first. */
export class GetRatingScaleHistoryQuery extends Query<RatingScaleHistoryView> {
  constructor(readonly satker: string) {
    super();
  }
}

@QueryHandler(GetRatingScaleQuery)
export class GetRatingScaleHandler implements IQueryHandler<GetRatingScaleQuery> {
  constructor(private readonly reader: RatingScaleReader) {}

  async execute({ satker }: GetRatingScaleQuery): Promise<RatingScaleView> {
    return toRatingScaleView(satker, await this.reader.state(satker));
  }
}

@QueryHandler(GetRatingScaleHistoryQuery)
export class GetRatingScaleHistoryHandler implements IQueryHandler<GetRatingScaleHistoryQuery> {
  constructor(private readonly reader: RatingScaleReader) {}

  async execute({ satker }: GetRatingScaleHistoryQuery): Promise<RatingScaleHistoryView> {
    return toRatingScaleHistoryView(satker, await this.reader.state(satker));
  }
}
