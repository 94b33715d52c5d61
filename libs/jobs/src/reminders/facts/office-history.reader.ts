import type { PkEvent, RealisasiEvent } from '@kinerja/domain';
import { DataSource } from 'typeorm';
import { OfficeHistory, realisasiKey } from './report-facts';

interface StreamEventRow {
  stream_id: string;
  type: string;
  data: unknown;
}

/** The years whose streams to read: the PK streams of some, the monthly-report streams of others. */
export interface HistoryYears {
  pk: readonly number[];
  reports: readonly number[];
}

/**
 * Reads an office's PK and monthly-report streams for some years straight from the event log, in
 * stream order (`into`: added to a history already read, of other years). All their event types are at schema version 1 today; when one gains an upcaster,
 * this must read through the event store's upcasting instead.
 */
export class OfficeHistoryReader {
  constructor(private readonly dataSource: DataSource) {}

  async read(satker: string, years: HistoryYears, subbagianNames: Map<string, string>, into?: OfficeHistory): Promise<OfficeHistory> {
    const patterns = [...years.pk.map((y) => `pk:${satker}:${y}`), ...years.reports.map((y) => `realisasi:${satker}:${y}:%`)];
    const history: OfficeHistory = into ?? { pk: new Map(), realisasi: new Map(), subbagianNames };
    if (patterns.length === 0) return history;
    const rows: StreamEventRow[] = await this.dataSource.query(
      `SELECT e.stream_id, e.type, e.data FROM events e
        WHERE e.tenant_id = $1 AND e.stream_id LIKE ANY ($2::text[])
        ORDER BY e.stream_id, e.stream_version`,
      [satker, patterns],
    );
    for (const row of rows) {
      const event = { type: row.type, data: row.data };
      const parts = row.stream_id.split(':');
      if (parts[0] === 'pk') {
        const year = Number(parts[2]);
        history.pk.set(year, [...(history.pk.get(year) ?? []), event as PkEvent]);
      } else {
        const key = realisasiKey(Number(parts[2]), Number(parts[3]), parts.slice(4).join(':'));
        const events = history.realisasi.get(key) ?? [];
        events.push(event as RealisasiEvent);
        history.realisasi.set(key, events);
      }
    }
    return history;
  }
}
