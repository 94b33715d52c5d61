import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { RealisasiKey } from '@kinerja/domain';
import { PkReader } from '../../perjanjian-kinerja/pk-reader';
import { SatkerDirectory } from '../../shared/satker-directory';
import { RealisasiReader } from '../realisasi-reader';
import { reportDeadlineOf, type RealisasiDetailView } from '../report-deadline-view';
import { reportWarningsOf } from './report-warnings';
import { reportNotFound, toRealisasiView } from '../realisasi.view';

export type { RealisasiDetailView } from '../report-deadline-view';

/**
 * `GET realisasi/{year}/{month}/{subbagian}`: the report with its deadline and whether it came in on
 * time, and its warnings (what the Sekretaris reviewing it should look at twice).
 */
export class GetRealisasiQuery extends Query<RealisasiDetailView> {
  constructor(readonly key: RealisasiKey) {
    super();
  }
}

@QueryHandler(GetRealisasiQuery)
export class GetRealisasiHandler implements IQueryHandler<GetRealisasiQuery> {
  constructor(
    private readonly reader: RealisasiReader,
    private readonly directory: SatkerDirectory,
    private readonly pk: PkReader,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ key }: GetRealisasiQuery): Promise<RealisasiDetailView> {
    const { state, version } = await this.reader.load(key);
    if (state.status === 'EMPTY') throw reportNotFound(key, await this.directory.allSubbagianCodes(key.satker));
    // The same facts and rule as the monthly list, the status matrix and the command answers (`reportDeadlineOf`).
    const [facts, { state: pk }] = await Promise.all([this.directory.facts(key.satker), this.pk.load(key.satker, key.year)]);
    const view = toRealisasiView(state, key, version, await reportWarningsOf(this.dataSource, key, pk, state));
    return { ...view, ...reportDeadlineOf(facts, pk, key, state) };
  }
}
