import { anIndicator, aPkInForce } from '../../testing/builders';
import { computeKinerja } from './compute-kinerja';
import type { PkStructure } from '../perjanjian-kinerja/pk-structure.types';
import type { ApprovedRealisasi } from '../realisasi/realisasi.types';

const ind = (code: string, target: string) => anIndicator({ code, target: { kind: 'SINGLE', value: target } });
const structure: PkStructure = {
  programs: [
    { code: 'P1', name: 'Program 1', kegiatan: [
      { code: 'K1', name: 'Kegiatan 1', pagu: null, indicators: [ind('K1.1', '3'), ind('K1.2', '3'), ind('K1.3', '3')] },
      { code: 'K2', name: 'Kegiatan 2', pagu: null, indicators: [ind('K2.1', '1')] },
    ] },
    { code: 'P2', name: 'Program 2', kegiatan: [{ code: 'K3', name: 'Kegiatan 3', pagu: null, indicators: [ind('K3.1', '1')] }] },
  ],
};
const values: Record<string, string | null> = { 'K1.1': '1', 'K1.2': '1', 'K1.3': '2', 'K2.1': '1', 'K3.1': null };
const reports: ApprovedRealisasi[] = [{
  month: 12, subbagian: 'KUL', revision: 0, pkVersion: 1, budget: [],
  lines: Object.entries(values).map(([indicatorCode, value]) => ({ indicatorCode, value, narrative: '', kendala: '', solusi: '', evidence: [] })),
}];

describe('Averages per kegiatan, program and office are averages of the shown capaian, rounded once', () => {
  const table = computeKinerja(aPkInForce(structure), reports);

  it('given 33.33, 33.33 and 66.67, then the kegiatan average is 44.44 Tidak Berhasil', () => {
    expect(table.programs[0].kegiatan[0]).toMatchObject({ capaianAverage: '44.44', category: 'Tidak Berhasil', measuredCount: 3, indicatorCount: 3 });
  });

  it('given the program, then its average is over all its indicators (33.33, 33.33, 66.67, 100.00 → 58.33)', () => {
    expect(table.programs[0]).toMatchObject({ capaianAverage: '58.33', category: 'Kurang Berhasil', measuredCount: 4 });
  });

  it('given a program whose only indicator is not reported, then its average is not available', () => {
    expect(table.programs[1]).toMatchObject({ capaianAverage: null, category: null, measuredCount: 0, indicatorCount: 1 });
  });

  it('given the office, then unreported indicators are left out of the average, not counted as 0', () => {
    expect(table.office).toMatchObject({ capaianAverage: '58.33', measuredCount: 4, indicatorCount: 5 });
  });

  it('given the table, then it is plain JSON: every figure a string', () => {
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
    expect(table).toMatchObject({ satker: 'kpu-kab-jember', year: 2024, pkVersion: 1, month: null, ratingScaleVersion: 'tabel-3.1-2024' });
  });

  it('given a month outside 1–12, then it is refused', () => {
    expect(() => computeKinerja(aPkInForce(structure), reports, { month: 13 })).toThrow(expect.objectContaining({ code: 'KINERJA.INVALID_MONTH' }));
  });
});
