import { DomainError } from '../shared/domain-error';
import { ownSubmissionRefusal, samePerson, type Actor } from '../shared/actor';
import type { PkCommand, DraftPk, ChangePkIndicators, ApprovePk, ReturnPk, OpenPkRevision, SubmitPk, WithdrawPkRevision } from './pk.commands';
import type { PkEvent } from './pk.events';
import { type ExistingPkState, type PkState, type PkVersion, pkWorkingVersion } from './pk.state';
import { indicatorsOf, normalizedPkStructure, validatePkStructure } from './pk-structure.validate';
import { isOfficeCode } from '../shared/office-code';
import { sameJson } from '../shared/same-json';
import { readableReason, REASON_RULE_MESSAGE } from '../shared/reason';

/**
 * Who does what with a PK:
 * - only a SEKRETARIS drafts, changes, submits and opens a revision (PK Perubahan);
 * - the KETUA approves or returns it (countersigning, as in the reference). Another SEKRETARIS
 *   user (e.g. a Plh) may do it too, but never the person who submitted that version.
 */
function requireSekretaris(actor: Actor, action: string): void {
  if (actor.role !== 'SEKRETARIS') {
    throw new DomainError('PK.FORBIDDEN', `Hanya Sekretaris yang dapat ${action} Perjanjian Kinerja.`, 'forbidden', { role: actor.role });
  }
}

function requireReviewer(actor: Actor, version: PkVersion, action: string): void {
  if (actor.role !== 'KETUA' && actor.role !== 'SEKRETARIS') {
    throw new DomainError('PK.FORBIDDEN', `Hanya Ketua atau Sekretaris yang dapat ${action} Perjanjian Kinerja.`, 'forbidden', { role: actor.role });
  }
  const own = ownSubmissionRefusal(
    'PK.OWN_SUBMISSION', action, 'PK', samePerson(actor, version.submittedBy), 'Ketua atau Sekretaris lain', 'Anda Ketua yang juga menjabat Plt Sekretaris',
  );
  if (own) throw own;
}

function requireReason(reason: unknown): string {
  const text = readableReason(reason);
  if (text === null) throw new DomainError('PK.REASON_REQUIRED', REASON_RULE_MESSAGE, 'validation');
  return text;
}

function requireExisting(state: PkState): ExistingPkState {
  if (state.status !== 'EXISTS') throw new DomainError('PK.NOT_FOUND', 'Perjanjian Kinerja tahun ini belum disusun.', 'not_found');
  return state;
}

function requireWorking(state: ExistingPkState, expected: PkVersion['status']): PkVersion {
  const working = pkWorkingVersion(state);
  if (!working) {
    throw new DomainError(
      'PK.NO_WORKING_VERSION',
      'Tidak ada versi PK yang sedang disusun: PK tahun ini sudah disetujui. Untuk mengubahnya, buka PK Perubahan selama tahunnya '
        + 'masih berjalan; angka tahun yang sudah berakhir diperbaiki dengan revisi laporan bulanan yang bersangkutan.',
      'conflict',
    );
  }
  if (working.status !== expected) {
    const message = expected === 'DRAFT'
      ? `PK versi ${working.version} sudah diajukan dan tidak dapat diubah sebelum dikembalikan.`
      : `PK versi ${working.version} belum diajukan.`;
    throw new DomainError(expected === 'DRAFT' ? 'PK.NOT_DRAFT' : 'PK.NOT_SUBMITTED', message, 'conflict', { version: working.version, status: working.status });
  }
  return working;
}

/** Every PIC of the version is still an active subbagian of the office (when the handler says which are). */
function requireActivePics(version: PkVersion, subbagianCodes: readonly string[] | undefined, remedy: string): void {
  if (subbagianCodes === undefined) return;
  const active = new Set(subbagianCodes);
  const orphaned = indicatorsOf(version.structure).filter((e) => !active.has(e.indicator.picSubbagian)).map((e) => e.indicator);
  if (orphaned.length === 0) return;
  const pics = [...new Set(orphaned.map((i) => i.picSubbagian))];
  throw new DomainError(
    'PK.PIC_INACTIVE',
    `Subbagian PIC ${pics.join(', ')} pada indikator ${orphaned.map((i) => i.code).join(', ')} tidak aktif lagi; ${remedy}`,
    'validation',
    { version: version.version, picSubbagian: pics, indicators: orphaned.map((i) => i.code) },
  );
}

function draft(command: DraftPk, state: PkState): PkEvent[] {
  requireSekretaris(command.metadata.actor, 'menyusun');
  if (state.status !== 'EMPTY') {
    throw new DomainError('PK.ALREADY_EXISTS', `PK tahun ${command.data.year} sudah ada; ubah draf atau buka PK Perubahan.`, 'conflict');
  }
  const { satker, year, subbagianCodes } = command.data;
  const structure = normalizedPkStructure(command.data.structure);
  if (!isOfficeCode(satker)) throw new DomainError('PK.INVALID_FIELD', 'Kode satker wajib diisi (huruf, angka, "-", "_" atau ".").', 'validation');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('PK.INVALID_YEAR', `Tahun ${year} tidak valid.`, 'validation');
  validatePkStructure(structure, subbagianCodes);
  const { actor, now } = command.metadata;
  return [{ type: 'PkDrafted', data: { satker, year, version: 1, structure, draftedBy: actor.userId, draftedAt: now } }];
}

function change(command: ChangePkIndicators, state: PkState): PkEvent[] {
  requireSekretaris(command.metadata.actor, 'mengubah');
  const working = requireWorking(requireExisting(state), 'DRAFT');
  const structure = normalizedPkStructure(command.data.structure);
  validatePkStructure(structure, command.data.subbagianCodes);
  // Nothing changes: nothing recorded, unless the request must be (CommandMetadata.recordUnchanged).
  if (sameJson(working.structure, structure) && !command.metadata.recordUnchanged) return [];
  const { actor, now } = command.metadata;
  return [{ type: 'PkIndicatorsChanged', data: { version: working.version, structure, changedBy: actor.userId, changedAt: now } }];
}

/**
 * A PK Perubahan submitted with the very structure in force changes nothing, yet its approval would
 * supersede the version in force and mark the LKj stale. Refused, nothing recorded; a PK Perubahan
 * opened by mistake is withdrawn instead (`WithdrawPkRevision`). Structures are stored normalized
 * (one line, one space), so white space nobody reads is no change either.
 */
function requireRevisionChanged(existing: ExistingPkState, working: PkVersion): void {
  if (working.basedOnVersion === null) return;
  const inForce = existing.versions.find((v) => v.version === existing.inForce);
  if (!inForce || !sameJson(working.structure, inForce.structure)) return;
  throw new DomainError(
    'PK.REVISION_UNCHANGED',
    `PK Perubahan versi ${working.version} sama persis dengan PK versi ${inForce.version} yang berlaku; tidak ada yang perlu disetujui. `
      + 'Ubah program, kegiatan, indikator, target atau PIC yang hendak diubah pada drafnya, lalu ajukan lagi; bila ternyata tidak ada '
      + `yang perlu diubah, batalkan PK Perubahan tersebut (POST …/pk/${existing.year}/revisions/withdraw): versi ${inForce.version} tetap berlaku.`,
    'validation',
    { version: working.version, inForceVersion: inForce.version },
  );
}

function submit(command: SubmitPk, state: PkState): PkEvent[] {
  requireSekretaris(command.metadata.actor, 'mengajukan');
  const existing = requireExisting(state);
  const working = requireWorking(existing, 'DRAFT');
  requireRevisionChanged(existing, working);
  requireActivePics(working, command.data?.subbagianCodes, 'pindahkan indikatornya ke subbagian yang aktif pada draf sebelum mengajukan.');
  const { actor, now } = command.metadata;
  return [{ type: 'PkSubmitted', data: { version: working.version, submittedBy: actor.userId, submittedAt: now } }];
}

function approve(command: ApprovePk, state: PkState): PkEvent[] {
  const existing = requireExisting(state);
  const working = requireWorking(existing, 'SUBMITTED');
  const { actor, now } = command.metadata;
  requireReviewer(actor, working, 'menyetujui');
  requireActivePics(working, command.data?.subbagianCodes, 'kembalikan PK kepada Sekretaris agar PIC indikator tersebut dipindahkan ke subbagian yang aktif.');
  return [{
    type: 'PkApproved',
    data: { version: working.version, approvedBy: actor.userId, approvedByRole: actor.role, approvedAt: now, supersedesVersion: existing.inForce },
  }];
}

function returnPk(command: ReturnPk, state: PkState): PkEvent[] {
  const working = requireWorking(requireExisting(state), 'SUBMITTED');
  const { actor, now } = command.metadata;
  requireReviewer(actor, working, 'mengembalikan');
  const reason = requireReason(command.data.reason);
  return [{ type: 'PkReturned', data: { version: working.version, returnedBy: actor.userId, returnedByRole: actor.role, reason, returnedAt: now } }];
}

/**
 * A PK Perubahan is open already: finish it, or, when it was opened by mistake, withdraw it
 * (`WithdrawPkRevision`; a submitted one after the Ketua returns it). A first version still being
 * drafted is only finished.
 */
function revisionInProgress(working: PkVersion, inForce: number | null): DomainError {
  const details = { version: working.version, status: working.status, withdrawable: working.basedOnVersion !== null };
  if (working.basedOnVersion === null) {
    return new DomainError('PK.REVISION_IN_PROGRESS', `PK versi ${working.version} masih dalam proses; selesaikan dahulu.`, 'conflict', details);
  }
  const stays = inForce === null ? '' : `; versi ${inForce} tetap berlaku`;
  const message = working.status === 'SUBMITTED'
    ? `PK Perubahan versi ${working.version} sedang menunggu persetujuan Ketua; tunggu keputusannya. Bila PK Perubahan itu dibuka karena ` +
      `keliru, minta Ketua mengembalikannya, lalu batalkan PK Perubahan tersebut${stays}.`
    : `PK Perubahan versi ${working.version} masih dalam proses; selesaikan dahulu. Bila PK Perubahan itu dibuka karena keliru, ` +
      `batalkan PK Perubahan tersebut${stays} dan PK Perubahan baru dapat dibuka.`;
  return new DomainError('PK.REVISION_IN_PROGRESS', message, 'conflict', details);
}

function openRevision(command: OpenPkRevision, state: PkState): PkEvent[] {
  requireSekretaris(command.metadata.actor, 'membuka perubahan');
  const existing = requireExisting(state);
  const working = pkWorkingVersion(existing);
  if (working) throw revisionInProgress(working, existing.inForce);
  const inForce = existing.versions.find((v) => v.version === existing.inForce);
  if (!inForce) throw new DomainError('PK.NOT_APPROVED', 'PK belum disetujui; ubah drafnya saja.', 'conflict');
  if (command.data.yearEnded) {
    throw new DomainError(
      'PK.YEAR_ENDED',
      `Tahun ${existing.year} sudah berakhir: PK Perubahan berlaku mulai bulan disetujuinya, dan tahun ini tidak lagi memiliki bulan tersisa. `
        + 'Angka yang keliru diperbaiki dengan revisi laporan bulanan yang bersangkutan.',
      'conflict',
      { year: existing.year },
    );
  }
  const reason = requireReason(command.data.reason);
  const { actor, now } = command.metadata;
  const version = Math.max(...existing.versions.map((v) => v.version)) + 1;
  return [{
    type: 'PkRevisionOpened',
    data: { version, basedOnVersion: inForce.version, reason, structure: inForce.structure, openedBy: actor.userId, openedAt: now },
  }];
}

/** An optional reason: absent (undefined, null) is none; given, it follows the rule of every workflow reason. */
function optionalReason(reason: unknown): string | null {
  if (reason === undefined || reason === null) return null;
  const text = readableReason(reason);
  if (text === null) {
    throw new DomainError(
      'PK.REASON_INVALID',
      'Alasan yang diisi harus berisi 3–2000 karakter yang terlihat, bukan hanya spasi atau karakter tak terlihat. Tulis alasannya, atau hilangkan alasan bila tidak ada.',
      'validation',
    );
  }
  return text;
}

/**
 * Drops a PK Perubahan opened by mistake while the Sekretaris holds it (a draft, also after a
 * return): the version is kept as WITHDRAWN and the one in force stays. Submitted, it is the
 * reviewer's to approve or return first. Version 1 is no PK Perubahan: there is nothing to go back to.
 */
function withdrawRevision(command: WithdrawPkRevision, state: PkState): PkEvent[] {
  requireSekretaris(command.metadata.actor, 'membatalkan perubahan');
  const existing = requireExisting(state);
  const working = pkWorkingVersion(existing);
  if (!working || working.basedOnVersion === null || existing.inForce === null) {
    const why = working
      ? `PK versi ${working.version} adalah PK awal yang belum pernah disetujui, bukan PK Perubahan; ubah drafnya saja`
      : `PK versi ${existing.inForce ?? 1} yang berlaku tidak sedang diubah`;
    throw new DomainError('PK.NO_REVISION_OPEN', `Tidak ada PK Perubahan yang dapat dibatalkan: ${why}.`, 'conflict', { working: working?.version ?? null });
  }
  if (working.status !== 'DRAFT') {
    throw new DomainError(
      'PK.REVISION_SUBMITTED',
      `PK Perubahan versi ${working.version} sudah diajukan dan menunggu persetujuan, sehingga tidak dapat dibatalkan. `
        + 'Minta Ketua (atau Sekretaris lain) mengembalikannya terlebih dahulu, lalu batalkan.',
      'conflict',
      { version: working.version, status: working.status },
    );
  }
  const reason = optionalReason(command.data?.reason);
  const { actor, now } = command.metadata;
  const inForce = existing.versions.find((v) => v.version === existing.inForce)!;
  return [{
    type: 'PkRevisionWithdrawn',
    data: { version: working.version, inForceVersion: inForce.version, inForceStructure: inForce.structure, reason, withdrawnBy: actor.userId, withdrawnAt: now },
  }];
}

export function decidePk(command: PkCommand, state: PkState): PkEvent[] {
  switch (command.type) {
    case 'DraftPk': return draft(command, state);
    case 'ChangePkIndicators': return change(command, state);
    case 'SubmitPk': return submit(command, state);
    case 'ApprovePk': return approve(command, state);
    case 'ReturnPk': return returnPk(command, state);
    case 'OpenPkRevision': return openRevision(command, state);
    case 'WithdrawPkRevision': return withdrawRevision(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
