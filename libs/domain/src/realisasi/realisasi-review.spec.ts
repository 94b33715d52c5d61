import { deciderSpec } from '../../testing/decider-spec';
import { actor, anIndicator, aPkInForce, aStructure, kasubbagKul, ketua, meta, sekretaris } from '../../testing/builders';
import { foldEvents } from '../shared/decider';
import { realisasiDecider } from './realisasi.decider';
import { approvedRealisasiOf } from './realisasi.state';
import { ownRealisasiSubmission } from './realisasi.decide';
import type { RealisasiEvent } from './realisasi.events';
import { approved, content, context, FEB_3, FEB_5, key, line, returned, saved, submitted } from './realisasi-spec.fixtures';

const spec = deciderSpec(realisasiDecider);

describe('Monthly realisasi: approval, return, resubmission and revision', () => {
  it('given a submitted report, when the Sekretaris approves, then it is approved', () => {
    spec(saved, submitted).when({ type: 'ApproveRealisasi', data: {}, metadata: meta(sekretaris, FEB_3) }).then([approved]);
  });

  it('given a submitted report, when a Kasubbag or the Ketua approves, then it is forbidden', () => {
    spec(saved, submitted).when({ type: 'ApproveRealisasi', data: {}, metadata: meta(kasubbagKul) }).thenThrows('REALISASI.FORBIDDEN', 'forbidden');
    spec(saved, submitted).when({ type: 'ApproveRealisasi', data: {}, metadata: meta(ketua) }).thenThrows('REALISASI.FORBIDDEN', 'forbidden');
  });

  it('given a report submitted by a user, when the same user approves or returns it as Sekretaris, then maker-checker refuses', () => {
    const self = actor('SEKRETARIS', kasubbagKul.userId);
    spec(saved, submitted).when({ type: 'ApproveRealisasi', data: {}, metadata: meta(self) }).thenThrows('REALISASI.OWN_SUBMISSION', 'forbidden');
    spec(saved, submitted).when({ type: 'ReturnRealisasi', data: { reason: 'Periksa lagi' }, metadata: meta(self) }).thenThrows('REALISASI.OWN_SUBMISSION', 'forbidden');
  });

  it('given a report submitted from another account with the approver’s e-mail, when approved or returned, then maker-checker refuses', () => {
    const otherAccount = { ...sekretaris, otherAccounts: [kasubbagKul.userId] };
    spec(saved, submitted).when({ type: 'ApproveRealisasi', data: {}, metadata: meta(otherAccount) }).thenThrows('REALISASI.OWN_SUBMISSION', 'forbidden');
    spec(saved, submitted).when({ type: 'ReturnRealisasi', data: { reason: 'Periksa lagi' }, metadata: meta(otherAccount) }).thenThrows('REALISASI.OWN_SUBMISSION', 'forbidden');
  });

  it('given a report submitted from an account of the office under the approver’s full name (a Plt), when approved or returned, then maker-checker refuses', () => {
    const plt = { ...sekretaris, sameNameAccounts: [kasubbagKul.userId] };
    spec(saved, submitted).when({ type: 'ApproveRealisasi', data: {}, metadata: meta(plt) }).thenThrows('REALISASI.OWN_SUBMISSION', 'forbidden');
    spec(saved, submitted).when({ type: 'ReturnRealisasi', data: { reason: 'Periksa lagi' }, metadata: meta(plt) }).thenThrows('REALISASI.OWN_SUBMISSION', 'forbidden');
    spec(saved, submitted).when({ type: 'ApproveRealisasi', data: {}, metadata: meta({ ...sekretaris, sameNameAccounts: ['u-lain'] }, FEB_3) }).then([approved]);
  });

  it('given the Plt refused as its submitter, then the message names who may review a report instead: another Sekretaris only, never the Ketua', () => {
    const plt = { ...sekretaris, sameNameAccounts: [kasubbagKul.userId] };
    const refusal = spec(saved, submitted).when({ type: 'ApproveRealisasi', data: {}, metadata: meta(plt) }).thenThrows('REALISASI.OWN_SUBMISSION', 'forbidden');
    // The role as a person reads it, not its code (ADMIN).
    expect(refusal.message).toContain('harus orang lain: Sekretaris lain; bila satker tidak memiliki Sekretaris lain, Administrator dapat membuat akun Sekretaris untuk Plh yang ditunjuk.');
    expect(refusal.message).not.toContain('Ketua');
    expect(refusal.message).toContain('(mis. Anda juga Kepala Subbagian sebagai Plt Sekretaris)');
  });

  it('given the approval inbox’s mark beside one’s own report, then it says that approving and returning are both refused', () => {
    // Returning is refused as approving is: the inbox must not suggest the Sekretaris may still return it.
    expect(ownRealisasiSubmission(sekretaris, sekretaris.userId)?.message).toMatch(
      /^Anda tidak dapat menyetujui atau mengembalikan laporan yang Anda ajukan sendiri; harus orang lain: Sekretaris lain; .*Administrator dapat membuat akun Sekretaris/,
    );
    expect(ownRealisasiSubmission(sekretaris, kasubbagKul.userId)).toBeNull();
  });

  it('given a returned report, when returned or approved again, then it is refused saying it waits for the Kasubbag to submit it again', () => {
    const refusal = spec(saved, submitted, returned).when({ type: 'ReturnRealisasi', data: { reason: 'Periksa lagi' }, metadata: meta(sekretaris) }).thenThrows('REALISASI.NOT_SUBMITTED', 'conflict');
    expect(refusal.message).toBe('Laporan sudah dikembalikan dan belum diajukan ulang oleh Kepala Subbagian.');
    expect(refusal.details).toEqual({ status: 'RETURNED' });
  });

  it('given a draft never submitted, when approved, then it is refused as a draft', () => {
    expect(spec(saved).when({ type: 'ApproveRealisasi', data: {}, metadata: meta(sekretaris) }).thenThrows('REALISASI.NOT_SUBMITTED', 'conflict').message)
      .toBe('Laporan masih draf dan belum diajukan.');
  });

  it('given the approver has other accounts that did not submit the report, when approved, then it is approved', () => {
    spec(saved, submitted).when({ type: 'ApproveRealisasi', data: {}, metadata: meta({ ...sekretaris, otherAccounts: ['u-lain'] }, FEB_3) }).then([approved]);
  });

  it('given a draft, when approved, then it is refused: not submitted', () => {
    spec(saved).when({ type: 'ApproveRealisasi', data: {}, metadata: meta(sekretaris) }).thenThrows('REALISASI.NOT_SUBMITTED', 'conflict');
  });

  it('given no report, when approved, then it is not found', () => {
    spec().when({ type: 'ApproveRealisasi', data: {}, metadata: meta(sekretaris) }).thenThrows('REALISASI.NOT_FOUND', 'not_found');
  });

  it('given an approved report, when approved again, then it conflicts', () => {
    spec(saved, submitted, approved).when({ type: 'ApproveRealisasi', data: {}, metadata: meta(sekretaris) }).thenThrows('REALISASI.ALREADY_APPROVED', 'conflict');
  });

  it('given an approved report, when returned, then the refusal says it is corrected by a revision the Kasubbag submits', () => {
    const state = foldEvents(realisasiDecider, [saved, submitted, approved] as RealisasiEvent[]);
    let error: { code?: string; message?: string } = {};
    try {
      realisasiDecider.decide({ type: 'ReturnRealisasi', data: { reason: 'Angka Maret salah' }, metadata: meta(sekretaris) }, state);
    } catch (e) {
      error = e as typeof error;
    }
    expect(error.code).toBe('REALISASI.ALREADY_APPROVED');
    expect(error.message).toBe('Laporan sudah disetujui, sehingga tidak dapat dikembalikan atau disetujui lagi. Laporan yang sudah disetujui dikoreksi '
      + 'dengan revisi: Kepala Subbagian penanggung jawabnya mengajukan perbaikan (revisi) dengan alasan, lalu Sekretaris menelaahnya kembali.');
  });

  it('given a submitted report, when returned without a reason, then the reason is required', () => {
    spec(saved, submitted).when({ type: 'ReturnRealisasi', data: { reason: '' }, metadata: meta(sekretaris) }).thenThrows('REALISASI.REASON_REQUIRED');
    spec(saved, submitted).when({ type: 'ReturnRealisasi', data: { reason: '\u3164\u3164\u3164' }, metadata: meta(sekretaris) }).thenThrows('REALISASI.REASON_REQUIRED');
  });

  it('given a submitted report, when returned with a reason, then it is returned', () => {
    spec(saved, submitted).when({ type: 'ReturnRealisasi', data: { reason: 'Lampirkan SP2D' }, metadata: meta(sekretaris, FEB_3) }).then([returned]);
  });

  it('given a returned report, when the Kasubbag fixes and resubmits, then it is a resubmission', () => {
    const fixed = { lines: [line('K1.1', '1'), line('K1.2', '1', { evidence: [{ sha256: 'b'.repeat(64), fileName: 'sp2d.pdf', contentType: 'application/pdf', size: 10 }] })], budget: content.budget };
    const events = spec(saved, submitted, returned).when({ type: 'SubmitRealisasi', data: { key, context, content: fixed }, metadata: meta(kasubbagKul, FEB_5) }).events();
    expect(events.map((e) => e.type)).toEqual(['RealisasiDraftSaved', 'RealisasiSubmitted']);
    expect(events[1]).toEqual({ type: 'RealisasiSubmitted', data: { revision: 0, resubmission: true, submittedBy: kasubbagKul.userId, submittedAt: FEB_5 } });
  });

  it('given an approved report, when the Kasubbag revises without a reason, then the reason is required', () => {
    spec(saved, submitted, approved).when({ type: 'ReviseRealisasi', data: { reason: ' ' }, metadata: meta(kasubbagKul) }).thenThrows('REALISASI.REASON_REQUIRED');
    spec(saved, submitted, approved).when({ type: 'ReviseRealisasi', data: { reason: '\u0301\u0301\u0301' }, metadata: meta(kasubbagKul) }).thenThrows('REALISASI.REASON_REQUIRED');
  });

  it('given a draft, when revised, then it is refused: only approved reports are revised', () => {
    spec(saved).when({ type: 'ReviseRealisasi', data: { reason: 'Salah ketik' }, metadata: meta(kasubbagKul) }).thenThrows('REALISASI.NOT_APPROVED', 'conflict');
  });

  it('given approved figures of an indicator a PK Perubahan has since handed to another subbagian, when revised, then it is refused, naming it', () => {
    // K1.1 (approved: 1) now belongs to PDI; K1.2 (approved blank) stays with KUL, and so does kegiatan K1's budget.
    const moved = aPkInForce(aStructure([anIndicator({ picSubbagian: 'PDI' }), anIndicator({ code: 'K1.2', name: 'Layanan Pengawasan Internal' })]), 2);
    const revise = (pk = moved) => spec(saved, submitted, approved)
      .when({ type: 'ReviseRealisasi', data: { reason: 'Salah ketik K1.1', context: { ...context, pkInForce: pk } }, metadata: meta(kasubbagKul, FEB_5) });
    revise().thenThrows('REALISASI.OWNERSHIP_CHANGED', 'conflict');
    expect(() => revise().events()).toThrow(/sejak PK versi 2, K1\.1 bukan lagi tanggung jawab subbagian KUL/);
    // Under the PK it was approved with, or when only a blank line moved, the correction opens.
    expect(revise(context.pkInForce!).events().map((e) => e.type)).toEqual(['RealisasiRevisionOpened']);
    const blankMoved = aPkInForce(aStructure([anIndicator(), anIndicator({ code: 'K1.2', name: 'Layanan Pengawasan Internal', picSubbagian: 'PDI' })]), 2);
    expect(revise(blankMoved).events().map((e) => e.type)).toEqual(['RealisasiRevisionOpened']);
  });

  it('given an approved report, when revised with a reason, then revision 1 opens; the approved figures count until it is approved again', () => {
    const opened: RealisasiEvent = { type: 'RealisasiRevisionOpened', data: { revision: 1, reason: 'Salah ketik K1.1', openedBy: kasubbagKul.userId, openedAt: FEB_5 } };
    spec(saved, submitted, approved).when({ type: 'ReviseRealisasi', data: { reason: 'Salah ketik K1.1' }, metadata: meta(kasubbagKul, FEB_5) }).then([opened]);

    const corrected = { lines: [line('K1.1', '2'), line('K1.2', null)], budget: content.budget };
    const resubmit = spec(saved, submitted, approved, opened).when({ type: 'SubmitRealisasi', data: { key, context, content: corrected }, metadata: meta(kasubbagKul, FEB_5) }).events();
    expect(resubmit.map((e) => (e.data as { revision: number }).revision)).toEqual([1, 1]);

    const pending = foldEvents(realisasiDecider, [saved, submitted, approved, opened, ...resubmit]);
    expect(approvedRealisasiOf(pending)?.lines[0].value).toBe('1');
    expect(pending.status).toBe('SUBMITTED');

    const reapproved: RealisasiEvent = { type: 'RealisasiApproved', data: { revision: 1, approvedBy: sekretaris.userId, approvedAt: FEB_5 } };
    const after = foldEvents(realisasiDecider, [saved, submitted, approved, opened, ...resubmit, reapproved]);
    expect(approvedRealisasiOf(after)).toMatchObject({ month: 1, subbagian: 'KUL', revision: 1, pkVersion: 1 });
    expect(approvedRealisasiOf(after)?.lines[0].value).toBe('2');
    if (after.status === 'EMPTY') throw new Error('expected a report');
    expect(after.version).toBe(7);
    expect(after.valueHistory['K1.1'].map((c) => [c.value, c.revision])).toEqual([['1', 0], ['2', 1]]);
    expect(after.history.map((h) => h.type)).toEqual([
      'RealisasiDraftSaved', 'RealisasiSubmitted', 'RealisasiApproved', 'RealisasiRevisionOpened', 'RealisasiDraftSaved', 'RealisasiSubmitted', 'RealisasiApproved',
    ]);
  });

  it('given an approved report, when a Kasubbag of another subbagian revises it, then it is forbidden', () => {
    spec(saved, submitted, approved).when({ type: 'ReviseRealisasi', data: { reason: 'Salah' }, metadata: meta(actor('KASUBBAG', 'u-x', 'PDI')) }).thenThrows('REALISASI.OTHER_SUBBAGIAN', 'forbidden');
  });
});
