import type { DataSource } from 'typeorm';
import {
  capaianTahunLaluStreamId, DomainError, foldCapaianTahunLalu, foldEvents, parseCapaianCsv, perjanjianKinerjaDecider, pkInForce,
  pkStreamId, validateCapaianTahunLalu, type CapaianInputLine, type CapaianTahunLaluImported, type PkEvent, type Role,
} from '@kinerja/domain';
import type { EventStore } from '@kinerja/event-store';
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

/**
 * Last year's capaian for offices whose earlier years are not in Kinerja, as events on
 * `capaian-tahun-lalu:<satker>:<forYear>`, checked against the indicators of `forYear`'s PK.
 */
export class CapaianTahunLaluService {
  constructor(private readonly dataSource: DataSource, private readonly store: EventStore, private readonly clock: Clock) {}

  async import(satker: string, forYear: number, lines: CapaianInputLine[], source: 'API' | 'CSV', by: CapaianImporter): Promise<CapaianTahunLaluView> {
    const pkEvents = await this.store.readStream(pkStreamId(satker, forYear), { tenantId: satker });
    const pk = pkInForce(foldEvents(perjanjianKinerjaDecider, pkEvents as unknown as PkEvent[]));
    if (!pk) {
      throw new DomainError(
        'CAPAIAN_TAHUN_LALU.NO_APPROVED_PK',
        `Perjanjian Kinerja ${forYear} belum disetujui: capaian ${forYear - 1} dicocokkan dengan indikatornya, jadi impor setelah PK disetujui.`,
        'conflict', { satker, forYear },
      );
    }
    const entries = validateCapaianTahunLalu(lines, pk.structure, forYear);
    const now = this.clock.now().toISOString();
    const event: CapaianTahunLaluImported = {
      type: 'CapaianTahunLaluImported',
      data: { satker, forYear, entries, source, importedBy: by.id, importedAt: now },
    };
    await this.store.append(capaianTahunLaluStreamId(satker, forYear), 'any', [event], {
      tenantId: satker, actorId: by.id, actorRole: by.role, correlationId: by.correlationId ?? `capaian-import-${Date.parse(now)}`,
    });
    return this.view(satker, forYear);
  }

  /** CSV (see `parseCapaianCsv` for the format): every faulty line is named in one refusal. */
  async importCsv(satker: string, forYear: number, text: string, by: CapaianImporter): Promise<CapaianTahunLaluView> {
    const { lines, errors } = parseCapaianCsv(text);
    if (errors.length > 0) {
      throw new DomainError('CAPAIAN_TAHUN_LALU.INVALID', errors.map((e) => e.message).join(' '), 'validation', { errors });
    }
    return this.import(satker, forYear, lines, 'CSV', by);
  }

  async view(satker: string, forYear: number): Promise<CapaianTahunLaluView> {
    const events = await this.store.readStream(capaianTahunLaluStreamId(satker, forYear), { tenantId: satker });
    const map = foldCapaianTahunLalu(events as unknown as CapaianTahunLaluImported[]);
    return {
      satker, forYear, year: forYear - 1,
      entries: [...map.entries()].map(([indicatorCode, capaian]) => ({ indicatorCode, capaian })),
    };
  }
}
