import { once } from 'node:events';
import type { Response } from 'express';
import type { AuditTrailItem } from '@kinerja/projections/audit-trail/audit-trail.query';

const CSV_COLUMNS: Array<[string, (i: AuditTrailItem) => string | number | null]> = [
  ['urutan', (i) => i.sequence],
  ['waktu', (i) => i.recordedAt],
  ['jenis_peristiwa', (i) => i.eventType],
  ['nama_pelaku', (i) => i.actor.name],
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
 * RFC 4180 quoting. A text cell that a spreadsheet would run as a formula (= + - @ at the start)
 * gets a leading apostrophe: an auditor opening the export must not execute what a user typed.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Across offices the export leads with the office of each row. */
const CSV_COLUMNS_ACROSS: typeof CSV_COLUMNS = [['satker', (i) => i.satker], ...CSV_COLUMNS];

const columnsFor = (acrossOffices: boolean) => (acrossOffices ? CSV_COLUMNS_ACROSS : CSV_COLUMNS);

export function csvHeader(acrossOffices = false): string {
  return `${columnsFor(acrossOffices).map(([name]) => name).join(',')}\r\n`;
}

export function csvLine(item: AuditTrailItem, acrossOffices = false): string {
  return `${columnsFor(acrossOffices).map(([, get]) => csvCell(get(item))).join(',')}\r\n`;
}

/** Streams the rows as they are read, page by page, honouring back-pressure. */
export async function streamExport(
  res: Response,
  format: 'csv' | 'jsonl',
  fileName: string,
  items: AsyncIterable<AuditTrailItem>,
  acrossOffices = false,
): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}.${format === 'csv' ? 'csv' : 'jsonl'}"`);
  const write = async (chunk: string) => {
    if (!res.write(chunk)) await once(res, 'drain');
  };
  try {
    if (format === 'csv') await write(csvHeader(acrossOffices));
    for await (const item of items) await write(format === 'csv' ? csvLine(item, acrossOffices) : `${JSON.stringify(item)}\n`);
    res.end();
  } catch (error) {
    // Headers are gone: all that is left is to cut the stream so the client sees it incomplete.
    res.destroy(error as Error);
  }
}
