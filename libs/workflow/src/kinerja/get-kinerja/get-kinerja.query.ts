import { Optional } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { KinerjaReadModel } from '@kinerja/projections';
import {
  approvedRealisasiOf, computeKinerja, kinerjaNoApprovedPk, pkForKinerja, subbagianReportingInYear, type ApprovedRealisasi, type KinerjaTable,
} from '@kinerja/domain';
import { PkReader } from '../../perjanjian-kinerja/pk-reader';
import { RatingScaleReader } from '../../rating-scale/rating-scale.reader';
import { RealisasiReader } from '../../realisasi/realisasi-reader';
import { SatkerDirectory } from '../../shared/satker-directory';

/**
 * The live Tabel 3.2 of a year (or to date through `month`): the PK in force (to date: the version
 * month M was reported under, `pkForKinerja`) and the approved monthly reports, rated with the office's scale in force. Served from the current-performance read model when it holds every event of
 * the office, otherwise from the streams; both give the same table (the response shape is the
 * public contract).
 */
export class GetKinerjaQuery extends Query<KinerjaTable> {
  constructor(readonly satker: string, readonly year: number, readonly month: number | null = null) {
    super();
  }
}

@QueryHandler(GetKinerjaQuery)
export class GetKinerjaHandler implements IQueryHandler<GetKinerjaQuery> {
  constructor(
    private readonly pk: PkReader,
    private readonly realisasi: RealisasiReader,
    private readonly ratingScales: RatingScaleReader,
    private readonly offices: SatkerDirectory,
    @Optional() private readonly readModel?: KinerjaReadModel,
  ) {}

  async execute({ satker, year, month }: GetKinerjaQuery): Promise<KinerjaTable> {
    const ratingScale = await this.ratingScales.inForce(satker);
    const timeZone = await this.offices.timeZoneOf(satker);
    const projected = await this.readModel?.tabel32IfCaughtUp(satker, year, month, ratingScale, timeZone);
    if (projected) return projected;
    const { state } = await this.pk.load(satker, year);
    const pk = pkForKinerja(state, month, timeZone);
    if (!pk) {
      throw kinerjaNoApprovedPk(satker, year);
    }
    const loaded = await this.realisasi.loadYear(satker, year, subbagianReportingInYear(state), month ?? 12);
    const approved = loaded.map((r) => approvedRealisasiOf(r.state)).filter((r): r is ApprovedRealisasi => r !== null);
    return computeKinerja(pk, approved, { month, ratingScale });
  }
}
