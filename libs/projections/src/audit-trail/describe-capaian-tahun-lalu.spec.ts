import { AuditTrailState } from './audit-trail.state';
import { indicator, recorded, structure } from './audit-trail.testing';
import { describeEvent } from './describe-event';

const STREAM = 'capaian-tahun-lalu:kpu-a:2024';
const SEKRETARIS = { id: 'u-sek', role: 'SEKRETARIS' };
const imported = (source: 'CSV' | 'API', entries: Array<[string, string]>) => recorded('CapaianTahunLaluImported', {
  satker: 'kpu-a', forYear: 2024, entries: entries.map(([indicatorCode, capaian]) => ({ indicatorCode, capaian })),
  source, importedBy: 'u-sek', importedAt: '2025-01-06T03:00:00.000Z',
}, STREAM, SEKRETARIS);

describe('the audit trail in words: last year\'s capaian imported for the LKj', () => {
  it('given a PK 2024, when capaian 2023 is imported twice, then each figure shows the value the earlier import left, written as the LKj writes it', () => {
    const state = new AuditTrailState();
    describeEvent(recorded('PkDrafted', { satker: 'kpu-a', year: 2024, version: 1, structure: structure([indicator('K1.1'), indicator('K1.2'), indicator('K1.3')]), draftedBy: 'u-sek', draftedAt: 'x' }, 'pk:kpu-a:2024', SEKRETARIS), state);
    const first = describeEvent(imported('CSV', [['K1.1', '100.00'], ['K1.2', '95.00']]), state);
    const second = describeEvent(imported('API', [['K1.2', '98.50'], ['K1.3', '90.00'], ['K1.1', '100.00']]), state);

    expect(first.row).toMatchObject({
      subjectKind: 'LKJ', year: 2024, month: null,
      summary: 'Mengimpor capaian 2023 (kolom "Capaian 2023" LKj 2024) dari berkas CSV untuk 2 indikator: K1.1 kosong → 100,00%; K1.2 kosong → 95,00%.',
    });
    expect(second.row.summary).toBe(
      'Mengimpor capaian 2023 (kolom "Capaian 2023" LKj 2024) melalui API untuk 3 indikator: K1.2 95,00% → 98,50%; K1.3 kosong → 90,00%; K1.1 100,00% → 100,00%.',
    );
    expect(second.row.changes).toEqual([
      { indicatorCode: 'K1.2', indicatorName: 'Indikator K1.2', field: 'capaian tahun lalu', before: '95,00%', after: '98,50%' },
      { indicatorCode: 'K1.3', indicatorName: 'Indikator K1.3', field: 'capaian tahun lalu', before: null, after: '90,00%' },
      { indicatorCode: 'K1.1', indicatorName: 'Indikator K1.1', field: 'capaian tahun lalu', before: '100,00%', after: '100,00%' },
    ]);
    // The history of each indicator's figures (month 0: the year) lists the imports too, as stored.
    expect(second.figures.map((f) => [f.indicatorCode, f.year, f.month, f.before, f.after])).toEqual([
      ['K1.2', 2024, 0, '95.00', '98.50'], ['K1.3', 2024, 0, null, '90.00'], ['K1.1', 2024, 0, '100.00', '100.00'],
    ]);
  });
});
