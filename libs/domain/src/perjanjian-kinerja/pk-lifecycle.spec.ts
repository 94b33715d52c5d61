import { deciderSpec } from '../../testing/decider-spec';
import { aStructure, ketua, meta, sekretaris, sekretarisPlh, SUBBAGIAN, kasubbagKul } from '../../testing/builders';
import { perjanjianKinerjaDecider } from './pk.decider';
import type { PkEvent } from './pk.events';
import { foldEvents } from '../shared/decider';
import { pkInForce } from './pk.state';
import { pkStreamId } from './pk-stream-id';

const spec = deciderSpec(perjanjianKinerjaDecider);
const T0 = '2024-01-10T02:00:00.000Z';
const T1 = '2024-01-12T02:00:00.000Z';
const T2 = '2024-01-16T03:00:00.000Z';
const drafted: PkEvent = { type: 'PkDrafted', data: { satker: 'kpu-kab-jember', year: 2024, version: 1, structure: aStructure(), draftedBy: sekretaris.userId, draftedAt: T0 } };
const submitted: PkEvent = { type: 'PkSubmitted', data: { version: 1, submittedBy: sekretaris.userId, submittedAt: T1 } };
const approved: PkEvent = { type: 'PkApproved', data: { version: 1, approvedBy: ketua.userId, approvedByRole: 'KETUA', approvedAt: T2, supersedesVersion: null } };

describe('Perjanjian Kinerja lifecycle', () => {
  it('stream id is pk:<satker>:<year>', () => {
    expect(pkStreamId('kpu-kab-jember', 2024)).toBe('pk:kpu-kab-jember:2024');
  });

  it('given nothing, when the Sekretaris drafts, then version 1 is drafted', () => {
    spec().when({ type: 'DraftPk', data: { satker: 'kpu-kab-jember', year: 2024, structure: aStructure(), subbagianCodes: SUBBAGIAN }, metadata: meta(sekretaris, T0) })
      .then([drafted]);
  });

  it('given names pasted with a line break, when drafted and changed, then the events store them on one line; the same names again change nothing', () => {
    const pasted = aStructure();
    pasted.programs[0].name = 'Program Dukungan\nManajemen';
    pasted.programs[0].kegiatan[0].indicators[0].sasaran = 'Terwujudnya\r\n layanan';
    const stored = aStructure();
    stored.programs[0].kegiatan[0].indicators[0].sasaran = 'Terwujudnya layanan';
    spec().when({ type: 'DraftPk', data: { satker: 'kpu-kab-jember', year: 2024, structure: pasted, subbagianCodes: SUBBAGIAN }, metadata: meta(sekretaris, T0) })
      .then([{ ...drafted, data: { ...drafted.data, structure: stored } } as PkEvent]);
    const changed = spec(drafted).when({ type: 'ChangePkIndicators', data: { structure: pasted, subbagianCodes: SUBBAGIAN }, metadata: meta(sekretaris, T0) }).events();
    expect(changed).toMatchObject([{ type: 'PkIndicatorsChanged', data: { structure: stored } }]);
    const storedDraft = { ...drafted, data: { ...drafted.data, structure: stored } } as PkEvent;
    spec(storedDraft).when({ type: 'ChangePkIndicators', data: { structure: pasted, subbagianCodes: SUBBAGIAN }, metadata: meta(sekretaris, T0) }).then([]);
  });

  it('given nothing, when drafted for a satker code with ":" or a year out of range, then it is refused', () => {
    spec().when({ type: 'DraftPk', data: { satker: 'kpu:jember', year: 2024, structure: aStructure(), subbagianCodes: SUBBAGIAN }, metadata: meta(sekretaris) })
      .thenThrows('PK.INVALID_FIELD', 'validation');
    spec().when({ type: 'DraftPk', data: { satker: 'kpu-kab-jember', year: 24, structure: aStructure(), subbagianCodes: SUBBAGIAN }, metadata: meta(sekretaris) })
      .thenThrows('PK.INVALID_YEAR', 'validation');
  });

  it('given nothing, when a Kasubbag drafts, then it is forbidden', () => {
    spec().when({ type: 'DraftPk', data: { satker: 'kpu-kab-jember', year: 2024, structure: aStructure(), subbagianCodes: SUBBAGIAN }, metadata: meta(kasubbagKul) })
      .thenThrows('PK.FORBIDDEN', 'forbidden');
  });

  it('given a draft, when drafted again, then it conflicts', () => {
    spec(drafted).when({ type: 'DraftPk', data: { satker: 'kpu-kab-jember', year: 2024, structure: aStructure(), subbagianCodes: SUBBAGIAN }, metadata: meta(sekretaris) })
      .thenThrows('PK.ALREADY_EXISTS', 'conflict');
  });

  it('given a draft, when the indicators change, then the new structure replaces the old', () => {
    const structure = aStructure().programs[0].kegiatan[0].indicators.slice(0, 1);
    const next = aStructure(structure);
    spec(drafted).when({ type: 'ChangePkIndicators', data: { structure: next, subbagianCodes: SUBBAGIAN }, metadata: meta(sekretaris, T1) })
      .then([{ type: 'PkIndicatorsChanged', data: { version: 1, structure: next, changedBy: sekretaris.userId, changedAt: T1 } }]);
  });

  it('given a draft, when the same indicators are sent again, then nothing is recorded', () => {
    spec(drafted).when({ type: 'ChangePkIndicators', data: { structure: aStructure(), subbagianCodes: SUBBAGIAN }, metadata: meta(sekretaris, T1) })
      .then([]);
  });

  it('given a submitted draft, when the indicators change, then it is refused (frozen while under review)', () => {
    spec(drafted, submitted).when({ type: 'ChangePkIndicators', data: { structure: aStructure(), subbagianCodes: SUBBAGIAN }, metadata: meta(sekretaris) })
      .thenThrows('PK.NOT_DRAFT', 'conflict');
  });

  it('given a draft, when the Sekretaris submits, then it is submitted', () => {
    spec(drafted).when({ type: 'SubmitPk', data: {}, metadata: meta(sekretaris, T1) }).then([submitted]);
  });

  it('given a draft whose PIC subbagian KUL has been deactivated since, when the Sekretaris submits, then it is refused naming the indicators', () => {
    const run = () => perjanjianKinerjaDecider.decide(
      { type: 'SubmitPk', data: { subbagianCodes: ['PDI', 'HSDM', 'TPH'] }, metadata: meta(sekretaris, T1) },
      foldEvents(perjanjianKinerjaDecider, [drafted]),
    );
    expect(run).toThrow(expect.objectContaining({ code: 'PK.PIC_INACTIVE', kind: 'validation', details: { version: 1, picSubbagian: ['KUL'], indicators: ['K1.1', 'K1.2'] } }));
    expect(run).toThrow('Subbagian PIC KUL pada indikator K1.1, K1.2 tidak aktif lagi; pindahkan indikatornya ke subbagian yang aktif pada draf sebelum mengajukan.');
  });

  it('given a draft whose PICs are all active, when the Sekretaris submits with the active list, then it is submitted', () => {
    spec(drafted).when({ type: 'SubmitPk', data: { subbagianCodes: SUBBAGIAN }, metadata: meta(sekretaris, T1) }).then([submitted]);
  });

  it('given a submitted PK whose PIC subbagian PDI has been deactivated since, when the Ketua approves, then it is refused: return it instead', () => {
    spec(drafted, submitted).when({ type: 'ApprovePk', data: { subbagianCodes: ['KUL', 'HSDM', 'TPH'] }, metadata: meta(ketua, T2) })
      .thenThrows('PK.PIC_INACTIVE', 'validation');
    spec(drafted, submitted).when({ type: 'ApprovePk', data: { subbagianCodes: SUBBAGIAN }, metadata: meta(ketua, T2) }).then([approved]);
  });

  it('given a draft not yet submitted, when the Ketua approves, then it is refused', () => {
    spec(drafted).when({ type: 'ApprovePk', data: {}, metadata: meta(ketua) }).thenThrows('PK.NOT_SUBMITTED', 'conflict');
  });

  it('given a submitted PK, when the Ketua approves, then it is approved and in force', () => {
    spec(drafted, submitted).when({ type: 'ApprovePk', data: {}, metadata: meta(ketua, T2) }).then([approved]);
    const state = foldEvents(perjanjianKinerjaDecider, [drafted, submitted, approved]);
    expect(pkInForce(state)).toEqual({ satker: 'kpu-kab-jember', year: 2024, version: 1, structure: aStructure(), approvedAt: T2 });
  });

  it('given a PK submitted by a Sekretaris, when the same Sekretaris approves, then maker-checker refuses', () => {
    spec(drafted, submitted).when({ type: 'ApprovePk', data: {}, metadata: meta(sekretaris) }).thenThrows('PK.OWN_SUBMISSION', 'forbidden');
  });

  it('given a PK submitted by a Sekretaris, when the same Sekretaris returns it, then the refusal says "mengembalikan" and who may review instead', () => {
    const refusal = spec(drafted, submitted).when({ type: 'ReturnPk', data: { reason: 'Periksa lagi' }, metadata: meta(sekretaris) }).thenThrows('PK.OWN_SUBMISSION', 'forbidden');
    expect(refusal.message).toBe('Anda tidak dapat mengembalikan PK yang Anda ajukan sendiri; harus orang lain: Ketua atau Sekretaris lain.');
  });

  it('given a PK submitted by a Sekretaris, when the Ketua’s account with that Sekretaris’s e-mail approves or returns it, then maker-checker refuses', () => {
    const sameEmail = { ...ketua, otherAccounts: [sekretaris.userId] };
    spec(drafted, submitted).when({ type: 'ApprovePk', data: {}, metadata: meta(sameEmail) }).thenThrows('PK.OWN_SUBMISSION', 'forbidden');
    spec(drafted, submitted).when({ type: 'ReturnPk', data: { reason: 'Periksa lagi' }, metadata: meta(sameEmail) }).thenThrows('PK.OWN_SUBMISSION', 'forbidden');
  });

  it('given a PK submitted by a Sekretaris, when the Ketua’s account under that Sekretaris’s full name approves, then the refusal gives a PK’s example (a Ketua who is also Plt Sekretaris), never a Kepala Subbagian', () => {
    const plt = { ...ketua, sameNameAccounts: [sekretaris.userId] };
    const refusal = spec(drafted, submitted).when({ type: 'ApprovePk', data: {}, metadata: meta(plt) }).thenThrows('PK.OWN_SUBMISSION', 'forbidden');
    expect(refusal.message).toContain('(mis. Anda Ketua yang juga menjabat Plt Sekretaris)');
    expect(refusal.message).not.toContain('Kepala Subbagian');
    expect(refusal.details).toEqual({ sameName: true });
  });

  it('given a PK submitted by a Sekretaris, when another Sekretaris (Plh) approves, then it is approved', () => {
    const events = spec(drafted, submitted).when({ type: 'ApprovePk', data: {}, metadata: meta(sekretarisPlh, T2) }).events();
    expect(events).toEqual([{ type: 'PkApproved', data: { version: 1, approvedBy: sekretarisPlh.userId, approvedByRole: 'SEKRETARIS', approvedAt: T2, supersedesVersion: null } }]);
  });

  it('given a submitted PK, when a Kasubbag approves, then it is forbidden', () => {
    spec(drafted, submitted).when({ type: 'ApprovePk', data: {}, metadata: meta(kasubbagKul) }).thenThrows('PK.FORBIDDEN', 'forbidden');
  });

  it('given a submitted PK, when the Ketua returns it without a reason, then the reason is required', () => {
    spec(drafted, submitted).when({ type: 'ReturnPk', data: { reason: '  ' }, metadata: meta(ketua) }).thenThrows('PK.REASON_REQUIRED', 'validation');
  });

  it('given a submitted PK, when the Ketua returns it with a reason, then it is a draft again and can be changed and resubmitted', () => {
    const returned: PkEvent = { type: 'PkReturned', data: { version: 1, returnedBy: ketua.userId, returnedByRole: 'KETUA', reason: 'Target K1.1 keliru', returnedAt: T2 } };
    spec(drafted, submitted).when({ type: 'ReturnPk', data: { reason: 'Target K1.1 keliru' }, metadata: meta(ketua, T2) }).then([returned]);
    spec(drafted, submitted, returned).when({ type: 'ChangePkIndicators', data: { structure: aStructure(), subbagianCodes: SUBBAGIAN }, metadata: meta(sekretaris) }).events();
    spec(drafted, submitted, returned).when({ type: 'SubmitPk', data: {}, metadata: meta(sekretaris, T2) })
      .then([{ type: 'PkSubmitted', data: { version: 1, submittedBy: sekretaris.userId, submittedAt: T2 } }]);
  });

  it('given an approved PK, when the indicators change, then it is refused: open a revision instead', () => {
    spec(drafted, submitted, approved).when({ type: 'ChangePkIndicators', data: { structure: aStructure(), subbagianCodes: SUBBAGIAN }, metadata: meta(sekretaris) })
      .thenThrows('PK.NO_WORKING_VERSION', 'conflict');
  });

  it('given an approved PK, when approved again, then it is refused', () => {
    spec(drafted, submitted, approved).when({ type: 'ApprovePk', data: {}, metadata: meta(ketua) }).thenThrows('PK.NO_WORKING_VERSION', 'conflict');
  });

  it('given no PK, when submitted, then it is not found', () => {
    spec().when({ type: 'SubmitPk', data: {}, metadata: meta(sekretaris) }).thenThrows('PK.NOT_FOUND', 'not_found');
  });
});
