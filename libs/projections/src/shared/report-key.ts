import type { GlobalEvent } from '@kinerja/event-store';
import type { Column } from './sql-rows';

/** The identity of a monthly report, as every workflow read model keys it. */
export interface ReportKey {
  satker: string;
  year: number;
  month: number;
  subbagian: string;
}

export const REPORT_KEY_COLUMNS: readonly Column[] = [
  { name: 'satker', type: 'text' },
  { name: 'year', type: 'integer' },
  { name: 'month', type: 'smallint' },
  { name: 'subbagian', type: 'text' },
];

const REALISASI_STREAM = /^realisasi:([^:]+):(\d{4}):(\d{2}):([^:]+)$/;
const PK_STREAM = /^pk:([^:]+):(\d{4})$/;

/** `realisasi:<satker>:<year>:<MM>:<subbagian>` → its key; null for any other stream. */
export function reportKeyOf(event: Pick<GlobalEvent, 'streamId'>): ReportKey | null {
  const match = REALISASI_STREAM.exec(event.streamId);
  if (!match) return null;
  return { satker: match[1], year: Number(match[2]), month: Number(match[3]), subbagian: match[4] };
}

/** `pk:<satker>:<year>` → office and year; null for any other stream. */
export function pkKeyOf(event: Pick<GlobalEvent, 'streamId'>): { satker: string; year: number } | null {
  const match = PK_STREAM.exec(event.streamId);
  return match ? { satker: match[1], year: Number(match[2]) } : null;
}

export function reportKeyText(key: ReportKey): string {
  return `${key.satker}|${key.year}|${key.month}|${key.subbagian}`;
}

export function isRealisasiEvent(type: string): boolean {
  return type.startsWith('Realisasi');
}
