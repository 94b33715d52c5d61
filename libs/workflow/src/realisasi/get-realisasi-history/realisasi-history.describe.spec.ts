import type { RealisasiContent, RealisasiEvent } from '@kinerja/domain';
import { describeRealisasiEvent } from './realisasi-history.describe';

const line = (indicatorCode: string, value: string | null, narrative = 'n') => ({ indicatorCode, value, narrative, kendala: '-', solusi: '-', evidence: [] });
const saved = (content: RealisasiContent): RealisasiEvent => ({
  type: 'RealisasiDraftSaved',
  data: { key: { satker: 's', year: 2024, month: 3, subbagian: 'KUL' }, revision: 0, pkVersion: 1, ...content, savedBy: 'u', savedAt: '2024-04-02T02:00:00Z' },
});

describe('a report\'s history in words', () => {
  it('tells the first save as created, every value entered as set from blank; a line left blank changed nothing', () => {
    const told = describeRealisasiEvent(saved({ lines: [line('K4.1', '0'), line('K4.2', null)], budget: [] }), null);
    expect(told.description).toBe('Laporan dibuat dan disimpan sebagai draf');
    expect(told.valueChanges).toEqual([{ indicatorCode: 'K4.1', before: null, after: '0' }]);
  });

  it('tells a line added blank by a later save as no change of value', () => {
    const told = describeRealisasiEvent(saved({ lines: [line('K4.1', '0'), line('K4.2', null)], budget: [] }), { lines: [line('K4.1', '0')], budget: [] });
    expect(told.valueChanges).toEqual([]);
  });

  it('tells a later save by what changed: values before → after, budget, text', () => {
    const before = { lines: [line('K4.1', '0'), line('K4.2', null)], budget: [{ kegiatanCode: 'K4', spent: '100' }] };
    const after = { lines: [line('K4.1', '1'), line('K4.2', null, 'diperbaiki')], budget: [{ kegiatanCode: 'K4', spent: '150.50' }] };
    const told = describeRealisasiEvent(saved(after), before);
    expect(told.description).toBe('Draf laporan diubah');
    expect(told.valueChanges).toEqual([{ indicatorCode: 'K4.1', before: '0', after: '1' }]);
    expect(told.budgetChanges).toEqual([{ kegiatanCode: 'K4', before: '100', after: '150.50' }]);
    expect(told.otherChanges).toEqual(['uraian indikator K4.2 diubah']);
  });

  it('tells a save that removed a budget line or an indicator line: from the value last saved to blank', () => {
    // Given a save with one budget line and two indicator lines.
    const before = { lines: [line('K4.1', '3'), line('K4.2', '7')], budget: [{ kegiatanCode: 'K4', spent: '10000000' }] };
    // When the next save removes the budget line and the line of K4.2.
    const told = describeRealisasiEvent(saved({ lines: [line('K4.1', '3')], budget: [] }), before);
    // Then both are told as emptied, not left out.
    expect(told.budgetChanges).toEqual([{ kegiatanCode: 'K4', before: '10000000', after: null }]);
    expect(told.valueChanges).toEqual([{ indicatorCode: 'K4.2', before: '7', after: null }]);
    expect(told.otherChanges).toEqual(['uraian indikator K4.2 diubah', 'kendala indikator K4.2 diubah', 'solusi indikator K4.2 diubah']);
  });

  it('tells no text changed when a later save only changed white space nobody reads, and says the save changed nothing', () => {
    // Given a saved line with texts.
    const before = { lines: [{ ...line('K4.1', '1', 'Rapat 3 kali.'), kendala: 'Hujan.', solusi: '' }], budget: [] };
    // When the same texts are saved with spaces at the ends, a doubled space, a line break and a blank solusi of spaces.
    const after = { lines: [{ ...line('K4.1', '1', '  Rapat  3\nkali. '), kendala: 'Hujan.\r\n', solusi: '   ' }], budget: [] };
    const told = describeRealisasiEvent(saved(after), before);
    // Then no text is listed as changed, and the save is told as changing nothing.
    expect(told.otherChanges).toEqual([]);
    expect(told.description).toBe('Draf laporan disimpan ulang; tidak ada isi yang berubah');
    // A word changed beside the white space is a change.
    const reworded = describeRealisasiEvent(saved({ lines: [{ ...after.lines[0], kendala: ' Hujan deras. ' }], budget: [] }), before);
    expect(reworded.otherChanges).toEqual(['kendala indikator K4.1 diubah']);
    expect(reworded.description).toBe('Draf laporan diubah');
  });

  it('tells a return with its reason', () => {
    const told = describeRealisasiEvent({ type: 'RealisasiReturned', data: { revision: 0, reason: 'Lampirkan SPJ.', returnedBy: 'x', returnedAt: 't' } }, null);
    expect(told).toMatchObject({ description: 'Laporan dikembalikan untuk diperbaiki', reason: 'Lampirkan SPJ.' });
  });
});
