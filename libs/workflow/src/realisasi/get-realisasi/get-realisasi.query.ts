import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { RealisasiKey } from '@kinerja/domain';
import { RealisasiReader } from '../realisasi-reader';
import { toRealisasiView, type RealisasiView } from '../realisasi.view';

export class GetRealisasiQuery extends Query<RealisasiView> {
  constructor(readonly key: RealisasiKey) {
    super();
  }
}

@QueryHandler(GetRealisasiQuery)
export class GetRealisasiHandler implements IQueryHandler<GetRealisasiQuery> {
  constructor(private readonly reader: RealisasiReader) {}

  async execute({ key }: GetRealisasiQuery): Promise<RealisasiView> {
    const { state, version } = await this.reader.load(key);
    return toRealisasiView(state, key, version);
  }
}
