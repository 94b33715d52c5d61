import { anIndicator, ketua, sekretaris } from '../../testing/builders';
import { pkForKinerja } from '../perjanjian-kinerja/pk-queries';
import type { PkEvent } from '../perjanjian-kinerja/pk.events';
import { perjanjianKinerjaDecider } from '../perjanjian-kinerja/pk.decider';
import type { PkIndicator, PkStructure } from '../perjanjian-kinerja/pk-structure.types';
import type { ApprovedRealisasi } from '../realisasi/realisasi.types';
import { foldEvents } from '../shared/decider';
import { computeKinerja } from './compute-kinerja';
import type { KinerjaIndicatorRow, KinerjaTable } from './kinerja-table.types';

// QA round 6: PK 2026 v1 (K1.1 target 12, plan 1 a month) approved in January, January–October
// reported under it; a PK Perubahan (v2: K1.1 target 24, plan 2 a month, new K1.3, K1.2 dropped)
// approved in December. "To date" through a month follows the version that month was reported under.
const TZ = 'Asia/Jakarta';
const plan = (value: string) => Array(12).fill(value);

function structure(k1: PkIndicator[], k21: Partial<PkIndicator> = {}): PkStructure {
  return {
    programs: [{
      code: 'P1', name: 'Program Dukungan Manajemen',
      kegiatan: [
        { code: 'K1', name: 'Pengelolaan Keuangan', pagu: '1000000', indicators: k1 },
        { code: 'K2', name: 'Manajemen Perencanaan dan Data', pagu: null, indicators: [anIndicator({ code: 'K2.1', name: 'Layanan Data', picSubbagian: 'PDI', monthlyPlan: plan('1'), ...k21 })] },
      ],
    }],
  };
}

const k11v1 = anIndicator({ monthlyPlan: plan('1') });
const k12 = anIndicator({ code: 'K1.2', name: 'Layanan Pengawasan Internal', unit: 'Laporan', target: { kind: 'SINGLE', value: '1' }, aggregation: 'LAST' });
const v1 = structure([k11v1, k12]);
const v2 = (k11: Partial<PkIndicator> = {}) => structure([
  anIndicator({ target: { kind: 'SINGLE', value: '24' }, monthlyPlan: plan('2'), ...k11 }),
  anIndicator({ code: 'K1.3', name: 'Layanan Arsip', unit: 'Dokumen', target: { kind: 'SINGLE', value: '4' } }),
], { aggregation: 'LAST' });

const JAN = '2026-01-15T03:00:00.000Z';
const DEC = '2026-12-03T03:00:00.000Z';

function approvedV1(at = JAN): PkEvent[] {
  return [
    { type: 'PkDrafted', data: { satker: 'kpu-kab-jember', year: 2026, version: 1, structure: v1, draftedBy: sekretaris.userId, draftedAt: at } },
    { type: 'PkSubmitted', data: { version: 1, submittedBy: sekretaris.userId, submittedAt: at } },
    { type: 'PkApproved', data: { version: 1, approvedBy: ketua.userId, approvedByRole: 'KETUA', approvedAt: at, supersedesVersion: null } },
  ];
}

function perubahan(structureV2: PkStructure, at = DEC): PkEvent[] {
  return [
    { type: 'PkRevisionOpened', data: { version: 2, basedOnVersion: 1, reason: 'Refocusing anggaran', structure: v1, openedBy: sekretaris.userId, openedAt: at } },
    { type: 'PkIndicatorsChanged', data: { version: 2, structure: structureV2, changedBy: sekretaris.userId, changedAt: at } },
    { type: 'PkSubmitted', data: { version: 2, submittedBy: sekretaris.userId, submittedAt: at } },
    { type: 'PkApproved', data: { version: 2, approvedBy: ketua.userId, approvedByRole: 'KETUA', approvedAt: at, supersedesVersion: 1 } },
  ];
}

/** January–October approved under version 1: every figure 1. */
const reports: ApprovedRealisasi[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((month) => [
  {
    month, subbagian: 'KUL', revision: 0, pkVersion: 1, budget: [{ kegiatanCode: 'K1', spent: '1000' }],
    lines: ['K1.1', 'K1.2'].map((indicatorCode) => ({ indicatorCode, value: '1', narrative: '', kendala: '', solusi: '', evidence: [] })),
  },
  { month, subbagian: 'PDI', revision: 0, pkVersion: 1, budget: [], lines: [{ indicatorCode: 'K2.1', value: '1', narrative: '', kendala: '', solusi: '', evidence: [] }] },
]);

function tabel32(history: PkEvent[], month: number | null): KinerjaTable {
  const pk = pkForKinerja(foldEvents(perjanjianKinerjaDecider, history), month, TZ);
  if (!pk) throw new Error('no PK version for the table');
  return computeKinerja(pk, reports, { month });
}

const rows = (table: KinerjaTable): KinerjaIndicatorRow[] => table.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators));
const row = (table: KinerjaTable, code: string) => rows(table).find((r) => r.code === code);

describe('Capaian to date follows the PK version the month was reported under', () => {
  const history = [...approvedV1(), ...perubahan(v2())];

  it('given a PK Perubahan approved in December, when Tabel 3.2 to date through October, then version 1 applies: its indicators, targets and plan', () => {
    const table = tabel32(history, 10);
    expect(table.pkVersion).toBe(1);
    expect(rows(table).map((r) => r.code)).toEqual(['K1.1', 'K1.2', 'K2.1']);
    expect(row(table, 'K1.1')).toMatchObject({ target: { kind: 'SINGLE', value: '12' }, targetApplied: { kind: 'SINGLE', value: '10' }, realisasi: '10', capaian: '100.00' });
    expect(table.office).toMatchObject({ capaianAverage: '100.00', measuredCount: 3, indicatorCount: 3 });
  });

  it('given the same PK, when to date through October, then the aggregation is version 1\'s (K2.1 sums, v2 takes the last month)', () => {
    expect(row(tabel32(history, 10), 'K2.1')).toMatchObject({ aggregation: 'SUM', realisasi: '10', capaian: '100.00' });
  });

  it('given the same PK, when to date through October, then an indicator version 2 removed is still measured', () => {
    expect(row(tabel32(history, 10), 'K1.2')).toMatchObject({ realisasi: '1', capaian: '100.00', reportedMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    expect(row(tabel32(history, null), 'K1.2')).toBeUndefined();
  });

  it('given the same PK, when to date through December, then version 2 applies from the month it was approved in', () => {
    const table = tabel32(history, 12);
    expect(table.pkVersion).toBe(2);
    expect(rows(table).map((r) => r.code)).toEqual(['K1.1', 'K1.3', 'K2.1']);
    expect(row(table, 'K1.1')).toMatchObject({ targetApplied: { kind: 'SINGLE', value: '24' }, realisasi: '10' });
  });

  it('given the same PK, when the year\'s table (no month), then the version in force applies', () => {
    const table = tabel32(history, null);
    expect(table.pkVersion).toBe(2);
    expect(row(table, 'K1.3')).toMatchObject({ realisasi: null, capaian: null, note: 'NOT_REPORTED' });
  });

  it('given version 2 moved K1.1 to HSDM, when to date through October, then its PIC is version 1\'s and its months count', () => {
    const moved = [...approvedV1(), ...perubahan(v2({ picSubbagian: 'HSDM' }))];
    expect(row(tabel32(moved, 10), 'K1.1')).toMatchObject({ picSubbagian: 'KUL', realisasi: '10', capaian: '100.00' });
    expect(row(tabel32(moved, null), 'K1.1')).toMatchObject({ picSubbagian: 'HSDM', realisasi: '10' });
  });

  it('given the first PK approved in March, when to date through January, then January is measured against it (months before any approval follow the first)', () => {
    const table = tabel32(approvedV1('2026-03-10T03:00:00.000Z'), 1);
    expect(table.pkVersion).toBe(1);
    expect(row(table, 'K1.1')).toMatchObject({ targetApplied: { kind: 'SINGLE', value: '1' }, capaian: '100.00' });
  });

  it('given a PK Perubahan approved after the year ended, when to date through December, then December keeps version 1; the year\'s table has version 2', () => {
    const late = [...approvedV1(), ...perubahan(v2(), '2027-01-20T03:00:00.000Z')];
    expect(tabel32(late, 12).pkVersion).toBe(1);
    expect(tabel32(late, null).pkVersion).toBe(2);
  });

  it('given a PK drafted and never approved, then no month and no year has a version to compute against', () => {
    const drafted = foldEvents(perjanjianKinerjaDecider, approvedV1().slice(0, 2));
    expect(pkForKinerja(drafted, 10, TZ)).toBeNull();
    expect(pkForKinerja(drafted, null, TZ)).toBeNull();
  });
});
