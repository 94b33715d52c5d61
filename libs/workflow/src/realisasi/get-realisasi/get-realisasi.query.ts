import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { approvedVersionsOf, pkOpenedOn, subbagianOwingByMonth, type RealisasiKey } from '@kinerja/domain';
import { PkReader } from '../../perjanjian-kinerja/pk-reader';
import { SatkerDirectory } from '../../shared/satker-directory';
import { RealisasiReader } from '../realisasi-reader';
import { reportDeadlineView, type ReportDeadlineView } from '../report-deadline-view';
import { budgetWarningsOf } from './budget-warnings';
import { reportNotFound, toRealisasiView, type RealisasiView } from '../realisasi.view';

/**
 * `GET realisasi/{year}/{month}/{subbagian}`: the report with its deadline and whether it came in on
 * time, and its budget warnings (what the Sekretaris reviewing it should look at twice).
 */
export type RealisasiDetailView = RealisasiView & ReportDeadlineView;

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
    // The same facts and rule as the monthly list and the status matrix (`reportDeadlineView`).
    const [facts, { state: pk }] = await Promise.all([this.directory.facts(key.satker), this.pk.load(key.satker, key.year)]);
    const view = toRealisasiView(state, key, version, await budgetWarningsOf(this.dataSource, key, pk, state.content));
    const versions = approvedVersionsOf(pk);
    const owed = subbagianOwingByMonth(versions, key.year, facts.timeZone)[key.month - 1].includes(key.subbagian);
    return { ...view, ...reportDeadlineView(facts, key.year, key.month, pkOpenedOn(versions, facts.timeZone), state, owed) };
  }
}
