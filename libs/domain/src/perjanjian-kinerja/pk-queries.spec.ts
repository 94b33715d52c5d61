import { anIndicator, aStructure } from '../../testing/builders';
import type { PkState, PkVersion } from './pk.state';
import { indicatorsOwnedBy, reportingSubbagian, subbagianReportingInYear } from './pk-queries';

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
