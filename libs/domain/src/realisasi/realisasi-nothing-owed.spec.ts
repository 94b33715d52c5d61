import { deciderSpec } from '../../testing/decider-spec';
import { actor, anIndicator, aPkInForce, aStructure, kasubbagKul, meta, sekretaris } from '../../testing/builders';
import { DomainError } from '../shared/domain-error';
import { realisasiDecider } from './realisasi.decider';
import type { RealisasiCommand, RealisasiContext } from './realisasi.commands';
import type { RealisasiEvent } from './realisasi.events';
import { approved, content, context, FEB_1, FEB_5, key, line, returned, saved, submitted } from './realisasi-spec.fixtures';

const spec = deciderSpec(realisasiDecider);
const kasubbagTph = actor('KASUBBAG', 'u-kasubbag-tph', 'TPH');
const tphKey = { ...key, subbagian: 'TPH' };
const empty = { lines: [], budget: [] };
/** PK version 2, in which every indicator of KUL has gone to PDI: KUL owes nothing under it. */
const kulOwesNothing: RealisasiContext = {
  ...context,
  pkInForce: aPkInForce(aStructure([anIndicator({ picSubbagian: 'PDI' }), anIndicator({ code: 'K1.2', name: 'Layanan Pengawasan Internal', picSubbagian: 'PDI' })]), 2),
};

function refusal(command: RealisasiCommand, ...given: RealisasiEvent[]): DomainError {
  try {
    realisasiDecider.decide(command, given.reduce(realisasiDecider.evolve, realisasiDecider.initialState()));
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('Monthly realisasi: a subbagian that is PIC of no indicator owes no report', () => {
  const saveTph = { type: 'SaveRealisasiDraft' as const, data: { key: tphKey, context, ...empty }, metadata: meta(kasubbagTph, FEB_1) };

  it('given nothing, when the Kasubbag of a subbagian owning no indicator saves an empty report, then it is refused naming the month and the PK', () => {
    spec().when(saveTph).thenThrows('REALISASI.NOTHING_OWED', 'validation');
    const error = refusal(saveTph);
    expect(error.message).toBe('Subbagian TPH tidak menjadi PIC indikator apa pun pada PK 2024 (versi 1) yang berlaku untuk Januari 2024; tidak ada laporan yang wajib dikirim.');
    expect(error.details).toEqual({ subbagian: 'TPH', year: 2024, month: 1, pkVersion: 1 });
  });

  it('given nothing, when it submits, with an empty content or without any, then it is refused as nothing owed (not as an empty report)', () => {
    spec().when({ type: 'SubmitRealisasi', data: { key: tphKey, context, content: empty }, metadata: meta(kasubbagTph, FEB_1) }).thenThrows('REALISASI.NOTHING_OWED');
    spec().when({ type: 'SubmitRealisasi', data: { key: tphKey, context }, metadata: meta(kasubbagTph, FEB_1) }).thenThrows('REALISASI.NOTHING_OWED');
  });

  it('given a draft and a returned report under the version their month is reported under, when saved and resubmitted, then they go on as before', () => {
    expect(spec(saved).when({ type: 'SubmitRealisasi', data: { key, context }, metadata: meta(kasubbagKul, FEB_1) }).events().map((e) => e.type)).toEqual(['RealisasiSubmitted']);
    const fixed = { ...content, lines: [line('K1.1', '2'), line('K1.2', null)] };
    const resubmitted = spec(saved, submitted, returned).when({ type: 'SubmitRealisasi', data: { key, context, content: fixed }, metadata: meta(kasubbagKul, FEB_5) }).events();
    expect(resubmitted.map((e) => e.type)).toEqual(['RealisasiDraftSaved', 'RealisasiSubmitted']);
  });

  it('given a draft, when saved or submitted against a version that gives the subbagian nothing, then it is refused as lines of indicators no longer owned are', () => {
    spec(saved).when({ type: 'SaveRealisasiDraft', data: { key, context: kulOwesNothing, ...empty }, metadata: meta(kasubbagKul, FEB_5) }).thenThrows('REALISASI.NOTHING_OWED');
    spec(saved, submitted, returned).when({ type: 'SubmitRealisasi', data: { key, context: kulOwesNothing }, metadata: meta(kasubbagKul, FEB_5) }).thenThrows('REALISASI.NOTHING_OWED');
  });

  it('given a submitted report, when the Sekretaris approves it, then it is approved whatever the PK now says (approval reads no PK)', () => {
    expect(spec(saved, submitted).when({ type: 'ApproveRealisasi', data: {}, metadata: meta(sekretaris, FEB_5) }).events().map((e) => e.type)).toEqual(['RealisasiApproved']);
  });

  it('given an approved report with figures, when revised against a version that gives the subbagian nothing, then the approved figures are named as lost first', () => {
    const revise = { type: 'ReviseRealisasi' as const, data: { reason: 'Salah ketik', context: kulOwesNothing }, metadata: meta(kasubbagKul, FEB_5) };
    spec(saved, submitted, approved).when(revise).thenThrows('REALISASI.OWNERSHIP_CHANGED', 'conflict');
  });

  it('given an approved report of blank lines only, when revised against a version that gives the subbagian nothing, then no correction is opened (it could never be sent)', () => {
    const blank: RealisasiEvent = { ...saved, data: { ...saved.data, lines: [line('K1.1', null), line('K1.2', null)], budget: [] } } as RealisasiEvent;
    const revise = { type: 'ReviseRealisasi' as const, data: { reason: 'Salah ketik', context: kulOwesNothing }, metadata: meta(kasubbagKul, FEB_5) };
    spec(blank, submitted, approved).when(revise).thenThrows('REALISASI.NOTHING_OWED', 'validation');
    expect(refusal(revise, blank, submitted, approved).message).toContain('revisi tidak dapat diajukan karena tidak ada laporan yang wajib dikirim. Angka yang sudah disetujui tetap berlaku.');
    // Under the version the month is reported under, the correction opens as before.
    const underOwn = { ...revise, data: { ...revise.data, context } };
    expect(spec(blank, submitted, approved).when(underOwn).events().map((e) => e.type)).toEqual(['RealisasiRevisionOpened']);
  });
});
