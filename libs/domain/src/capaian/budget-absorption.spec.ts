import { aPkInForce, aStructure } from '../../testing/builders';
import { computeKinerja } from './compute-kinerja';
import type { ApprovedRealisasi } from '../realisasi/realisasi.types';

const report = (month: number, subbagian: string, kegiatanCode: string, spent: string): ApprovedRealisasi =>
  ({ month, subbagian, revision: 0, pkVersion: 1, lines: [], budget: [{ kegiatanCode, spent }] });

describe('Budget absorption = realisasi anggaran ÷ pagu × 100', () => {
  it('given pagu 1,000,000 and 333,333.33 spent over two months, then 33.33 rounded once', () => {
    const table = computeKinerja(aPkInForce(), [report(1, 'KUL', 'K1', '111111.11'), report(2, 'KUL', 'K1', '222222.22')]);
    expect(table.programs[0].kegiatan[0]).toMatchObject({ pagu: '1000000', budgetSpent: '333333.33', budgetAbsorption: '33.33' });
  });

  it('given a kegiatan without pagu, then absorption is not available (null), never a division', () => {
    const table = computeKinerja(aPkInForce(), []);
    expect(table.programs[0].kegiatan[1]).toMatchObject({ pagu: null, budgetSpent: '0', budgetAbsorption: null });
  });

  it('given any kegiatan without pagu, then the office total pagu and absorption are not available', () => {
    expect(computeKinerja(aPkInForce(), [report(1, 'KUL', 'K1', '5')]).office).toMatchObject({ pagu: null, budgetSpent: '5', budgetAbsorption: null });
  });

  it('given every kegiatan with a pagu, then the office absorption is total spent ÷ total pagu', () => {
    const structure = aStructure();
    structure.programs[0].kegiatan[1].pagu = '1000000';
    const table = computeKinerja(aPkInForce(structure), [report(1, 'KUL', 'K1', '500000'), report(1, 'PDI', 'K2', '1500000')]);
    expect(table.office).toMatchObject({ pagu: '2000000', budgetSpent: '2000000', budgetAbsorption: '100.00' });
  });

  it('given "to date" month 1, then budget of later months is left out', () => {
    const table = computeKinerja(aPkInForce(), [report(1, 'KUL', 'K1', '100000'), report(2, 'KUL', 'K1', '100000')], { month: 1 });
    expect(table.programs[0].kegiatan[0].budgetAbsorption).toBe('10.00');
  });
});
