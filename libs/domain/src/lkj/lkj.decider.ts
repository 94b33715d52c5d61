import { DomainError } from '../shared/domain-error';
import { formatDateId, formatDateTimeId } from '../shared/indonesian-time';
import type { Decider } from '../shared/decider';
import type { LkjCommand, MarkLkjStale, RecordLkjProduced, RequestLkj, SignLkj } from './lkj.commands';
import type { LkjEvent } from './lkj.events';
import { evolveLkj, initialLkjState, latestProducedFinal, type LkjState } from './lkj.state';

/**
 * The rule that every LKj, draft or final, is measured against an approved PK: refused when the
 * request is decided, and checked again by the job that reads the PK to produce the files.
 */
export function lkjNoApprovedPk(satker: string, year: number): DomainError {
  return new DomainError(
    'LKJ.NO_APPROVED_PK',
    `Belum ada Perjanjian Kinerja ${year} yang disetujui; LKj (draf maupun final) baru dapat dibuat setelah PK disetujui.`,
    'conflict',
    { satker, year },
  );
}

function requestLkj(command: RequestLkj, state: LkjState): LkjEvent[] {
  const d = command.data;
  if (!d.pkApproved) throw lkjNoApprovedPk(d.satker, d.year);
  if (!d.draft && !d.yearComplete) {
    throw new DomainError(
      'LKJ.YEAR_NOT_COMPLETE',
      `LKj final ${d.year} baru dapat dibuat setelah PK dan seluruh laporan bulanan Januari–Desember disetujui; minta draf bila perlu.`,
      'conflict',
      { satker: d.satker, year: d.year },
    );
  }
  const previous = state.versions[state.versions.length - 1];
  const suggestions = (d.suggestions ?? previous?.suggestions ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
  return [{
    type: 'LkjRequested',
    data: {
      satker: d.satker, year: d.year, version: state.versions.length + 1, draft: d.draft, reason: d.reason,
      suggestions, requestedBy: command.metadata.actor.userId, requestedAt: command.metadata.now,
    },
  }];
}

/** Exactly once: a version already produced records nothing (a job that ran twice). */
function recordProduced(command: RecordLkjProduced, state: LkjState): LkjEvent[] {
  const d = command.data;
  const version = state.versions.find((v) => v.version === d.version);
  if (!version) {
    throw new DomainError('LKJ.VERSION_NOT_FOUND', `LKj versi ${d.version} tidak pernah diminta.`, 'not_found', { version: d.version });
  }
  if (version.produced) return [];
  const formats = d.files.map((f) => f.format).sort().join(',');
  if (formats !== 'DOCX,PDF') throw new Error(`LKj version ${d.version} needs one DOCX and one PDF, got ${formats}`);
  return [{
    type: 'LkjProduced',
    data: {
      version: d.version, draft: version.draft, files: d.files, modelDigest: d.modelDigest,
      ...(d.ratingScaleVersion !== undefined ? { ratingScaleVersion: d.ratingScaleVersion } : {}),
      ...(d.signatureRequired === true && !version.draft ? { signatureRequired: true as const } : {}),
      producedAt: command.metadata.now,
    },
  }];
}

/** Only a produced, still current final version goes stale; anything else has nothing to mark. */
function markStale(command: MarkLkjStale, state: LkjState): LkjEvent[] {
  const latest = latestProducedFinal(state);
  if (!latest || latest.stale) return [];
  return [{ type: 'LkjMarkedStale', data: { version: latest.version, reason: command.data.reason, markedAt: command.metadata.now } }];
}

function signRefused(code: string, message: string, version: number): DomainError {
  return new DomainError(`LKJ.${code}`, message, 'conflict', { version });
}

/**
 * The Ketua signs a produced final version the office required a signature on, while it is the
 * current one: a draft, a version not produced yet, gone stale or superseded by a newer final, or
 * one already signed is refused (409), and so is any version when the office did not require it.
 */
function sign(command: SignLkj, state: LkjState): LkjEvent[] {
  const n = command.data.version;
  const version = state.versions.find((v) => v.version === n);
  if (!version) throw new DomainError('LKJ.VERSION_NOT_FOUND', `LKj versi ${n} tidak ada.`, 'not_found', { version: n });
  const lkj = `LKj ${state.year} versi ${n}`;
  if (command.metadata.actor.role !== 'KETUA') {
    throw new DomainError('LKJ.SIGNER_NOT_KETUA', 'LKj final hanya dapat ditandatangani oleh Ketua satker.', 'forbidden', { version: n });
  }
  if (version.draft) throw signRefused('DRAFT_NOT_SIGNED', `${lkj} adalah draf; draf tidak ditandatangani, hanya LKj final.`, n);
  if (!version.produced) throw signRefused('NOT_PRODUCED_YET', `${lkj} masih dalam proses pembuatan; tanda tangani setelah selesai dibuat.`, n);
  if (!version.signatureRequired) {
    throw signRefused('SIGNATURE_NOT_REQUIRED', `${lkj} tidak memerlukan tanda tangan Ketua: satker tidak mewajibkannya saat versi ini dibuat.`, n);
  }
  if (version.signed) {
    const { by, at } = version.signed;
    const name = command.data.names?.[by] ?? null;
    const when = command.data.timeZone ? formatDateTimeId(at, command.data.timeZone) : formatDateId(at);
    throw new DomainError(
      'LKJ.ALREADY_SIGNED', `${lkj} sudah ditandatangani oleh Ketua${name ? ` (${name})` : ''} pada ${when}; tidak perlu ditandatangani lagi.`, 'conflict',
      { version: n, signedBy: by, signedAt: at },
    );
  }
  if (version.stale) {
    const reason = /[.!?]$/.test(version.stale.reason.trim()) ? version.stale.reason.trim() : `${version.stale.reason.trim()}.`;
    throw signRefused('VERSION_STALE', `${lkj} tidak lagi mutakhir. Sebab: ${reason} Tanda tangani versi baru setelah selesai dibuat.`, n);
  }
  const newer = state.versions.find((v) => !v.draft && v.version > n);
  if (newer) {
    throw new DomainError('LKJ.VERSION_SUPERSEDED', `${lkj} sudah digantikan oleh versi ${newer.version}; tanda tangani versi terbaru.`, 'conflict', {
      version: n, newerVersion: newer.version,
    });
  }
  return [{ type: 'LkjSigned', data: { version: n, signedBy: command.metadata.actor.userId, signedAt: command.metadata.now } }];
}

export function decideLkj(command: LkjCommand, state: LkjState): LkjEvent[] {
  switch (command.type) {
    case 'RequestLkj':
      return requestLkj(command, state);
    case 'RecordLkjProduced':
      return recordProduced(command, state);
    case 'MarkLkjStale':
      return markStale(command, state);
    case 'SignLkj':
      return sign(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** The annual Laporan Kinerja of one office and year: versions asked for, produced, signed by the Ketua, gone stale. */
export const lkjDecider: Decider<LkjState, LkjCommand, LkjEvent> = {
  initialState: initialLkjState,
  evolve: evolveLkj,
  decide: decideLkj,
};
