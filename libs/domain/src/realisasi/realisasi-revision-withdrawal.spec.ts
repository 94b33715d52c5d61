import { deciderSpec } from '../../testing/decider-spec';
import { kasubbagKul, kasubbagPdi, meta, sekretaris } from '../../testing/builders';
import { foldEvents } from '../shared/decider';
import { realisasiDecider } from './realisasi.decider';
import type { RealisasiEvent } from './realisasi.events';
import { approved, content, context, FEB_1, FEB_3, FEB_5, key, line, returned, saved, submitted } from './realisasi-spec.fixtures';

const spec = deciderSpec(realisasiDecider);
const FEB_9 = '2024-02-09T02:00:00.000Z';
const opened: RealisasiEvent = { type: 'RealisasiRevisionOpened', data: { revision: 1, reason: 'Salah ketik K1.1', openedBy: kasubbagKul.userId, openedAt: FEB_5 } };
const changed = { lines: [line('K1.1', '2'), line('K1.2', null)], budget: [{ kegiatanCode: 'K1', spent: '90000' }] };
const savedRevision: RealisasiEvent = {
  type: 'RealisasiDraftSaved',
  data: { key, revision: 1, pkVersion: 1, lines: changed.lines, budget: changed.budget, savedBy: kasubbagKul.userId, savedAt: FEB_5 },
};
const submittedRevision: RealisasiEvent = { type: 'RealisasiSubmitted', data: { revision: 1, resubmission: false, submittedBy: kasubbagKul.userId, submittedAt: FEB_5 } };
const returnedRevision: RealisasiEvent = { type: 'RealisasiReturned', data: { revision: 1, reason: 'Angka lama sudah benar', returnedBy: sekretaris.userId, returnedAt: FEB_5 } };
const withdraw = (reason?: string | null, who = kasubbagKul) => ({ type: 'WithdrawRealisasiRevision' as const, data: { reason }, metadata: meta(who, FEB_9) });
const withdrawn = (reason: string | null, approvedReturn: { by: string; reason: string; at: string } | null = null): RealisasiEvent => ({
  type: 'RealisasiRevisionWithdrawn',
  data: {
    revision: 1, approvedRevision: 0, pkVersion: 1, lines: content.lines, budget: content.budget,
    approvedSubmission: { by: kasubbagKul.userId, at: FEB_1 }, approvedReturn, reason, withdrawnBy: kasubbagKul.userId, withdrawnAt: FEB_9,
  },
});

describe('Monthly realisasi: withdrawing a correction opened by mistake', () => {
  it('given an opened revision whose draft was changed, when the Kasubbag withdraws it, then the approved content is recorded back', () => {
    spec(saved, submitted, approved, opened, savedRevision).when(withdraw()).then([withdrawn(null)]);
  });

  it('given a withdrawn revision, then the report is approved again exactly as before it was opened', () => {
    const before = foldEvents(realisasiDecider, [saved, submitted, approved]);
    const after = foldEvents(realisasiDecider, [saved, submitted, approved, opened, savedRevision, withdrawn('Dibuka keliru')]);
    if (before.status === 'EMPTY' || after.status === 'EMPTY') throw new Error('expected a report');
    const { version: _v1, history: _h1, valueHistory: _vh1, ...was } = before;
    const { version: _v2, history, valueHistory, ...is } = after;
    expect(is).toEqual(was);
    expect(history.at(-1)).toEqual({ type: 'RealisasiRevisionWithdrawn', revision: 1, by: kasubbagKul.userId, at: FEB_9, reason: 'Dibuka keliru' });
    expect(valueHistory['K1.1'].map((c) => c.value)).toEqual(['1', '2', '1']);
  });

  it('given a revision returned by the Sekretaris, when withdrawn with a reason, then it is recorded with the reason', () => {
    spec(saved, submitted, approved, opened, savedRevision, submittedRevision, returnedRevision).when(withdraw('  Tidak jadi dikoreksi ')).then([withdrawn('Tidak jadi dikoreksi')]);
  });

  it('given a first report returned before it was approved, when a later revision is withdrawn, then that return is what the report reads again', () => {
    const resubmitted: RealisasiEvent = { type: 'RealisasiSubmitted', data: { revision: 0, resubmission: true, submittedBy: kasubbagKul.userId, submittedAt: FEB_1 } };
    const events = spec(saved, submitted, returned, resubmitted, approved, opened).when(withdraw()).events();
    expect(events).toEqual([withdrawn(null, { by: sekretaris.userId, reason: 'Lampirkan SP2D', at: FEB_3 })]);
    const state = foldEvents(realisasiDecider, [saved, submitted, returned, resubmitted, approved, opened, ...events]);
    expect(state.status === 'APPROVED' && state.lastReturn).toEqual({ by: sekretaris.userId, reason: 'Lampirkan SP2D', at: FEB_3 });
  });

  it('given a submitted revision, when withdrawn, then it is refused: the Sekretaris must return it first', () => {
    spec(saved, submitted, approved, opened, savedRevision, submittedRevision).when(withdraw()).thenThrows('REALISASI.REVISION_SUBMITTED', 'conflict');
  });

  it('given an approved report with no revision open, or a report never approved, when withdrawn, then nothing is open', () => {
    spec(saved, submitted, approved).when(withdraw()).thenThrows('REALISASI.NO_REVISION_OPEN', 'conflict');
    spec(saved, submitted, returned).when(withdraw()).thenThrows('REALISASI.NO_REVISION_OPEN', 'conflict');
    spec(saved, submitted, approved, opened, withdrawn(null)).when(withdraw()).thenThrows('REALISASI.NO_REVISION_OPEN', 'conflict');
  });

  it('given a report never approved, when withdrawn, then the refusal says what its Kasubbag can do in its state: change the draft, correct the returned one, or wait for the Sekretaris', () => {
    const messageOf = (...events: RealisasiEvent[]) => {
      try {
        realisasiDecider.decide(withdraw(), foldEvents(realisasiDecider, events));
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(messageOf(saved)).toBe('Tidak ada revisi yang dapat dibatalkan: laporan ini belum pernah disetujui, jadi drafnya cukup diubah atau dibiarkan.');
    expect(messageOf(saved, submitted)).toBe(
      'Tidak ada revisi yang dapat dibatalkan: laporan ini belum pernah disetujui dan sedang menunggu persetujuan Sekretaris; tunggu Sekretaris menyetujui atau mengembalikannya.',
    );
    expect(messageOf(saved, submitted, returned)).toBe('Tidak ada revisi yang dapat dibatalkan: laporan ini belum pernah disetujui; laporan yang dikembalikan cukup diperbaiki lalu diajukan lagi.');
    spec(saved, submitted).when(withdraw()).thenThrows('REALISASI.NO_REVISION_OPEN', 'conflict');
  });

  it('given a report never started, when withdrawn, then it is not found (404): there is no report, not merely no revision', () => {
    spec().when(withdraw()).thenThrows('REALISASI.NOT_FOUND', 'not_found');
  });

  it('given an opened revision, when another subbagian\'s Kasubbag or the Sekretaris withdraws it, then it is forbidden', () => {
    spec(saved, submitted, approved, opened).when(withdraw(null, kasubbagPdi)).thenThrows('REALISASI.OTHER_SUBBAGIAN', 'forbidden');
    spec(saved, submitted, approved, opened).when(withdraw(null, sekretaris)).thenThrows('REALISASI.FORBIDDEN', 'forbidden');
  });

  it('given an opened revision, when withdrawn with a blank reason, then the reason is refused', () => {
    spec(saved, submitted, approved, opened).when(withdraw('  \u200b ')).thenThrows('REALISASI.REASON_INVALID', 'validation');
  });

  it('given a withdrawn revision 1, when a correction is opened again, then it is revision 2 and must still change something', () => {
    const reopened = spec(saved, submitted, approved, opened, withdrawn(null))
      .when({ type: 'ReviseRealisasi', data: { reason: 'Koreksi K1.1', context }, metadata: meta(kasubbagKul, FEB_9) }).events();
    expect(reopened).toEqual([{ type: 'RealisasiRevisionOpened', data: { revision: 2, reason: 'Koreksi K1.1', openedBy: kasubbagKul.userId, openedAt: FEB_9 } }]);
    spec(saved, submitted, approved, opened, withdrawn(null), ...reopened)
      .when({ type: 'SubmitRealisasi', data: { key, context, content }, metadata: meta(kasubbagKul, FEB_9) }).thenThrows('REALISASI.REVISION_UNCHANGED');
  });
});
