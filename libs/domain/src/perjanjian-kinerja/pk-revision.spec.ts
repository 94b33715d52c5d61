import { deciderSpec } from '../../testing/decider-spec';
import { anIndicator, aStructure, ketua, meta, sekretaris, SUBBAGIAN } from '../../testing/builders';
import { foldEvents } from '../shared/decider';
import { perjanjianKinerjaDecider } from './pk.decider';
import type { PkEvent } from './pk.events';
import { pkInForce, pkWorkingVersion } from './pk.state';

const spec = deciderSpec(perjanjianKinerjaDecider);
const at = (d: number) => `2024-0${d}-15T03:00:00.000Z`;
const v1 = aStructure();
const v2 = aStructure([anIndicator({ target: { kind: 'SINGLE', value: '10' } })]);
const history: PkEvent[] = [
  { type: 'PkDrafted', data: { satker: 'kpu-kab-jember', year: 2024, version: 1, structure: v1, draftedBy: sekretaris.userId, draftedAt: at(1) } },
  { type: 'PkSubmitted', data: { version: 1, submittedBy: sekretaris.userId, submittedAt: at(1) } },
  { type: 'PkApproved', data: { version: 1, approvedBy: ketua.userId, approvedByRole: 'KETUA', approvedAt: at(1), supersedesVersion: null } },
];
const opened: PkEvent = { type: 'PkRevisionOpened', data: { version: 2, basedOnVersion: 1, reason: 'Refocusing anggaran', structure: v1, openedBy: sekretaris.userId, openedAt: at(6) } };

describe('PK Perubahan (revision)', () => {
  it('given an approved PK, when the Sekretaris opens a revision with a reason, then version 2 is a copy of version 1', () => {
    spec(...history).when({ type: 'OpenPkRevision', data: { reason: 'Refocusing anggaran' }, metadata: meta(sekretaris, at(6)) }).then([opened]);
  });

  it('given an approved PK of a year that has ended, when the Sekretaris opens a revision, then it is refused: no month is left for it', () => {
    spec(...history).when({ type: 'OpenPkRevision', data: { reason: 'Refocusing anggaran', yearEnded: true }, metadata: meta(sekretaris, '2025-01-02T03:00:00.000Z') })
      .thenThrows('PK.YEAR_ENDED', 'conflict');
    spec(...history).when({ type: 'OpenPkRevision', data: { reason: 'Refocusing anggaran', yearEnded: false }, metadata: meta(sekretaris, at(6)) }).then([opened]);
  });

  it('given an approved PK, when a revision is opened without a reason, then the reason is required', () => {
    spec(...history).when({ type: 'OpenPkRevision', data: { reason: '' }, metadata: meta(sekretaris) }).thenThrows('PK.REASON_REQUIRED');
  });

  it('given a PK never approved, when a revision is opened, then it is refused: its first version is only finished, never withdrawn', () => {
    const refusal = spec(history[0]).when({ type: 'OpenPkRevision', data: { reason: 'Refocusing anggaran' }, metadata: meta(sekretaris) }).thenThrows('PK.REVISION_IN_PROGRESS', 'conflict');
    expect(refusal.message).toBe('PK versi 1 masih dalam proses; selesaikan dahulu.');
    expect(refusal.details).toMatchObject({ version: 1, withdrawable: false });
  });

  it('given a revision in progress, when another is opened, then it is refused saying the open one may be withdrawn if it was opened by mistake', () => {
    const refusal = spec(...history, opened).when({ type: 'OpenPkRevision', data: { reason: 'Lagi' }, metadata: meta(sekretaris) }).thenThrows('PK.REVISION_IN_PROGRESS', 'conflict');
    expect(refusal.message).toBe('PK Perubahan versi 2 masih dalam proses; selesaikan dahulu. Bila PK Perubahan itu dibuka karena keliru, ' +
      'batalkan PK Perubahan tersebut; versi 1 tetap berlaku dan PK Perubahan baru dapat dibuka.');
    expect(refusal.details).toEqual({ version: 2, status: 'DRAFT', withdrawable: true });
  });

  it('given a revision submitted, when another is opened, then it is refused saying it must be returned before it can be withdrawn', () => {
    const submitted: PkEvent = { type: 'PkSubmitted', data: { version: 2, submittedBy: sekretaris.userId, submittedAt: at(7) } };
    const refusal = spec(...history, opened, submitted).when({ type: 'OpenPkRevision', data: { reason: 'Lagi' }, metadata: meta(sekretaris) }).thenThrows('PK.REVISION_IN_PROGRESS', 'conflict');
    expect(refusal.message).toContain('minta Ketua mengembalikannya, lalu batalkan PK Perubahan tersebut; versi 1 tetap berlaku.');
  });

  it('given a revision being drafted, then version 1 stays in force until version 2 is approved', () => {
    const changed: PkEvent = { type: 'PkIndicatorsChanged', data: { version: 2, structure: v2, changedBy: sekretaris.userId, changedAt: at(6) } };
    const submitted: PkEvent = { type: 'PkSubmitted', data: { version: 2, submittedBy: sekretaris.userId, submittedAt: at(7) } };
    const during = foldEvents(perjanjianKinerjaDecider, [...history, opened, changed, submitted]);
    expect(pkInForce(during)?.version).toBe(1);
    expect(pkInForce(during)?.structure).toEqual(v1);
    expect(pkWorkingVersion(during)?.status).toBe('SUBMITTED');

    const approval = spec(...history, opened, changed, submitted).when({ type: 'ApprovePk', data: {}, metadata: meta(ketua, at(8)) }).events();
    expect(approval).toEqual([{ type: 'PkApproved', data: { version: 2, approvedBy: ketua.userId, approvedByRole: 'KETUA', approvedAt: at(8), supersedesVersion: 1 } }]);

    const after = foldEvents(perjanjianKinerjaDecider, [...history, opened, changed, submitted, ...approval]);
    expect(pkInForce(after)).toEqual({ satker: 'kpu-kab-jember', year: 2024, version: 2, structure: v2, approvedAt: at(8) });
    if (after.status !== 'EXISTS') throw new Error('expected a PK');
    expect(after.versions.map((v) => [v.version, v.status])).toEqual([[1, 'SUPERSEDED'], [2, 'APPROVED']]);
    expect(after.versions[0].structure).toEqual(v1);
    expect(after.versions[1].revisionReason).toBe('Refocusing anggaran');
  });

  it('given a revision, when its indicators change, then they must still be valid', () => {
    const bad = aStructure([anIndicator({ picSubbagian: 'XYZ' })]);
    spec(...history, opened).when({ type: 'ChangePkIndicators', data: { structure: bad, subbagianCodes: SUBBAGIAN }, metadata: meta(sekretaris) })
      .thenThrows('PK.UNKNOWN_PIC', 'validation');
  });
});
