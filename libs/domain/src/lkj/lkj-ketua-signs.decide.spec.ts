import { deciderSpec } from '../../testing/decider-spec';
import type { CommandMetadata, Role } from '../shared/actor';
import { foldEvents } from '../shared/decider';
import type { LkjCommand } from './lkj.commands';
import { lkjDecider } from './lkj.decider';
import type { LkjEvent, LkjFile } from './lkj.events';
import { awaitingSignature, lkjStatus } from './lkj.state';

const given = deciderSpec(lkjDecider);
const SIGNED_AT = '2025-01-12T03:00:00.000Z';
const meta = (role: Role = 'KETUA', userId = 'u-ketua'): CommandMetadata => ({ actor: { userId, role, subbagian: null }, now: SIGNED_AT });
const files: LkjFile[] = [{ format: 'DOCX', sha256: 'a'.repeat(64), size: 10 }, { format: 'PDF', sha256: 'b'.repeat(64), size: 20 }];

const requested = (version: number, draft = false): LkjEvent => ({
  type: 'LkjRequested',
  data: { satker: 's1', year: 2024, version, draft, reason: draft ? 'REQUESTED' : 'ALL_APPROVED', suggestions: [], requestedBy: 'system', requestedAt: '2025-01-10T02:00:00.000Z' },
});
const produced = (version: number, signatureRequired: boolean, draft = false): LkjEvent => ({
  type: 'LkjProduced',
  data: { version, draft, files, modelDigest: 'c'.repeat(64), ...(signatureRequired ? { signatureRequired: true as const } : {}), producedAt: '2025-01-10T02:00:04.000Z' },
});
const stale = (version: number): LkjEvent => ({ type: 'LkjMarkedStale', data: { version, reason: 'Revisi laporan disetujui.', markedAt: '2025-01-11T02:00:00.000Z' } });
const signed = (version: number): LkjEvent => ({ type: 'LkjSigned', data: { version, signedBy: 'u-ketua', signedAt: SIGNED_AT } });
const sign = (version: number, role: Role = 'KETUA'): LkjCommand => ({ type: 'SignLkj', data: { version }, metadata: meta(role) });
const record = (version: number, signatureRequired: boolean): LkjCommand => ({
  type: 'RecordLkjProduced', data: { version, files, modelDigest: 'c'.repeat(64), signatureRequired }, metadata: meta('SEKRETARIS', 'system'),
});

describe('the Ketua signs the final LKj (an office setting, off by default)', () => {
  describe('production records whether the version waits for the Ketua', () => {
    it('given a final version asked for, when produced for an office that requires the signature, then LkjProduced says so and the year awaits it', () => {
      const events = given(requested(1)).when(record(1, true)).events();
      expect(events[0].data).toMatchObject({ version: 1, signatureRequired: true });
      const state = foldEvents(lkjDecider, [requested(1), ...events]);
      expect({ status: lkjStatus(state), awaiting: awaitingSignature(state) }).toEqual({ status: 'produced', awaiting: true });
    });

    it('given the step off, when produced, then LkjProduced is as it always was (no signatureRequired) and nothing awaits', () => {
      const events = given(requested(1)).when(record(1, false)).events();
      expect(events[0].data).not.toHaveProperty('signatureRequired');
      expect(awaitingSignature(foldEvents(lkjDecider, [requested(1), ...events]))).toBe(false);
    });

    it('given a draft, when produced for an office that requires the signature, then it never waits for one', () => {
      const events = given(requested(1, true)).when(record(1, true)).events();
      expect(events[0].data).not.toHaveProperty('signatureRequired');
    });
  });

  describe('signing', () => {
    it('given a produced final version that requires it, when the Ketua signs, then LkjSigned names the Ketua and the moment, and nothing awaits any more', () => {
      given(requested(1), produced(1, true)).when(sign(1)).then([{ type: 'LkjSigned', data: { version: 1, signedBy: 'u-ketua', signedAt: SIGNED_AT } }]);
      const state = foldEvents(lkjDecider, [requested(1), produced(1, true), signed(1)]);
      expect({ status: lkjStatus(state), awaiting: awaitingSignature(state), signed: state.versions[0].signed })
        .toEqual({ status: 'produced', awaiting: false, signed: { by: 'u-ketua', at: SIGNED_AT } });
    });

    it('given a version signed, when it is signed again, then 409 LKJ.ALREADY_SIGNED', () => {
      given(requested(1), produced(1, true), signed(1)).when(sign(1)).thenThrows('LKJ.ALREADY_SIGNED', 'conflict');
    });

    it('given a version signed, when it is signed again, then the refusal says who signed and when, on the office\'s clock', () => {
      const again: LkjCommand = { type: 'SignLkj', data: { version: 1, timeZone: 'Asia/Makassar', names: { 'u-ketua': 'Ali Ketua' } }, metadata: meta() };
      const error = given(requested(1), produced(1, true), signed(1)).when(again).thenThrows('LKJ.ALREADY_SIGNED', 'conflict');
      expect(error.message).toBe('LKj 2024 versi 1 sudah ditandatangani oleh Ketua (Ali Ketua) pada 12 Januari 2025 11.00 WITA; tidak perlu ditandatangani lagi.');
      expect(error.details).toEqual({ version: 1, signedBy: 'u-ketua', signedAt: SIGNED_AT });
    });

    it('given the office did not require it when the version was produced, when the Ketua signs, then 409 LKJ.SIGNATURE_NOT_REQUIRED', () => {
      given(requested(1), produced(1, false)).when(sign(1)).thenThrows('LKJ.SIGNATURE_NOT_REQUIRED', 'conflict');
    });

    it('given a draft, when the Ketua signs it, then 409 LKJ.DRAFT_NOT_SIGNED', () => {
      given(requested(1, true), produced(1, false, true)).when(sign(1)).thenThrows('LKJ.DRAFT_NOT_SIGNED', 'conflict');
    });

    it('given a final version not produced yet, when the Ketua signs, then 409 LKJ.NOT_PRODUCED_YET', () => {
      given(requested(1)).when(sign(1)).thenThrows('LKJ.NOT_PRODUCED_YET', 'conflict');
    });

    it('given a version never asked for, when the Ketua signs, then 404 LKJ.VERSION_NOT_FOUND', () => {
      given(requested(1), produced(1, true)).when(sign(7)).thenThrows('LKJ.VERSION_NOT_FOUND', 'not_found');
    });

    it('given a version marked stale before it was signed, when the Ketua signs it, then 409 LKJ.VERSION_STALE; it stays unsigned', () => {
      const history = [requested(1), produced(1, true), stale(1), requested(2)];
      const error = given(...history).when(sign(1)).thenThrows('LKJ.VERSION_STALE', 'conflict');
      // Plain sentences: the reason is not wrapped in the message's own parentheses.
      expect(error.message).toBe('LKj 2024 versi 1 tidak lagi mutakhir. Sebab: Revisi laporan disetujui. Tanda tangani versi baru setelah selesai dibuat.');
      expect(foldEvents(lkjDecider, history).versions[0].signed).toBeNull();
    });

    it('given a newer final version asked for, when the Ketua signs the older one, then 409 LKJ.VERSION_SUPERSEDED', () => {
      given(requested(1), produced(1, true), requested(2)).when(sign(1)).thenThrows('LKJ.VERSION_SUPERSEDED', 'conflict');
    });

    it('given version 1 signed and then gone stale, when version 2 is produced, then version 2 waits for its own signature and can be signed', () => {
      const history = [requested(1), produced(1, true), signed(1), stale(1), requested(2), produced(2, true)];
      expect(awaitingSignature(foldEvents(lkjDecider, history))).toBe(true);
      given(...history).when(sign(2)).then([{ type: 'LkjSigned', data: { version: 2, signedBy: 'u-ketua', signedAt: SIGNED_AT } }]);
    });

    it('given a draft asked for after the final, when the Ketua signs the final, then the draft does not supersede it', () => {
      given(requested(1), produced(1, true), requested(2, true)).when(sign(1)).then([signed(1)]);
    });

    it.each<Role>(['SEKRETARIS', 'INSPEKTORAT', 'KASUBBAG', 'ADMIN'])('given a version awaiting the signature, when a %s signs, then 403 LKJ.SIGNER_NOT_KETUA', (role) => {
      given(requested(1), produced(1, true)).when(sign(1, role)).thenThrows('LKJ.SIGNER_NOT_KETUA', 'forbidden');
    });
  });
});
