import {
  approvedRealisasiOf, computeKinerja, foldEvents, perjanjianKinerjaDecider, pkForKinerja, pkStreamId, realisasiDecider, realisasiStreamId, subbagianReportingInYear,
  type ApprovedRealisasi, type KinerjaTable, type PkEvent, type PkState, type RealisasiEvent, type RealisasiState,
} from '@kinerja/domain';
import type { EventStore } from '@kinerja/event-store';

/** What the aggregates themselves say, read from their streams: the reference the read models must match. */
export async function reportStateFromStream(store: EventStore, satker: string, year: number, month: number, subbagian: string): Promise<RealisasiState> {
  const events = await store.readStream(realisasiStreamId(satker, year, month, subbagian), { tenantId: satker });
  return foldEvents(realisasiDecider, events as unknown as RealisasiEvent[]);
}

/** The PK of a year as its stream says. */
export async function pkStateFromStream(store: EventStore, satker: string, year: number): Promise<PkState> {
  const events = await store.readStream(pkStreamId(satker, year), { tenantId: satker });
  return foldEvents(perjanjianKinerjaDecider, events as unknown as PkEvent[]);
}

/** Tabel 3.2 exactly as the workflow computes it from the streams. */
export async function kinerjaFromStreams(store: EventStore, satker: string, year: number, month: number | null, timeZone = 'Asia/Jakarta'): Promise<KinerjaTable> {
  const pkEvents = await store.readStream(pkStreamId(satker, year), { tenantId: satker });
  const pkState = foldEvents(perjanjianKinerjaDecider, pkEvents as unknown as PkEvent[]);
  const pk = pkForKinerja(pkState, month, timeZone);
  if (!pk) throw new Error(`no PK in force for ${satker} ${year}`);
  const approved: ApprovedRealisasi[] = [];
  for (let m = 1; m <= (month ?? 12); m++) {
    for (const subbagian of subbagianReportingInYear(pkState)) {
      const report = approvedRealisasiOf(await reportStateFromStream(store, satker, year, m, subbagian));
      if (report) approved.push(report);
    }
  }
  return computeKinerja(pk, approved, { month });
}
