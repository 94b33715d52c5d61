import { anIndicator, aStructure } from '../../testing/builders';
import type { PkState, PkVersion } from './pk.state';
import { firstMonthUnder, indicatorsOwnedBy, pkOpenedOn, pkVersionForMonth, reportingSubbagian, subbagianOwingByMonth, subbagianReportingInYear } from './pk-queries';

describe('Who reports what under a PK', () => {
  it('given K1.1 and K1.2 with KUL and K2.1 with PDI, then KUL owns two lines and PDI one', () => {
    expect(indicatorsOwnedBy(aStructure(), 'KUL').map((i) => i.code)).toEqual(['K1.1', 'K1.2']);
    expect(indicatorsOwnedBy(aStructure(), 'PDI').map((i) => i.code)).toEqual(['K2.1']);
    expect(indicatorsOwnedBy(aStructure(), 'TPH')).toEqual([]);
  });

  it('given the same structure, then only KUL and PDI have to report', () => {
    expect(reportingSubbagian(aStructure())).toEqual(['KUL', 'PDI']);
  });
});

function version(n: number, status: PkVersion['status'], k11Pic: string): PkVersion {
  return {
    version: n, status, structure: aStructure([anIndicator({ picSubbagian: k11Pic })]), revisionReason: null, basedOnVersion: null,
    draftedBy: 'u', draftedAt: '2024-01-02T00:00:00Z', submittedBy: null, submittedAt: null, approvedBy: null, approvedAt: null, lastReturn: null,
  };
}

const pk = (versions: PkVersion[]): PkState => ({ status: 'EXISTS', satker: 'kpu-kab-jember', year: 2024, versions, inForce: null, working: null });

describe('The subbagian whose reports make up a year', () => {
  it('given a PK Perubahan that moved K1.1 from KUL to HSDM, then both report into the year', () => {
    expect(subbagianReportingInYear(pk([version(1, 'SUPERSEDED', 'KUL'), version(2, 'APPROVED', 'HSDM')]))).toEqual(['HSDM', 'KUL', 'PDI']);
  });

  it('given a revision still in draft, then its new PIC does not count until it is approved', () => {
    expect(subbagianReportingInYear(pk([version(1, 'APPROVED', 'KUL'), version(2, 'DRAFT', 'HSDM')]))).toEqual(['KUL', 'PDI']);
  });

  it('given no PK, then nobody reports', () => {
    expect(subbagianReportingInYear({ status: 'EMPTY' })).toEqual([]);
  });
});

describe('The PK version a month is reported under', () => {
  const v = (version: number, approvedAt: string, pic = 'KUL') => ({ version, approvedAt, structure: aStructure([anIndicator({ picSubbagian: pic })]) });
  // v1 approved 16 January 2024; the PK Perubahan (v2) approved 3 July 2024, 08:00 in Jakarta.
  const versions = [v(1, '2024-01-16T03:00:00.000Z'), v(2, '2024-07-03T01:00:00.000Z', 'HSDM')];
  const versionOf = (month: number, list = versions) => pkVersionForMonth(list, 2024, month, 'Asia/Jakarta')?.version ?? null;

  it('given a PK Perubahan approved in July, then January–June keep version 1 and July–December follow version 2', () => {
    expect(Array.from({ length: 12 }, (_, i) => versionOf(i + 1))).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
  });

  it('given the first PK approved in March, then January and February are reported under it too', () => {
    expect(versionOf(1, [v(1, '2024-03-04T02:00:00.000Z')])).toBe(1);
  });

  it('given a revision approved after the year, then every month keeps the version in force when it ended', () => {
    expect(versionOf(12, [v(1, '2024-01-16T03:00:00.000Z'), v(2, '2025-02-01T02:00:00.000Z')])).toBe(1);
  });

  it('given an approval late on 30 June in Jakarta (still 30 June UTC), then June follows it: the office calendar decides', () => {
    expect(versionOf(6, [v(1, '2024-01-16T03:00:00.000Z'), v(2, '2024-06-30T16:00:00.000Z')])).toBe(2);
    expect(versionOf(6, [v(1, '2024-01-16T03:00:00.000Z'), v(2, '2024-06-30T17:30:00.000Z')])).toBe(1);
  });

  it('given the PICs per month, then a subbagian handed indicators in July owes July–December only', () => {
    const owing = subbagianOwingByMonth(versions, 2024, 'Asia/Jakarta');
    expect(owing.map((subs) => subs.includes('HSDM'))).toEqual([false, false, false, false, false, false, true, true, true, true, true, true]);
    expect(owing[0]).toEqual(['KUL', 'PDI']);
  });

  it('given a first version approved after its year, then it is followed from January; a PK Perubahan approved on 5 August from August', () => {
    const late = [v(1, '2025-12-08T03:00:00.000Z')];
    expect(firstMonthUnder(late, 1, 2024, 'Asia/Jakarta')).toBe(1);
    const august = [v(1, '2024-01-16T03:00:00.000Z'), v(2, '2024-08-05T03:00:00.000Z')];
    expect([firstMonthUnder(august, 1, 2024, 'Asia/Jakarta'), firstMonthUnder(august, 2, 2024, 'Asia/Jakarta')]).toEqual([1, 8]);
  });

  it('given a PK Perubahan approved after its year, then no month of it follows that version', () => {
    expect(firstMonthUnder([v(1, '2024-01-16T03:00:00.000Z'), v(2, '2025-01-06T03:00:00.000Z')], 2, 2024, 'Asia/Jakarta')).toBeNull();
  });

  it('given no approved version, then no month has one', () => {
    expect(versionOf(5, [])).toBeNull();
    expect(subbagianOwingByMonth([], 2024, 'Asia/Jakarta')).toEqual(Array(12).fill([]));
  });
});

describe('The day a PK was first approved (pkOpenedOn), in the office calendar', () => {
  it('given no approved version, then it is null', () => {
    expect(pkOpenedOn([], 'Asia/Jakarta')).toBeNull();
  });

  it('given a PK Perubahan approved later, then it is still the first approval, as a local date', () => {
    const versions = [{ approvedAt: '2026-11-19T18:30:00.000Z' }, { approvedAt: '2027-03-01T02:00:00.000Z' }];
    expect(pkOpenedOn(versions, 'Asia/Jakarta')).toEqual({ year: 2026, month: 11, day: 20 });
    expect(pkOpenedOn([...versions].reverse(), 'Asia/Jakarta')).toEqual({ year: 2026, month: 11, day: 20 });
  });
});
