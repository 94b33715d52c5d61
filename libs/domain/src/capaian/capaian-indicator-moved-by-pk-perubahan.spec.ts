import { anIndicator, aPkInForce, aStructure } from '../../testing/builders';
import type { ApprovedRealisasi } from '../realisasi/realisasi.types';
import { computeKinerja } from './compute-kinerja';

// K1.1 (SUM, target 12) moved from KUL to HSDM by a PK Perubahan (version 2) approved in July.
const pkV2 = aPkInForce(aStructure([anIndicator({ picSubbagian: 'HSDM' })]), 2);

function report(month: number, subbagian: string, pkVersion: number, value: string | null, spent = '0'): ApprovedRealisasi {
  return {
    month, subbagian, revision: 0, pkVersion, budget: [{ kegiatanCode: 'K1', spent }],
    lines: [{ indicatorCode: 'K1.1', value, narrative: '', kendala: '', solusi: '', evidence: [] }],
  };
}

const k11 = (reports: ApprovedRealisasi[], month: number | null = null) => computeKinerja(pkV2, reports, { month }).programs[0].kegiatan[0];

describe('An indicator a PK Perubahan moved to another subbagian keeps the months its former PIC reported', () => {
  it('given January–June approved from the former PIC and July–December from the new one, then the year sums all twelve', () => {
    const reports = [
      ...[1, 2, 3, 4, 5, 6].map((m) => report(m, 'KUL', 1, '1')),
      ...[7, 8, 9, 10, 11, 12].map((m) => report(m, 'HSDM', 2, '1')),
    ];
    expect(k11(reports).indicators[0]).toMatchObject({ realisasi: '12', capaian: '100.00', reportedMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
  });

  it('given the budget the former PIC spent before the move, then it stays in the kegiatan\'s absorption', () => {
    const reports = [report(1, 'KUL', 1, '1', '100000'), report(8, 'HSDM', 2, '1', '150000')];
    expect(k11(reports)).toMatchObject({ budgetSpent: '250000', budgetAbsorption: '25.00' });
  });

  it('given both subbagian reported the same month, then the current PIC\'s figure counts', () => {
    const reports = [report(3, 'KUL', 1, '5'), report(3, 'HSDM', 2, '2')];
    expect(k11(reports).indicators[0]).toMatchObject({ realisasi: '2', reportedMonths: [3] });
  });

  it('given the current PIC left a month blank that the former PIC reported, then the former PIC\'s figure counts', () => {
    const reports = [report(3, 'KUL', 1, '5'), report(3, 'HSDM', 2, null)];
    expect(k11(reports).indicators[0]).toMatchObject({ realisasi: '5', reportedMonths: [3] });
  });

  it('given two former PICs reported the same month, then the report made under the newer PK version counts, whatever the order', () => {
    const reports = [report(4, 'KUL', 1, '5'), report(4, 'PDI', 2, '7')];
    expect(k11(reports).indicators[0].realisasi).toBe('7');
    expect(k11([...reports].reverse()).indicators[0].realisasi).toBe('7');
  });

  it('given "to date" through June, then only the former PIC\'s months count', () => {
    const reports = [report(2, 'KUL', 1, '3'), report(7, 'HSDM', 2, '4')];
    expect(k11(reports, 6).indicators[0]).toMatchObject({ realisasi: '3', reportedMonths: [2] });
  });
});
