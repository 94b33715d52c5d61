import type { PkEvent, RealisasiEvent, RealisasiLine } from '@kinerja/domain';
import { aStructure } from '../../../../domain/testing/builders';
import { OfficeHistory, pkOpenedByYear, realisasiKey, reportFacts } from './report-facts';

const approvedPk: PkEvent[] = [
  { type: 'PkDrafted', data: { satker: 'kpu-jember', year: 2025, version: 1, structure: aStructure(), draftedBy: 's', draftedAt: '2025-01-02T01:00:00.000Z' } },
  { type: 'PkSubmitted', data: { version: 1, submittedBy: 's', submittedAt: '2025-01-03T01:00:00.000Z' } },
  { type: 'PkApproved', data: { version: 1, approvedBy: 'k', approvedByRole: 'KETUA', approvedAt: '2025-01-04T01:00:00.000Z', supersedesVersion: null } },
];

const line = (indicatorCode: string, value: string | null): RealisasiLine =>
  ({ indicatorCode, value, narrative: '', kendala: '', solusi: '', evidence: [] });

function draft(month: number, lines: RealisasiLine[]): RealisasiEvent {
  return {
    type: 'RealisasiDraftSaved',
    data: { key: { satker: 'kpu-jember', year: 2025, month, subbagian: 'KUL' }, revision: 0, pkVersion: 1, lines, budget: [], savedBy: 'u', savedAt: '2025-02-01T01:00:00.000Z' },
  };
}

function history(pk: PkEvent[], realisasi: Array<[number, RealisasiEvent[]]> = []): OfficeHistory {
  return {
    pk: new Map([[2025, pk]]),
    realisasi: new Map(realisasi.map(([month, events]) => [realisasiKey(2025, month, 'KUL'), events])),
    subbagianNames: new Map([['KUL', 'Keuangan, Umum dan Logistik'], ['PDI', 'Perencanaan, Data dan Informasi']]),
  };
}

describe('the reports an office owes, from its PK and monthly-report events', () => {
  it('owes nothing for a year without a PK in force', () => {
    expect(reportFacts(history(approvedPk.slice(0, 2)), { year: 2025, month: 6, day: 1 }, [2025], 'Asia/Jakarta')).toEqual([]);
  });

  it('owes one report per ended month and PIC subbagian, not started ones with every indicator blank', () => {
    const facts = reportFacts(history(approvedPk), { year: 2025, month: 3, day: 10 }, [2025], 'Asia/Jakarta');
    expect(facts.map((f) => `${f.month}:${f.subbagian}:${f.status}`)).toEqual(['1:KUL:NOT_STARTED', '1:PDI:NOT_STARTED', '2:KUL:NOT_STARTED', '2:PDI:NOT_STARTED']);
    expect(facts[0].blankIndicators.map((i) => i.code)).toEqual(['K1.1', 'K1.2']);
    expect(facts[0].subbagianName).toBe('Keuangan, Umum dan Logistik');
  });

  it('a draft lists only the indicators still blank; a blank value is not a figure', () => {
    const facts = reportFacts(history(approvedPk, [[1, [draft(1, [line('K1.1', '1'), line('K1.2', null)])]]]), { year: 2025, month: 2, day: 1 }, [2025], 'Asia/Jakarta');
    expect(facts.find((f) => f.subbagian === 'KUL')).toMatchObject({ status: 'DRAFT', blankIndicators: [{ code: 'K1.2', name: 'Layanan Pengawasan Internal' }] });
  });

  it('a returned report carries its reason and date; a correction after approval is REVISING', () => {
    const returned: RealisasiEvent[] = [
      draft(1, [line('K1.1', '1'), line('K1.2', '1')]),
      { type: 'RealisasiSubmitted', data: { revision: 0, resubmission: false, submittedBy: 'u', submittedAt: '2025-02-02T01:00:00.000Z' } },
      { type: 'RealisasiReturned', data: { revision: 0, reason: 'Bukti kurang', returnedBy: 's', returnedAt: '2025-02-03T01:00:00.000Z' } },
    ];
    const revising: RealisasiEvent[] = [
      draft(2, [line('K1.1', '1'), line('K1.2', '1')]),
      { type: 'RealisasiSubmitted', data: { revision: 0, resubmission: false, submittedBy: 'u', submittedAt: '2025-03-02T01:00:00.000Z' } },
      { type: 'RealisasiApproved', data: { revision: 0, approvedBy: 's', approvedAt: '2025-03-03T01:00:00.000Z' } },
      { type: 'RealisasiRevisionOpened', data: { revision: 1, reason: 'Salah ketik', openedBy: 'u', openedAt: '2025-03-04T01:00:00.000Z' } },
    ];
    const facts = reportFacts(history(approvedPk, [[1, returned], [2, revising]]), { year: 2025, month: 3, day: 10 }, [2025], 'Asia/Jakarta');
    expect(facts.find((f) => f.month === 1 && f.subbagian === 'KUL')).toMatchObject({
      status: 'RETURNED', returnReason: 'Bukti kurang', returnedAt: '2025-02-03T01:00:00.000Z', submittedAt: '2025-02-02T01:00:00.000Z',
    });
    expect(facts.find((f) => f.month === 2 && f.subbagian === 'KUL')?.status).toBe('REVISING');
  });
});

describe('the day each year\'s PK was first approved, for catch-up deadlines', () => {
  it('given a PK approved late in the evening (UTC the day before), then it is the local date of its first approval; a PK Perubahan does not move it', () => {
    const late: PkEvent[] = [
      ...approvedPk.slice(0, 2),
      { type: 'PkApproved', data: { version: 1, approvedBy: 'k', approvedByRole: 'KETUA', approvedAt: '2025-11-19T18:00:00.000Z', supersedesVersion: null } },
      { type: 'PkRevisionOpened', data: { version: 2, basedOnVersion: 1, reason: 'Perubahan', structure: aStructure(), openedBy: 's', openedAt: '2025-12-01T01:00:00.000Z' } },
      { type: 'PkApproved', data: { version: 2, approvedBy: 'k', approvedByRole: 'KETUA', approvedAt: '2025-12-03T01:00:00.000Z', supersedesVersion: 1 } },
    ];
    expect(pkOpenedByYear(history(late), 'Asia/Jakarta')).toEqual(new Map([[2025, { year: 2025, month: 11, day: 20 }]]));
  });

  it('given a PK never approved, then the year is absent', () => {
    expect(pkOpenedByYear(history(approvedPk.slice(0, 2)), 'Asia/Jakarta')).toEqual(new Map());
  });
});
