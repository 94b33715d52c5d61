import { csvCell, csvHeader, csvLine } from './audit-export';
import type { AuditTrailItem } from '@kinerja/projections/audit-trail/audit-trail.query';

describe('CSV export of the audit trail', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('biasa')).toBe('biasa');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('kata "kutip"')).toBe('"kata ""kutip"""');
    expect(csvCell('baris\nbaru')).toBe('"baris\nbaru"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+62')).toBe("'+62");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes one header row and one CRLF-terminated line per event, the same number of cells', () => {
    const item: AuditTrailItem = {
      satker: 'kpu-kab-jember', sequence: 7, eventId: 'e', recordedAt: '2025-01-01T00:00:00.000Z', eventType: 'RealisasiReturned',
      actor: { id: 'u', name: 'Siti, S.E.', username: 'sekretaris', role: 'SEKRETARIS' },
      subject: { kind: 'REALISASI', streamId: 's', year: 2024, month: 3, subbagian: 'KUL', pkVersion: null, reportRevision: 0 },
      summary: 'Mengembalikan laporan.', changes: [{ indicatorCode: 'K4.1', indicatorName: null, field: 'realisasi', before: '0', after: null }],
      reason: 'Angka "0" salah', correlationId: 'c', chain: { sequence: 7, previousHash: 'p', hash: 'h' },
    };
    const header = csvHeader();
    const line = csvLine(item);
    expect(header.endsWith('\r\n') && line.endsWith('\r\n')).toBe(true);
    expect(line).toContain('"Siti, S.E."');
    expect(line).toContain('K4.1 realisasi: 0 → kosong');
    expect(line).toContain('"Angka ""0"" salah"');
    const cells = (text: string) => text.trim().match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.length - 1;
    expect(cells(line)).toBe(header.trim().split(',').length);
    expect(csvHeader(true).startsWith('satker,urutan,')).toBe(true);
    expect(csvLine(item, true).startsWith('kpu-kab-jember,7,')).toBe(true);
    expect(cells(csvLine(item, true))).toBe(csvHeader(true).trim().split(',').length);
  });
});
