import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { realisasiStreamId, type RealisasiContent, type RealisasiEvent, type RealisasiKey } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import { SatkerDirectory } from '../../shared/satker-directory';
import { reportNotFound } from '../realisasi.view';
import { describeRealisasiEvent, type RealisasiHistoryEntry } from './realisasi-history.describe';

export interface RealisasiHistoryView {
  satker: string;
  year: number;
  month: number;
  subbagian: string;
  version: number;
  entries: RealisasiHistoryEntry[];
}

/** Every event of one report in words: who, when, what, values before → after. */
export class GetRealisasiHistoryQuery extends Query<RealisasiHistoryView> {
  constructor(readonly key: RealisasiKey) {
    super();
  }
}

@QueryHandler(GetRealisasiHistoryQuery)
export class GetRealisasiHistoryHandler implements IQueryHandler<GetRealisasiHistoryQuery> {
  constructor(
    private readonly store: EventStore,
    private readonly directory: SatkerDirectory,
  ) {}

  async execute({ key }: GetRealisasiHistoryQuery): Promise<RealisasiHistoryView> {
    const streamId = realisasiStreamId(key.satker, key.year, key.month, key.subbagian);
    const events = await this.store.readStream(streamId, { tenantId: key.satker });
    if (events.length === 0) {
      throw reportNotFound(key, await this.directory.allSubbagianCodes(key.satker));
    }
    // By id, not by office: an ADMIN or INSPEKTORAT of an office above acts on the office's reports too.
    const names = await this.directory.names(events.map((recorded) => recorded.metadata.actorId));
    let content: RealisasiContent | null = null;
    const entries = events.map((recorded, index): RealisasiHistoryEntry => {
      const event = { type: recorded.type, data: recorded.data } as RealisasiEvent;
      const told = describeRealisasiEvent(event, content);
      if (event.type === 'RealisasiDraftSaved' || event.type === 'RealisasiRevisionWithdrawn') content = { lines: event.data.lines, budget: event.data.budget };
      const person = names.get(recorded.metadata.actorId);
      return {
        version: index + 1, type: event.type, at: commandTime(event) ?? new Date(recorded.recordedAt).toISOString(),
        recordedAt: new Date(recorded.recordedAt).toISOString(),
        by: { id: recorded.metadata.actorId, username: person?.username ?? null, fullName: person?.fullName ?? null, role: recorded.metadata.actorRole },
        ...told,
      };
    });
    return { ...key, version: events.length, entries };
  }
}

/** The time the command carried (from the one clock), e.g. `submittedAt`. */
function commandTime(event: RealisasiEvent): string | null {
  const data = event.data as unknown as Record<string, unknown>;
  const field = Object.keys(data).find((k) => k.endsWith('At') && typeof data[k] === 'string');
  return field ? (data[field] as string) : null;
}
