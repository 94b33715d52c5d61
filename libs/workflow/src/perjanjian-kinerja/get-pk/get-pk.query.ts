import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PkReader } from '../pk-reader';
import { toPkView, type PkView } from '../pk.view';

/** The PK of a year: the version in force and the working draft, if any. */
export class GetPkQuery extends Query<PkView> {
  constructor(readonly satker: string, readonly year: number) {
    super();
  }
}

@QueryHandler(GetPkQuery)
export class GetPkHandler implements IQueryHandler<GetPkQuery> {
  constructor(private readonly reader: PkReader) {}

  async execute({ satker, year }: GetPkQuery): Promise<PkView> {
    const { state, version } = await this.reader.load(satker, year);
    return toPkView(state, satker, year, version);
  }
}
