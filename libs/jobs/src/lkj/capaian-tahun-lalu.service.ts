import type { DataSource } from 'typeorm';
import {
  capaianTahunLaluStreamId, decodeCapaianCsv, DomainError, foldCapaianTahunLalu, foldEvents, parseCapaianCsv, perjanjianKinerjaDecider, pkInForce,
  pkStreamId, validateCapaianTahunLalu, type CapaianInputLine, type CapaianLineError, type CapaianTahunLaluImported, type PkEvent, type Role,
} from '@kinerja/domain';
import { actorScopedKey, ConcurrencyError, type CommandOptions, type EventStore, type ExpectedVersion } from '@kinerja/event-store';
import type { Clock } from '@kinerja/platform';

export interface CapaianImporter {
  id: string;
  role: Role;
  correlationId?: string;
}

export interface CapaianTahunLaluView {
  satker: string;
  /** The year whose LKj shows these figures beside its own. */
  forYear: number;
  /** The year the figures are from. */
  year: number;
  entries: Array<{ indicatorCode: string; capaian: string }>;
}

/** An import's answer: the figures after it, the events in the stream (ETag), whether it is a replay. */
export interface CapaianImportOutcome {
  view: CapaianTahunLaluView;
  version: number;
  replayed: boolean;
}

/**
 * Last year's capaian for offices whose earlier years are not in Kinerja, as events on
 * `capaian-tahun-lalu:<satker>:<forYear>`, checked against the indicators of `forYear`'s PK.
 */
export class CapaianTahunLaluService {
  constructor(private readonly dataSource: DataSource, private readonly store: EventStore, private readonly clock: Clock) {}

  /**
   * Records an import. With an Idempotency-Key a retry answers as the first import did and records
   * nothing, also when it arrives while the first is being stored; with If-Match (the stream's
   * version) a stale one is refused with 409; without, an import adds to whatever is there.
   */
  async import(
    satker: string,
    forYear: number,
    lines: CapaianInputLine[],
    source: 'API' | 'CSV',
    by: CapaianImporter,
    options: CommandOptions = {},
    unreadable: CapaianLineError[] = [],
  ): Promise<CapaianImportOutcome> {
    const key = actorScopedKey(by.id, options.idempotencyKey);
    const requestFingerprint = options.requestFingerprint ?? null;
    if (key) {
      const replay = await this.replay(satker, forYear, key, requestFingerprint);
      if (replay) return replay;
    }
    try {
      return await this.record(satker, forYear, lines, source, by, options, unreadable, key);
    } catch (error) {
      // With If-Match, a duplicate that checked the key before the first was stored meets the first's
      // event as a stale version: it is that import, answered as such, not a 409.
      if (key && options.expectedVersion != null && error instanceof ConcurrencyError) {
        const replay = await this.replay(satker, forYear, key, requestFingerprint);
        if (replay) return replay;
      }
      throw error;
    }
  }

  /** The answer the key's first import got, as the stream stood right after it; null for a new key. */
  private async replay(satker: string, forYear: number, key: string, requestFingerprint: string | null): Promise<CapaianImportOutcome | null> {
    const first = await this.store.firstAppendOf(satker, key, { streamId: capaianTahunLaluStreamId(satker, forYear), requestFingerprint });
    return first ? { ...(await this.at(satker, forYear, first.lastVersion + 1)), replayed: true } : null;
  }

  private async record(
    satker: string,
    forYear: number,
    lines: CapaianInputLine[],
    source: 'API' | 'CSV',
    by: CapaianImporter,
    options: CommandOptions,
    unreadable: CapaianLineError[],
    key: string | null,
  ): Promise<CapaianImportOutcome> {
    const streamId = capaianTahunLaluStreamId(satker, forYear);
    const requestFingerprint = options.requestFingerprint ?? null;
    const expectedVersion = options.expectedVersion ?? null;
    let expected: ExpectedVersion = 'any';
    if (expectedVersion !== null) {
      const version = (await this.store.readStream(streamId, { tenantId: satker })).length;
      if (version !== expectedVersion) throw new ConcurrencyError(streamId, expectedVersion, version);
      expected = version === 0 ? 'no-stream' : version - 1;
    }
    const pkEvents = await this.store.readStream(pkStreamId(satker, forYear), { tenantId: satker });
    const pk = pkInForce(foldEvents(perjanjianKinerjaDecider, pkEvents as unknown as PkEvent[]));
    if (!pk) {
      throw new DomainError(
        'CAPAIAN_TAHUN_LALU.NO_APPROVED_PK',
        `Perjanjian Kinerja ${forYear} belum disetujui: capaian ${forYear - 1} dicocokkan dengan indikatornya, jadi impor setelah PK disetujui.`,
        'conflict', { satker, forYear },
      );
    }
    const entries = validateCapaianTahunLalu(lines, pk.structure, forYear, unreadable, source);
    const now = this.clock.now().toISOString();
    const event: CapaianTahunLaluImported = {
      type: 'CapaianTahunLaluImported',
      data: { satker, forYear, entries, source, importedBy: by.id, importedAt: now },
    };
    const appended = await this.store.append(streamId, expected, [event], {
      tenantId: satker, actorId: by.id, actorRole: by.role, correlationId: by.correlationId ?? `capaian-import-${Date.parse(now)}`,
      idempotencyKey: key, requestFingerprint,
    });
    // Replayed: the same import, sent at once with the same key, was recorded first (the append checked its stream and fingerprint).
    return { ...(await this.at(satker, forYear, appended.nextExpectedVersion + 1)), replayed: appended.replayed };
  }

  /**
   * CSV (see `parseCapaianCsv` for the format): every faulty line is named in one refusal. An uploaded
   * file's bytes must be UTF-8 (`decodeCapaianCsv`): a UTF-16 or ANSI file is refused before anything else.
   */
  async importCsv(
    satker: string, forYear: number, file: string | Uint8Array, by: CapaianImporter, options: CommandOptions = {},
  ): Promise<CapaianImportOutcome> {
    const { lines, errors } = parseCapaianCsv(typeof file === 'string' ? file : decodeCapaianCsv(file));
    return this.import(satker, forYear, lines, 'CSV', by, options, errors);
  }

  async view(satker: string, forYear: number): Promise<CapaianTahunLaluView> {
    return (await this.at(satker, forYear)).view;
  }

  /** The figures with the number of events in the stream (the ETag), now or as of `toVersion` events. */
  async at(satker: string, forYear: number, toVersion?: number): Promise<{ view: CapaianTahunLaluView; version: number }> {
    const options = toVersion === undefined ? { tenantId: satker } : { tenantId: satker, toVersion: toVersion - 1 };
    const events = await this.store.readStream(capaianTahunLaluStreamId(satker, forYear), options);
    const map = foldCapaianTahunLalu(events as unknown as CapaianTahunLaluImported[]);
    return {
      version: events.length,
      view: {
        satker, forYear, year: forYear - 1,
        entries: [...map.entries()].map(([indicatorCode, capaian]) => ({ indicatorCode, capaian })),
      },
    };
  }
}
