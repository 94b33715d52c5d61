import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PkReader } from '../pk-reader';
import { toPkVersionsView, type PkVersionsView } from '../pk.view';

/** Every version of the year's PK, approved, superseded and working alike. */
export class ListPkVersionsQuery extends Query<PkVersionsView> {
  constructor(readonly satker: string, readonly year: number) {
    super();
  }
}

@QueryHandler(ListPkVersionsQuery)
export class ListPkVersionsHandler implements IQueryHandler<ListPkVersionsQuery> {
  constructor(private readonly reader: PkReader) {}

  async execute({ satker, year }: ListPkVersionsQuery): Promise<PkVersionsView> {
    const { state, version } = await this.reader.load(satker, year);
    return toPkVersionsView(state, satker, year, version);
  }
}
