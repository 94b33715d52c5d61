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

  it('tells a return with its reason', () => {
    const told = describeRealisasiEvent({ type: 'RealisasiReturned', data: { revision: 0, reason: 'Lampirkan SPJ.', returnedBy: 'x', returnedAt: 't' } }, null);
    expect(told).toMatchObject({ description: 'Laporan dikembalikan untuk diperbaiki', reason: 'Lampirkan SPJ.' });
  });
});
