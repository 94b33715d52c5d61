import { once } from 'node:events';
import type { Response } from 'express';
import { officeZoneAbbreviation } from '@kinerja/domain';
import type { AuditTrailItem } from '@kinerja/projections/audit-trail/audit-trail.query';

/** The office's IANA time zone for a row's office (`satker`). */
export type OfficeTimeZones = (satker: string) => string | undefined;

// One formatter per zone, kept for the process: building one loads the zone's rules.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as the office's clock showed it, with the zone written out: "2026-12-07 08:19:19 WIT".
 * A person reading the export in Excel compares it with the LKj and the messages, which use the
 * office's time; a UTC instant late in the day would otherwise land on the previous date. An office
 * whose zone is unknown gets the instant in UTC, said so ("… UTC"), never a guessed zone.
 */
export function officeLocalTime(instantIso: string, timeZone: string | undefined): string {
  const zone = timeZone ?? 'UTC';
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(zone, formatter);
  }
  const parts = formatter.formatToParts(new Date(instantIso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')} ${officeZoneAbbreviation(zone)}`;
}

/** An office's integrity when the export was made: the ids of its open alerts (none: OK). */
export type OfficeOpenAlerts = (satker: string) => readonly number[];

/** What a row of an export is told with besides itself: its office's clock and integrity. */
export interface ExportContext {
  zones: OfficeTimeZones;
  openAlerts: OfficeOpenAlerts;
}

/** The `integrity` of each JSON Lines record: the banner's status and the office's open alerts. */
export function rowIntegrity(alertIds: readonly number[]): { status: 'OK' | 'DAMAGED'; alertIds: number[] } {
  return { status: alertIds.length === 0 ? 'OK' : 'DAMAGED', alertIds: [...alertIds] };
}

/**
 * The CSV's `status_integritas`, for the person who opens the file in Excel, where no HTTP header
 * is seen: `OK`, or `RUSAK` naming the office's open alerts.
 */
export function integrityWords(alertIds: readonly number[]): string {
  if (alertIds.length === 0) return 'OK';
  return `RUSAK: peringatan integritas ${alertIds.map((id) => `#${id}`).join(', ')} masih terbuka; data satker ini tidak dapat dipercaya sampai diperiksa`;
}

type Column = [string, (i: AuditTrailItem, context: ExportContext) => string | number | null];

/**
 * The person named as the actor; one whose act a program recorded on their behalf says so
 * ("Ketua Demo (dimuat oleh seed:demo)"): the row is history loaded, not something they did then.
 */
export function actorWords(actor: AuditTrailItem['actor']): string | null {
  if (actor.loadedBy === null) return actor.name;
  return `${actor.name ?? actor.id} (dimuat oleh ${actor.loadedBy})`;
}

/**
 * `waktu_kantor` is the office's local time of each row (its own office's, across offices);
 * `waktu_utc` keeps the instant for programs (ISO 8601, `Z`), under a name that says it is UTC.
 * `waktu_kejadian_kantor` is when the event says it happened (its `approvedAt` …), on the same
 * clock; empty where it states none.
 */
const CSV_COLUMNS: Column[] = [
  ['urutan', (i) => i.sequence],
  ['waktu_kantor', (i, c) => officeLocalTime(i.recordedAt, c.zones(i.satker))],
  ['waktu_utc', (i) => i.recordedAt],
  ['waktu_kejadian_kantor', (i, c) => (i.occurredAt === null ? null : officeLocalTime(i.occurredAt, c.zones(i.satker)))],
  ['jenis_peristiwa', (i) => i.eventType],
  ['nama_pelaku', (i) => actorWords(i.actor)],
  ['username', (i) => i.actor.username],
  ['peran', (i) => i.actor.role],
  ['id_pelaku', (i) => i.actor.id],
  ['subjek', (i) => i.subject.kind],
  ['stream', (i) => i.subject.streamId],
  ['tahun', (i) => i.subject.year],
  ['bulan', (i) => i.subject.month],
  ['subbagian', (i) => i.subject.subbagian],
  ['versi_pk', (i) => i.subject.pkVersion],
  ['revisi_laporan', (i) => i.subject.reportRevision],
  ['ringkasan', (i) => i.summary],
  ['perubahan', (i) => i.changes.map((c) => `${c.indicatorCode ? `${c.indicatorCode} ` : ''}${c.field}: ${c.before ?? 'kosong'} → ${c.after ?? 'kosong'}`).join('; ')],
  ['alasan', (i) => i.reason],
  ['correlation_id', (i) => i.correlationId],
  ['hash_sebelumnya', (i) => i.chain.previousHash],
  ['hash', (i) => i.chain.hash],
];

/**
 * The column separators offered. Excel opens a CSV by double-click with the list separator of the
 * Windows regional settings: `;` under Indonesian ones (where `,` is the decimal comma), `,` under
 * English (US) ones. Semicolon is the default: the Inspektorat's Excel, as the capaian import.
 */
export const CSV_DELIMITERS = ['semicolon', 'comma'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];
const SEPARATOR: Record<CsvDelimiter, string> = { semicolon: ';', comma: ',' };

/** Excel reads a CSV as UTF-8 only when it starts with the byte order mark; without it, "→" and names become mojibake. */
export const UTF8_BOM = '\uFEFF';

/**
 * RFC 4180 quoting: a cell holding a quote, a line break or either separator is quoted and its
 * quotes doubled (both separators, so that a reader guessing the separator cannot split a cell).
 * A text cell that a spreadsheet would run as a formula (= + - @, tab or CR at the start) gets a
 * leading apostrophe: an auditor opening the export must not execute what a user typed.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Each row first says whether its office's data can be trusted (the office's status when the export was made). */
const INTEGRITY_COLUMN: Column = ['status_integritas', (i, c) => integrityWords(c.openAlerts(i.satker))];

const CSV_COLUMNS_ONE: Column[] = [INTEGRITY_COLUMN, ...CSV_COLUMNS];

/** Across offices the export leads with the office of each row, then its integrity. */
const CSV_COLUMNS_ACROSS: Column[] = [['satker', (i) => i.satker], INTEGRITY_COLUMN, ...CSV_COLUMNS];

const columnsFor = (acrossOffices: boolean) => (acrossOffices ? CSV_COLUMNS_ACROSS : CSV_COLUMNS_ONE);

export function csvHeader(delimiter: CsvDelimiter, acrossOffices = false): string {
  return `${columnsFor(acrossOffices).map(([name]) => name).join(SEPARATOR[delimiter])}\r\n`;
}

export function csvLine(item: AuditTrailItem, delimiter: CsvDelimiter, context: ExportContext, acrossOffices = false): string {
  return `${columnsFor(acrossOffices).map(([, get]) => csvCell(get(item, context))).join(SEPARATOR[delimiter])}\r\n`;
}

/** One JSON Lines record: the row, led by its office's integrity. */
export function jsonLine(item: AuditTrailItem, context: ExportContext): string {
  return `${JSON.stringify({ integrity: rowIntegrity(context.openAlerts(item.satker)), ...item })}\n`;
}

export interface ExportFormat {
  format: 'csv' | 'jsonl';
  /** CSV only; semicolon when not given. */
  delimiter?: CsvDelimiter;
}

/**
 * Streams the rows as they are read, page by page, honouring back-pressure. A CSV starts with the
 * UTF-8 BOM and tells each row's time in its office's zone (`context.zones`) beside the UTC instant;
 * JSON Lines, for programs, keeps `recordedAt` in UTC only. Every row carries its office's integrity
 * as the export began (`context.openAlerts`), in the file itself: a saved file or a spreadsheet never
 * sees the `X-Integrity-Status` header, which says the same for the whole answer.
 */
export async function streamExport(
  res: Response,
  { format, delimiter = 'semicolon' }: ExportFormat,
  fileName: string,
  items: AsyncIterable<AuditTrailItem>,
  context: ExportContext,
  acrossOffices = false,
): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}.${format === 'csv' ? 'csv' : 'jsonl'}"`);
  const write = async (chunk: string) => {
    if (!res.write(chunk)) await once(res, 'drain');
  };
  try {
    if (format === 'csv') await write(UTF8_BOM + csvHeader(delimiter, acrossOffices));
    for await (const item of items) await write(format === 'csv' ? csvLine(item, delimiter, context, acrossOffices) : jsonLine(item, context));
    res.end();
  } catch (error) {
    // Headers are gone: all that is left is to cut the stream so the client sees it incomplete.
    res.destroy(error as Error);
  }
}
