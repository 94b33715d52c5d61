import { csvCell, csvHeader, csvLine, type ExportContext, officeLocalTime, streamExport, UTF8_BOM } from './audit-export';
import type { Response } from 'express';
import type { AuditTrailItem } from '@kinerja/projections/audit-trail/audit-trail.query';

const item: AuditTrailItem = {
  satker: 'kpu-kab-jember', sequence: 7, eventId: 'e', recordedAt: '2025-01-01T00:00:00.000Z', occurredAt: '2025-01-01T00:00:00.000Z', eventType: 'RealisasiReturned',
  actor: { id: 'u', name: 'Siti, S.E.', username: 'sekretaris', role: 'SEKRETARIS', loadedBy: null },
  subject: { kind: 'REALISASI', streamId: 's', year: 2024, month: 3, subbagian: 'KUL', pkVersion: null, reportRevision: 0 },
  summary: 'Mengembalikan laporan; lihat alasan.', changes: [{ indicatorCode: 'K4.1', indicatorName: null, field: 'realisasi', before: '0,5', after: null }],
  reason: 'Angka "0" salah', correlationId: 'c', chain: { sequence: 7, previousHash: 'p', hash: 'h' },
};
const jakarta: ExportContext = { zones: (satker) => (satker === 'kpu-kab-jember' ? 'Asia/Jakarta' : undefined), openAlerts: () => [] };
/** The office's alerts #3 and #12 are open. */
const damaged: ExportContext = { ...jakarta, openAlerts: (satker) => (satker === 'kpu-kab-jember' ? [3, 12] : []) };

/** The cells of one CSV line as RFC 4180 reads them, for the separator given. */
function cells(line: string, separator: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  const text = line.replace(/\r\n$/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) { out.push(cell); cell = ''; } else cell += c;
  }
  out.push(cell);
  return out;
}

describe('CSV export of the audit trail', () => {
  it('quotes commas, semicolons, quotes and line breaks as RFC 4180 says, whichever separator is chosen', () => {
    expect(csvCell('biasa')).toBe('biasa');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('a; b')).toBe('"a; b"');
    expect(csvCell('kata "kutip"')).toBe('"kata ""kutip"""');
    expect(csvCell('baris\nbaru')).toBe('"baris\nbaru"');
    expect(csvCell('baris\r\nbaru')).toBe('"baris\r\nbaru"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+62')).toBe("'+62");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('=1;2')).toBe('"\'=1;2"');
  });

  it('separates cells with semicolons or commas, one CRLF-terminated line per event, the same number of cells as the header', () => {
    for (const [delimiter, separator] of [['semicolon', ';'], ['comma', ',']] as const) {
      const header = csvHeader(delimiter);
      const line = csvLine(item, delimiter, jakarta);
      expect(header.endsWith('\r\n') && line.endsWith('\r\n')).toBe(true);
      expect(cells(header, separator).slice(0, 6)).toEqual(['status_integritas', 'urutan', 'waktu_kantor', 'waktu_utc', 'waktu_kejadian_kantor', 'jenis_peristiwa']);
      const row = cells(line, separator);
      expect(row.slice(0, 4)).toEqual(['OK', '7', '2025-01-01 07:00:00 WIB', '2025-01-01T00:00:00.000Z']);
      expect(row.slice(2, 4)).toEqual(['2025-01-01 07:00:00 WIB', '2025-01-01T00:00:00.000Z']);
      expect(row).toHaveLength(cells(header, separator).length);
      expect(row[cells(header, separator).indexOf('nama_pelaku')]).toBe('Siti, S.E.');
      expect(row[cells(header, separator).indexOf('ringkasan')]).toBe('Mengembalikan laporan; lihat alasan.');
      expect(row[cells(header, separator).indexOf('perubahan')]).toBe('K4.1 realisasi: 0,5 → kosong');
      expect(row[cells(header, separator).indexOf('alasan')]).toBe('Angka "0" salah');
      expect(csvHeader(delimiter, true).startsWith(`satker${separator}status_integritas${separator}urutan${separator}`)).toBe(true);
      expect(csvLine(item, delimiter, jakarta, true).startsWith(`kpu-kab-jember${separator}OK${separator}7${separator}`)).toBe(true);
      expect(cells(csvLine(item, delimiter, jakarta, true), separator)).toHaveLength(cells(csvHeader(delimiter, true), separator).length);
    }
  });

  it("tells each row's time as its office's clock showed it, with the zone, beside the UTC instant", () => {
    // 23.19 UTC on 6 December is already 7 December in Jayapura (WIT, +9) and Makassar (WITA, +8).
    const late = '2026-12-06T23:19:19.797Z';
    expect(officeLocalTime(late, 'Asia/Jayapura')).toBe('2026-12-07 08:19:19 WIT');
    expect(officeLocalTime(late, 'Asia/Makassar')).toBe('2026-12-07 07:19:19 WITA');
    expect(officeLocalTime(late, 'Asia/Jakarta')).toBe('2026-12-07 06:19:19 WIB');
    expect(officeLocalTime(late, undefined)).toBe('2026-12-06 23:19:19 UTC');
    const zones = (satker: string) => ({ 'kpu-kab-jayapura': 'Asia/Jayapura', 'kpu-kab-jember': 'Asia/Jakarta' } as Record<string, string>)[satker];
    const header = cells(csvHeader('semicolon', true), ';');
    const [papua, jember] = ['kpu-kab-jayapura', 'kpu-kab-jember'].map((satker) => cells(csvLine({ ...item, satker, recordedAt: late }, 'semicolon', { zones, openAlerts: () => [] }, true), ';'));
    expect([papua, jember].map((row) => [row[header.indexOf('waktu_kantor')], row[header.indexOf('waktu_utc')]])).toEqual([
      ['2026-12-07 08:19:19 WIT', late],
      ['2026-12-07 06:19:19 WIB', late],
    ]);
  });

  it('tells when a row was recorded and when its event says it happened, and names history seed:demo loaded for a person as such (QA7 finding 2)', () => {
    const seeded: AuditTrailItem = {
      ...item, eventType: 'PkApproved', recordedAt: '2026-12-07T22:47:00.000Z', occurredAt: '2024-01-16T02:00:00.000Z',
      actor: { id: 'k', name: 'Ketua Demo', username: 'ketua', role: 'KETUA', loadedBy: 'seed:demo' },
    };
    const header = cells(csvHeader('semicolon'), ';');
    const row = cells(csvLine(seeded, 'semicolon', jakarta), ';');
    const cell = (name: string) => row[header.indexOf(name)];
    expect([cell('waktu_kantor'), cell('waktu_kejadian_kantor')]).toEqual(['2026-12-08 05:47:00 WIB', '2024-01-16 09:00:00 WIB']);
    expect([cell('nama_pelaku'), cell('username')]).toEqual(['Ketua Demo (dimuat oleh seed:demo)', 'ketua']);
    // Nothing stated, nothing shown; a person's own act is named as before.
    const plain = cells(csvLine({ ...item, occurredAt: null }, 'semicolon', jakarta), ';');
    expect([plain[header.indexOf('waktu_kejadian_kantor')], plain[header.indexOf('nama_pelaku')]]).toEqual(['', 'Siti, S.E.']);
  });

  describe('streamed', () => {
    /** Enough of an Express response to collect what is written. */
    function response() {
      const written: string[] = [];
      const headers: Record<string, string> = {};
      const res = {
        status: () => res,
        setHeader: (name: string, value: string) => { headers[name] = value; },
        write: (chunk: string) => { written.push(chunk); return true; },
        end: () => undefined,
        destroy: (error: Error) => { throw error; },
      };
      return { res: res as unknown as Response, text: () => written.join(''), headers };
    }
    async function* rows() {
      yield item;
    }

    it('starts a CSV with the UTF-8 byte order mark, then the header, separated by semicolons unless commas are asked for', async () => {
      const semicolon = response();
      await streamExport(semicolon.res, { format: 'csv' }, 'jejak', rows(), jakarta);
      expect(semicolon.text().startsWith(`${UTF8_BOM}status_integritas;urutan;waktu_kantor;waktu_utc;`)).toBe(true);
      expect(Buffer.from(semicolon.text(), 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(semicolon.headers['Content-Type']).toBe('text/csv; charset=utf-8');
      const comma = response();
      await streamExport(comma.res, { format: 'csv', delimiter: 'comma' }, 'jejak', rows(), jakarta);
      expect(comma.text().startsWith(`${UTF8_BOM}status_integritas,urutan,waktu_kantor,waktu_utc,`)).toBe(true);
    });

    it('writes JSON Lines without a byte order mark', async () => {
      const jsonl = response();
      await streamExport(jsonl.res, { format: 'jsonl', delimiter: 'semicolon' }, 'jejak', rows(), jakarta);
      expect(JSON.parse(jsonl.text())).toEqual({ integrity: { status: 'OK', alertIds: [] }, ...item });
    });

    it('marks every row of a damaged office in the file itself, where Excel and a saved file see it (QA7 finding 1)', async () => {
      const csv = response();
      await streamExport(csv.res, { format: 'csv' }, 'jejak', rows(), damaged);
      const [header, line] = csv.text().replace(UTF8_BOM, '').split('\r\n');
      expect(cells(header, ';')[0]).toBe('status_integritas');
      expect(cells(line, ';')[0]).toBe('RUSAK: peringatan integritas #3, #12 masih terbuka; data satker ini tidak dapat dipercaya sampai diperiksa');
      const jsonl = response();
      await streamExport(jsonl.res, { format: 'jsonl' }, 'jejak', rows(), damaged);
      expect(JSON.parse(jsonl.text())).toEqual({ integrity: { status: 'DAMAGED', alertIds: [3, 12] }, ...item });
      // Across offices each row tells its own office's status.
      const across = cells(csvLine({ ...item, satker: 'kpu-kab-lain' }, 'semicolon', damaged, true), ';');
      expect(across.slice(0, 2)).toEqual(['kpu-kab-lain', 'OK']);
    });
  });
});
