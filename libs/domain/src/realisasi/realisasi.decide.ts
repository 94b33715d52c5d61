import { Dec } from '../shared/decimal';
import { DomainError } from '../shared/domain-error';
import { localDateOf, monthHasEnded } from '../shared/local-date';
import { indonesianMonthYear, officeZoneAbbreviation } from '../shared/indonesian-time';
import { readableReason, REASON_RULE_MESSAGE } from '../shared/reason';
import { ownSubmissionRefusal, ROLE_LABELS, samePerson, type Actor, type CommandMetadata } from '../shared/actor';
import type { PkVersionInForce } from '../perjanjian-kinerja/pk-structure.types';
import type { RealisasiCommand, RealisasiContext, SaveRealisasiDraft, SubmitRealisasi, ApproveRealisasi, ReturnRealisasi, ReviseRealisasi, WithdrawRealisasiRevision } from './realisasi.commands';
import type { RealisasiEvent } from './realisasi.events';
import { latestRevisionOf, type ExistingRealisasiState, type RealisasiState } from './realisasi.state';
import type { RealisasiContent, RealisasiKey } from './realisasi.types';
import { isOfficeCode } from '../shared/office-code';
import { indicatorsOf } from '../perjanjian-kinerja/pk-structure.validate';
import { validateCompleteForSubmission, validateRealisasiContent } from './realisasi-content.validate';
import { requireSomethingOwed } from './realisasi-owed.check';
import { requireRevisionChanged } from './realisasi-revision.check';
import { sameContentAsRead } from './realisasi-content.compare';

function refuse(code: string, message: string, kind: DomainError['kind'], details: Record<string, unknown> = {}): never {
  throw new DomainError(code, message, kind, details);
}

function validateKey(key: RealisasiKey): void {
  const ok = key && isOfficeCode(key.satker) && Number.isInteger(key.year)
    && Number.isInteger(key.month) && key.month >= 1 && key.month <= 12 && isOfficeCode(key.subbagian);
  if (!ok) refuse('REALISASI.INVALID_PERIOD', 'Satker, tahun, bulan (1–12) dan subbagian laporan wajib diisi dengan benar.', 'validation');
}

/**
 * "Anda Kepala Subbagian PDI; laporan subbagian XYZ hanya untuk Kepala Subbagian XYZ.": the refusal names
 * the reader's own subbagian, so a mistyped code in the address is seen at once for what it is.
 */
export function otherSubbagianMessage(subbagian: string, own: string | null): string {
  const who = own ? `Anda Kepala Subbagian ${own}; laporan` : 'Laporan';
  return `${who} subbagian ${subbagian} hanya dapat diisi dan dibaca oleh Kepala Subbagian ${subbagian}.`;
}

/** Only the Kasubbag of the report's own subbagian writes it. */
function requireOwnKasubbag(actor: Actor, subbagian: string): void {
  if (actor.role !== 'KASUBBAG') refuse('REALISASI.FORBIDDEN', 'Hanya Kepala Subbagian yang dapat mengisi laporan realisasi.', 'forbidden');
  if (actor.subbagian !== subbagian) {
    refuse('REALISASI.OTHER_SUBBAGIAN', otherSubbagianMessage(subbagian, actor.subbagian ?? null), 'forbidden', { subbagian, ownSubbagian: actor.subbagian ?? null });
  }
}

/**
 * "Bulan Desember 2026 belum berakhir; laporan dapat dikirim mulai 1 Januari 2027 pukul 00.00 WIT.":
 * the month by name and the moment it ends in the office's own time.
 */
export function monthNotEndedMessage(year: number, month: number, timeZone: string): string {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return `Bulan ${indonesianMonthYear(year, month)} belum berakhir; laporan dapat dikirim mulai 1 ${indonesianMonthYear(next.year, next.month)} pukul 00.00 ${officeZoneAbbreviation(timeZone)}.`;
}

/** A report exists only for a month that has ended in the office's time zone, under an approved PK. */
function requirePeriodOpen(key: RealisasiKey, context: RealisasiContext, metadata: CommandMetadata): PkVersionInForce {
  const today = localDateOf(metadata.now, context.timezone);
  if (!monthHasEnded(key.year, key.month, today)) {
    refuse('REALISASI.MONTH_NOT_ENDED', monthNotEndedMessage(key.year, key.month, context.timezone), 'validation', { year: key.year, month: key.month });
  }
  const pk = context.pkInForce;
  if (!pk || pk.satker !== key.satker || pk.year !== key.year) {
    refuse('REALISASI.NO_APPROVED_PK', `Belum ada Perjanjian Kinerja ${key.year} yang disetujui untuk satker ini. Laporan realisasi baru dapat diisi setelah Sekretaris mengajukan PK tahun tersebut dan Ketua (atau Sekretaris lain) menyetujuinya.`, 'conflict', { year: key.year });
  }
  return pk;
}

function requireSameKey(state: RealisasiState, key: RealisasiKey): void {
  if (state.status === 'EMPTY') return;
  const s = state.key;
  if (s.satker !== key.satker || s.year !== key.year || s.month !== key.month || s.subbagian !== key.subbagian) {
    refuse('REALISASI.KEY_MISMATCH', 'Perintah tidak sesuai dengan laporan yang dituju.', 'validation');
  }
}

function requireEditable(state: RealisasiState): void {
  if (state.status === 'SUBMITTED') refuse('REALISASI.ALREADY_SUBMITTED', 'Laporan sudah diajukan dan menunggu persetujuan.', 'conflict');
  if (state.status === 'APPROVED') refuse('REALISASI.ALREADY_APPROVED', 'Laporan sudah disetujui; ajukan perbaikan (revisi) dengan alasan.', 'conflict');
}

function saved(key: RealisasiKey, content: RealisasiContent, state: RealisasiState, pk: PkVersionInForce, metadata: CommandMetadata): RealisasiEvent {
  const revision = state.status === 'EMPTY' ? 0 : state.revision;
  return {
    type: 'RealisasiDraftSaved',
    data: { key, revision, pkVersion: pk.version, lines: content.lines, budget: content.budget, savedBy: metadata.actor.userId, savedAt: metadata.now },
  };
}

function saveDraft(command: SaveRealisasiDraft, state: RealisasiState): RealisasiEvent[] {
  const { key, context, lines, budget } = command.data;
  validateKey(key);
  requireSameKey(state, key);
  requireOwnKasubbag(command.metadata.actor, key.subbagian);
  requireEditable(state);
  const pk = requirePeriodOpen(key, context, command.metadata);
  requireSomethingOwed(key, pk);
  validateRealisasiContent({ lines, budget }, pk, key.subbagian);
  // The same draft saved again (a second click, an autosave) records nothing: its version stays,
  // so nobody holding it meets a conflict for a change that did not happen. A returned report being
  // fixed alike: the log and the Inspektorat's trail get no line for what did not change.
  if (unchangedDraft(state, { lines, budget }, pk) && !command.metadata.recordUnchanged) return [];
  return [saved(key, { lines, budget }, state, pk, command.metadata)];
}

/**
 * Whether `content` is the draft being edited as its readers see it (`sameContentAsRead`): the same
 * figures, files and texts under the same PK version, whatever the order of its lines or the white
 * space nobody sees (a trailing space, a double line break). Saving it again changes nothing, so it
 * is not recorded and the draft keeps its texts as first typed.
 */
function unchangedDraft(state: RealisasiState, content: RealisasiContent, pk: PkVersionInForce): boolean {
  const editing = state.status === 'DRAFT' || state.status === 'RETURNED';
  return editing && state.pkVersion === pk.version && sameContentAsRead(state.content, content);
}

function submit(command: SubmitRealisasi, state: RealisasiState): RealisasiEvent[] {
  const { key, context, content } = command.data;
  validateKey(key);
  requireSameKey(state, key);
  requireOwnKasubbag(command.metadata.actor, key.subbagian);
  requireEditable(state);
  const pk = requirePeriodOpen(key, context, command.metadata);
  requireSomethingOwed(key, pk);
  if (!content && state.status === 'EMPTY') refuse('REALISASI.EMPTY', 'Laporan belum diisi.', 'validation');
  const events: RealisasiEvent[] = [];
  if (content) {
    validateRealisasiContent(content, pk, key.subbagian);
    // Content sent with the submission that is the draft as read is no save: only the submission is recorded.
    if (!unchangedDraft(state, content, pk)) events.push(saved(key, content, state, pk, command.metadata));
  }
  const final = content ?? (state as ExistingRealisasiState).content;
  if (!content) validateRealisasiContent(final, pk, key.subbagian); // the PK in force may have changed since the draft
  validateCompleteForSubmission(final, pk, key.subbagian);
  if (state.status !== 'EMPTY') requireRevisionChanged(state, final);
  const revision = state.status === 'EMPTY' ? 0 : state.revision;
  const { actor, now } = command.metadata;
  events.push({ type: 'RealisasiSubmitted', data: { revision, resubmission: state.status === 'RETURNED', submittedBy: actor.userId, submittedAt: now } });
  return events;
}

/** Who may review a report when its Sekretaris is its submitter: only a Sekretaris reviews reports. */
const SEKRETARIS_LAIN = `Sekretaris lain; bila satker tidak memiliki Sekretaris lain, ${ROLE_LABELS.ADMIN} dapat membuat akun Sekretaris untuk Plh yang ditunjuk`;

function requireReviewable(state: RealisasiState, actor: Actor, action: string): ExistingRealisasiState {
  if (actor.role !== 'SEKRETARIS') refuse('REALISASI.FORBIDDEN', `Hanya Sekretaris yang dapat ${action} laporan realisasi.`, 'forbidden');
  if (state.status === 'EMPTY') refuse('REALISASI.NOT_FOUND', 'Laporan realisasi tidak ditemukan.', 'not_found');
  if (state.status === 'APPROVED') {
    refuse(
      'REALISASI.ALREADY_APPROVED',
      'Laporan sudah disetujui, sehingga tidak dapat dikembalikan atau disetujui lagi. Laporan yang sudah disetujui dikoreksi dengan revisi: ' +
        'Kepala Subbagian penanggung jawabnya mengajukan perbaikan (revisi) dengan alasan, lalu Sekretaris menelaahnya kembali.',
      'conflict',
    );
  }
  if (state.status === 'RETURNED') {
    refuse('REALISASI.NOT_SUBMITTED', 'Laporan sudah dikembalikan dan belum diajukan ulang oleh Kepala Subbagian.', 'conflict', { status: state.status });
  }
  if (state.status !== 'SUBMITTED') refuse('REALISASI.NOT_SUBMITTED', 'Laporan masih draf dan belum diajukan.', 'conflict', { status: state.status });
  const own = ownRealisasiSubmission(actor, state.submittedBy, action);
  if (own) throw own;
  return state;
}

/**
 * Maker-checker for a report whose last submission is `submittedBy`: the refusal `actor` meets when
 * they would review it (`action`: approve or return) — their own account, or another of theirs
 * (`samePerson`) — or null. Without `action`, both, as the approval inbox tells it beside such a report.
 */
export function ownRealisasiSubmission(actor: Actor, submittedBy: string | null, action = 'menyetujui atau mengembalikan'): DomainError | null {
  return ownSubmissionRefusal(
    'REALISASI.OWN_SUBMISSION', action, 'laporan', samePerson(actor, submittedBy), SEKRETARIS_LAIN, 'Anda juga Kepala Subbagian sebagai Plt Sekretaris',
  );
}

function requireReason(reason: unknown): string {
  const text = readableReason(reason);
  if (text === null) refuse('REALISASI.REASON_REQUIRED', REASON_RULE_MESSAGE, 'validation');
  return text;
}

function approve(command: ApproveRealisasi, state: RealisasiState): RealisasiEvent[] {
  const { actor, now } = command.metadata;
  const existing = requireReviewable(state, actor, 'menyetujui');
  return [{ type: 'RealisasiApproved', data: { revision: existing.revision, approvedBy: actor.userId, approvedAt: now } }];
}

function returnReport(command: ReturnRealisasi, state: RealisasiState): RealisasiEvent[] {
  const { actor, now } = command.metadata;
  const existing = requireReviewable(state, actor, 'mengembalikan');
  const reason = requireReason(command.data.reason);
  return [{ type: 'RealisasiReturned', data: { revision: existing.revision, reason, returnedBy: actor.userId, returnedAt: now } }];
}

/**
 * A correction is validated against the context's PK version, so it cannot carry approved figures
 * of indicators (or budget of kegiatan) that version does not give the subbagian: approving it would
 * silently drop them from Tabel 3.2. Such a revision is refused, naming them. The API passes the
 * version the month is reported under (`pkInForceForMonth`), which does not change once the month
 * has ended, so this guards callers that pass another version.
 */
function requireApprovedStillOwned(state: ExistingRealisasiState, context: RealisasiContext | undefined): void {
  const pk = context?.pkInForce;
  if (!pk || !state.approved) return;
  const subbagian = state.key.subbagian;
  const owned = indicatorsOf(pk.structure).filter((e) => e.indicator.picSubbagian === subbagian);
  const indicators = new Set(owned.map((e) => e.indicator.code));
  const kegiatan = new Set(owned.map((e) => e.kegiatan.code));
  const lost = [
    // A blank line or a zero amount loses nothing.
    ...state.approved.lines.filter((l) => l.value !== null && !indicators.has(l.indicatorCode)).map((l) => l.indicatorCode),
    ...state.approved.budget.filter((b) => !new Dec(b.spent).isZero() && !kegiatan.has(b.kegiatanCode)).map((b) => `anggaran ${b.kegiatanCode}`),
  ];
  if (lost.length === 0) return;
  refuse(
    'REALISASI.OWNERSHIP_CHANGED',
    `Laporan ini disetujui menurut PK versi ${state.approved.pkVersion}; sejak PK versi ${pk.version}, ${lost.join(', ')} bukan lagi tanggung jawab `
      + `subbagian ${subbagian}, sehingga revisi akan menghapus angka yang sudah disetujui. Angka yang disetujui tetap berlaku; `
      + 'bila perlu dikoreksi, subbagian yang kini memegang indikator itu mencatatnya pada laporannya.',
    'conflict',
    { lost, approvedPkVersion: state.approved.pkVersion, pkVersion: pk.version },
  );
}

function revise(command: ReviseRealisasi, state: RealisasiState): RealisasiEvent[] {
  if (state.status === 'EMPTY') refuse('REALISASI.NOT_FOUND', 'Laporan realisasi tidak ditemukan.', 'not_found');
  requireOwnKasubbag(command.metadata.actor, state.key.subbagian);
  if (state.status !== 'APPROVED') refuse('REALISASI.NOT_APPROVED', 'Hanya laporan yang sudah disetujui yang dapat direvisi; ubah drafnya saja.', 'conflict', { status: state.status });
  const reason = requireReason(command.data.reason);
  requireApprovedStillOwned(state, command.data.context);
  const pk = command.data.context?.pkInForce;
  // Approved figures the correction could not carry are told first (above); with none, a subbagian
  // owing nothing could open the correction but never send it.
  if (pk) requireSomethingOwed(state.key, pk, 'revisi tidak dapat diajukan karena tidak ada laporan yang wajib dikirim. Angka yang sudah disetujui tetap berlaku.');
  const { actor, now } = command.metadata;
  // A withdrawn correction keeps its number: the next one is told apart from it in every history.
  return [{ type: 'RealisasiRevisionOpened', data: { revision: latestRevisionOf(state) + 1, reason, openedBy: actor.userId, openedAt: now } }];
}

/** An optional reason: absent (undefined, null) is none; given, it follows the rule of every workflow reason. */
function optionalReason(reason: unknown): string | null {
  if (reason === undefined || reason === null) return null;
  const text = readableReason(reason);
  if (text === null) {
    refuse(
      'REALISASI.REASON_INVALID',
      'Alasan yang diisi harus berisi 3–2000 karakter yang terlihat, bukan hanya spasi atau karakter tak terlihat. Tulis alasannya, atau hilangkan alasan bila tidak ada.',
      'validation',
    );
  }
  return text;
}

/**
 * Drops a correction opened by mistake: the report is approved again with the content approved
 * before it, as if it had never been opened. Only while the Kasubbag holds it (a draft, or returned
 * by the Sekretaris); submitted, it is the Sekretaris's to approve or return first.
 */
function withdrawRevision(command: WithdrawRealisasiRevision, state: RealisasiState): RealisasiEvent[] {
  if (state.status === 'EMPTY') refuse('REALISASI.NOT_FOUND', 'Laporan realisasi tidak ditemukan.', 'not_found');
  requireOwnKasubbag(command.metadata.actor, state.key.subbagian);
  const approved = state.approved;
  if (approved === null || state.revision <= approved.revision) {
    // What the Kasubbag can do instead depends on where the report is: a submitted one is the Sekretaris's.
    const why = approved !== null
      ? `laporan ini sudah disetujui (revisi ${approved.revision}) dan tidak sedang direvisi`
      : state.status === 'SUBMITTED'
        ? 'laporan ini belum pernah disetujui dan sedang menunggu persetujuan Sekretaris; tunggu Sekretaris menyetujui atau mengembalikannya'
        : state.status === 'RETURNED'
          ? 'laporan ini belum pernah disetujui; laporan yang dikembalikan cukup diperbaiki lalu diajukan lagi'
          : 'laporan ini belum pernah disetujui, jadi drafnya cukup diubah atau dibiarkan';
    refuse('REALISASI.NO_REVISION_OPEN', `Tidak ada revisi yang dapat dibatalkan: ${why}.`, 'conflict', { status: state.status, revision: state.revision });
  }
  if (state.status === 'SUBMITTED') {
    refuse(
      'REALISASI.REVISION_SUBMITTED',
      `Revisi ke-${state.revision} sudah diajukan dan menunggu persetujuan Sekretaris, sehingga tidak dapat dibatalkan. `
        + 'Minta Sekretaris mengembalikannya terlebih dahulu, lalu batalkan revisinya.',
      'conflict',
      { revision: state.revision, status: state.status },
    );
  }
  const reason = optionalReason(command.data?.reason);
  const { actor, now } = command.metadata;
  const upToApproval = state.history.filter((h) => h.revision <= approved.revision);
  const lastOf = (type: RealisasiEvent['type'], sameRevision: boolean) =>
    [...upToApproval].reverse().find((h) => h.type === type && (!sameRevision || h.revision === approved.revision));
  const submission = lastOf('RealisasiSubmitted', true);
  const returned = lastOf('RealisasiReturned', false);
  return [{
    type: 'RealisasiRevisionWithdrawn',
    data: {
      revision: state.revision, approvedRevision: approved.revision, pkVersion: approved.pkVersion, lines: approved.lines, budget: approved.budget,
      approvedSubmission: submission ? { by: submission.by, at: submission.at } : null,
      approvedReturn: returned ? { by: returned.by, reason: returned.reason ?? '', at: returned.at } : null,
      reason, withdrawnBy: actor.userId, withdrawnAt: now,
    },
  }];
}

export function decideRealisasi(command: RealisasiCommand, state: RealisasiState): RealisasiEvent[] {
  switch (command.type) {
    case 'SaveRealisasiDraft': return saveDraft(command, state);
    case 'SubmitRealisasi': return submit(command, state);
    case 'ApproveRealisasi': return approve(command, state);
    case 'ReturnRealisasi': return returnReport(command, state);
    case 'ReviseRealisasi': return revise(command, state);
    case 'WithdrawRealisasiRevision': return withdrawRevision(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
