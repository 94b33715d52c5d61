import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  approvedRealisasiOf, computeKinerja, DomainError, foldEvents, perjanjianKinerjaDecider, pkForKinerja, pkStreamId,
  realisasiDecider, realisasiStreamId, subbagianReportingInYear, type ApprovedRealisasi, type KinerjaTable, type PkState,
} from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import { Clock } from '@kinerja/platform';
import { RatingScaleReader } from '../../rating-scale/rating-scale.reader';
import { formatDateTimeId } from '@kinerja/reporting';
import { SatkerDirectory } from '../../shared/satker-directory';

export type KinerjaAsOf = KinerjaTable & { asOf: string };

/**
 * Time travel: Tabel 3.2 as it stood at `asOf` — what the Sekretaris saw when she approved, what the
 * Inspektorat saw on the day of the reviu. Every stream is read up to that instant (events recorded
 * at or before it), then the same pure computation as the live table runs on what was known then.
 */
export class GetKinerjaAsOfQuery extends Query<KinerjaAsOf> {
  constructor(readonly satker: string, readonly year: number, readonly month: number | null, readonly asOf: Date) {
    super();
  }
}

@QueryHandler(GetKinerjaAsOfQuery)
export class GetKinerjaAsOfHandler implements IQueryHandler<GetKinerjaAsOfQuery> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly ratingScales: RatingScaleReader,
    private readonly offices: SatkerDirectory,
  ) {}

  async execute({ satker, year, month, asOf }: GetKinerjaAsOfQuery): Promise<KinerjaAsOf> {
    if (Number.isNaN(asOf.getTime())) {
      throw new DomainError('KINERJA.INVALID_AS_OF', 'asOf harus berupa waktu ISO 8601, mis. 2025-01-10T08:00:00+07:00.', 'validation');
    }
    if (asOf.getTime() > this.clock.now().getTime()) {
      throw new DomainError('KINERJA.AS_OF_IN_FUTURE', 'asOf tidak boleh di masa depan: data masa depan belum ada.', 'validation', { asOf: asOf.toISOString() });
    }
    const pkState = await this.pkAsOf(satker, year, asOf);
    const timeZone = await this.offices.timeZoneOf(satker);
    // The versions approved by then; to date, the one month M was reported under among them.
    const pk = pkForKinerja(pkState, month, timeZone);
    if (!pk) {
      const moment = formatDateTimeId(asOf.toISOString(), timeZone);
      throw new DomainError('KINERJA.NO_APPROVED_PK', `Pada ${moment} belum ada Perjanjian Kinerja ${year} yang disetujui untuk satker ini.`, 'not_found', { satker, year, asOf: asOf.toISOString() });
    }
    const subbagian = subbagianReportingInYear(pkState);
    const approved: ApprovedRealisasi[] = [];
    for (let m = 1; m <= (month ?? 12); m++) {
      // One month at a time: the pool is shared with every other request.
      const states = await Promise.all(subbagian.map(async (code) => {
        const events = await this.store.readStream(realisasiStreamId(satker, year, m, code), { tenantId: satker, asOf });
        return foldEvents(realisasiDecider, events as never[]);
      }));
      for (const state of states) {
        const report = approvedRealisasiOf(state);
        if (report) approved.push(report);
      }
    }
    // The office's scale as it stood then, like every other input.
    const ratingScale = await this.ratingScales.inForce(satker, asOf);
    return { ...computeKinerja(pk, approved, { month, ratingScale }), asOf: asOf.toISOString() };
  }

  private async pkAsOf(satker: string, year: number, asOf: Date): Promise<PkState> {
    const events = await this.store.readStream(pkStreamId(satker, year), { tenantId: satker, asOf });
    return foldEvents(perjanjianKinerjaDecider, events as never[]);
  }
}
