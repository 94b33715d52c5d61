import { deciderSpec } from '../../testing/decider-spec';
import { anIndicator, aStructure, kasubbagKul, ketua, meta, sekretaris } from '../../testing/builders';
import { foldEvents } from '../shared/decider';
import { perjanjianKinerjaDecider } from './pk.decider';
import type { PkEvent } from './pk.events';
import { pkInForce, pkWorkingVersion } from './pk.state';

const spec = deciderSpec(perjanjianKinerjaDecider);
const at = (d: number) => `2024-0${d}-15T03:00:00.000Z`;
const v1 = aStructure();
const v2 = aStructure([anIndicator({ target: { kind: 'SINGLE', value: '10' } })]);
const drafted: PkEvent = { type: 'PkDrafted', data: { satker: 'kpu-kab-jember', year: 2024, version: 1, structure: v1, draftedBy: sekretaris.userId, draftedAt: at(1) } };
const approvedV1: PkEvent[] = [
  drafted,
  { type: 'PkSubmitted', data: { version: 1, submittedBy: sekretaris.userId, submittedAt: at(1) } },
  { type: 'PkApproved', data: { version: 1, approvedBy: ketua.userId, approvedByRole: 'KETUA', approvedAt: at(1), supersedesVersion: null } },
];
const opened: PkEvent = { type: 'PkRevisionOpened', data: { version: 2, basedOnVersion: 1, reason: 'Refocusing anggaran', structure: v1, openedBy: sekretaris.userId, openedAt: at(6) } };
const changed: PkEvent = { type: 'PkIndicatorsChanged', data: { version: 2, structure: v2, changedBy: sekretaris.userId, changedAt: at(6) } };
const submitted: PkEvent = { type: 'PkSubmitted', data: { version: 2, submittedBy: sekretaris.userId, submittedAt: at(7) } };
const returned: PkEvent = { type: 'PkReturned', data: { version: 2, returnedBy: ketua.userId, returnedByRole: 'KETUA', reason: 'Tidak perlu diubah', returnedAt: at(7) } };
const withdraw = (reason?: string | null, who = sekretaris) => ({ type: 'WithdrawPkRevision' as const, data: { reason }, metadata: meta(who, at(8)) });
const withdrawn = (reason: string | null): PkEvent => ({
  type: 'PkRevisionWithdrawn', data: { version: 2, inForceVersion: 1, inForceStructure: v1, reason, withdrawnBy: sekretaris.userId, withdrawnAt: at(8) },
});

describe('PK Perubahan: withdrawing one opened by mistake', () => {
  it('given a PK Perubahan draft, when the Sekretaris withdraws it, then it is recorded and version 1 stays in force', () => {
    spec(...approvedV1, opened, changed).when(withdraw()).then([withdrawn(null)]);
    const after = foldEvents(perjanjianKinerjaDecider, [...approvedV1, opened, changed, withdrawn('Dibuka keliru')]);
    expect(pkInForce(after)).toEqual({ satker: 'kpu-kab-jember', year: 2024, version: 1, structure: v1, approvedAt: at(1) });
    expect(pkWorkingVersion(after)).toBeNull();
    if (after.status !== 'EXISTS') throw new Error('expected a PK');
    expect(after.versions.map((v) => [v.version, v.status])).toEqual([[1, 'APPROVED'], [2, 'WITHDRAWN']]);
    expect(after.versions[1].structure).toEqual(v2);
    expect(after.versions[1].withdrawal).toEqual({ by: sekretaris.userId, reason: 'Dibuka keliru', at: at(8) });
  });

  it('given a PK Perubahan returned by the Ketua, when withdrawn with a reason, then it is recorded with it', () => {
    spec(...approvedV1, opened, submitted, returned).when(withdraw(' Tidak jadi diubah ')).then([withdrawn('Tidak jadi diubah')]);
  });

  it('given a PK Perubahan submitted and returned, when withdrawn, then the version still tells its last submission and its return', () => {
    const after = foldEvents(perjanjianKinerjaDecider, [...approvedV1, opened, submitted, returned, withdrawn(null)]);
    if (after.status !== 'EXISTS') throw new Error('expected a PK');
    expect(after.versions[1]).toMatchObject({
      status: 'WITHDRAWN', submittedBy: sekretaris.userId, submittedAt: at(7),
      lastReturn: { by: ketua.userId, reason: 'Tidak perlu diubah', at: at(7) }, approvedBy: null,
    });
  });

  it('given a PK Perubahan returned, then it is a draft again that keeps its last submission beside the return, as a monthly report does', () => {
    const after = foldEvents(perjanjianKinerjaDecider, [...approvedV1, opened, submitted, returned]);
    expect(pkWorkingVersion(after)).toMatchObject({ status: 'DRAFT', submittedBy: sekretaris.userId, submittedAt: at(7), lastReturn: { reason: 'Tidak perlu diubah' } });
  });

  it('given a withdrawn PK Perubahan, when another is opened, then it is version 3 and nothing waits on a revision in progress', () => {
    spec(...approvedV1, opened, withdrawn(null)).when({ type: 'OpenPkRevision', data: { reason: 'Refocusing kedua' }, metadata: meta(sekretaris, at(9)) })
      .then([{ type: 'PkRevisionOpened', data: { version: 3, basedOnVersion: 1, reason: 'Refocusing kedua', structure: v1, openedBy: sekretaris.userId, openedAt: at(9) } }]);
  });

  it('given a submitted PK Perubahan, when withdrawn, then it is refused: it must be returned first', () => {
    spec(...approvedV1, opened, submitted).when(withdraw()).thenThrows('PK.REVISION_SUBMITTED', 'conflict');
  });

  it('given no PK Perubahan open, or a first PK never approved, when withdrawn, then nothing is open', () => {
    spec(...approvedV1).when(withdraw()).thenThrows('PK.NO_REVISION_OPEN', 'conflict');
    spec(drafted).when(withdraw()).thenThrows('PK.NO_REVISION_OPEN', 'conflict');
    spec(...approvedV1, opened, withdrawn(null)).when(withdraw()).thenThrows('PK.NO_REVISION_OPEN', 'conflict');
    spec().when(withdraw()).thenThrows('PK.NOT_FOUND', 'not_found');
  });

  it('given a PK Perubahan draft, when the Ketua or a Kasubbag withdraws it, or with a blank reason, then it is refused', () => {
    spec(...approvedV1, opened).when(withdraw(null, ketua)).thenThrows('PK.FORBIDDEN', 'forbidden');
    spec(...approvedV1, opened).when(withdraw(null, kasubbagKul)).thenThrows('PK.FORBIDDEN', 'forbidden');
    spec(...approvedV1, opened).when(withdraw(' ')).thenThrows('PK.REASON_INVALID', 'validation');
  });
});
