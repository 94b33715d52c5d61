import { deciderSpec } from '../../testing/decider-spec';
import { anIndicator, aStructure, ketua, meta, sekretaris } from '../../testing/builders';
import { perjanjianKinerjaDecider } from './pk.decider';
import type { PkEvent } from './pk.events';

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
const changedTo = (structure = v2): PkEvent => ({ type: 'PkIndicatorsChanged', data: { version: 2, structure, changedBy: sekretaris.userId, changedAt: at(6) } });
const submit = { type: 'SubmitPk' as const, data: {}, metadata: meta(sekretaris, at(7)) };
const submittedV2: PkEvent = { type: 'PkSubmitted', data: { version: 2, submittedBy: sekretaris.userId, submittedAt: at(7) } };

describe('PK Perubahan equal to the version in force', () => {
  it('given a PK Perubahan opened and left as it was, when the Sekretaris submits it, then it is refused telling to change it or withdraw it', () => {
    const refusal = spec(...approvedV1, opened).when(submit).thenThrows('PK.REVISION_UNCHANGED', 'validation');
    expect(refusal.message).toBe(
      'PK Perubahan versi 2 sama persis dengan PK versi 1 yang berlaku; tidak ada yang perlu disetujui. Ubah program, kegiatan, indikator, '
        + 'target atau PIC yang hendak diubah pada drafnya, lalu ajukan lagi; bila ternyata tidak ada yang perlu diubah, batalkan PK Perubahan '
        + 'tersebut (POST …/pk/2024/revisions/withdraw): versi 1 tetap berlaku.',
    );
    expect(refusal.details).toEqual({ version: 2, inForceVersion: 1 });
  });

  it('given a PK Perubahan changed and then changed back to the version in force, when submitted, then it is refused', () => {
    spec(...approvedV1, opened, changedTo(v2), changedTo(v1)).when(submit).thenThrows('PK.REVISION_UNCHANGED');
  });

  it('given a PK Perubahan returned and not changed since, when submitted again equal to the version in force, then it is refused', () => {
    const returned: PkEvent = { type: 'PkReturned', data: { version: 2, returnedBy: ketua.userId, returnedByRole: 'KETUA', reason: 'Ubah targetnya', returnedAt: at(7) } };
    spec(...approvedV1, opened, changedTo(v2), changedTo(v1), submittedV2, returned).when(submit).thenThrows('PK.REVISION_UNCHANGED');
  });

  it('given a PK Perubahan whose structure differs from the version in force, when submitted, then it goes through', () => {
    spec(...approvedV1, opened, changedTo(v2)).when(submit).then([submittedV2]);
  });

  it('given a first version never approved, when submitted, then nothing is compared: there is no version in force', () => {
    spec(drafted).when(submit).then([{ type: 'PkSubmitted', data: { version: 1, submittedBy: sekretaris.userId, submittedAt: at(7) } }]);
  });
});
