import { DomainError } from '../shared/domain-error';
import { visibleCharacterCount } from '../shared/reason';
import { ROLE_LABELS, type Actor, type Role } from '../shared/actor';
import type {
  CatatanReviuCommand, CloseCatatanReviu, ReopenCatatanReviu, SubmitTindakLanjut, WriteCatatanReviu,
} from './catatan-reviu.commands';
import type { CatatanReviuEvent } from './catatan-reviu.events';
import type { CatatanReviuState, ExistingCatatanReviuState } from './catatan-reviu.state';
import { CATATAN_REVIU_CATEGORIES, type CatatanReviuTarget } from './catatan-reviu.types';

function refuse(code: string, message: string, kind: DomainError['kind'], details: Record<string, unknown> = {}): never {
  throw new DomainError(code, message, kind, details);
}

function requireRole(actor: Actor, role: Role, action: string): void {
  if (actor.role !== role) refuse('CATATAN_REVIU.FORBIDDEN', `Hanya ${ROLE_LABELS[role]} yang dapat ${action}.`, 'forbidden', { role: actor.role });
}

/** Trimmed text of bounded length (at least `min` characters a reader can see), or a refusal naming the field. */
function text(value: unknown, field: string, min: number, max: number): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (visibleCharacterCount(trimmed) < min || trimmed.length > max) {
    const rule = min > 0 ? `wajib diisi (${min}–${max} karakter)` : `paling banyak ${max} karakter`;
    refuse('CATATAN_REVIU.INVALID_TEXT', `${field} ${rule}.`, 'validation', { field });
  }
  return trimmed;
}

const isMonth = (m: unknown) => Number.isInteger(m) && (m as number) >= 1 && (m as number) <= 12;

function validateTarget(target: CatatanReviuTarget): CatatanReviuTarget {
  const invalid = (): never => refuse('CATATAN_REVIU.INVALID_TARGET', 'Sasaran catatan reviu (tahun, bulan, laporan atau indikator) tidak valid.', 'validation');
  if (!target || !Number.isInteger(target.year) || target.year < 2000 || target.year > 2100) return invalid();
  switch (target.kind) {
    case 'YEAR':
      return { kind: 'YEAR', year: target.year };
    case 'MONTH':
      if (!isMonth(target.month)) invalid();
      return { kind: 'MONTH', year: target.year, month: target.month };
    case 'REPORT':
      if (!isMonth(target.month) || typeof target.subbagian !== 'string' || target.subbagian.trim() === '') invalid();
      return { kind: 'REPORT', year: target.year, month: target.month, subbagian: target.subbagian.trim() };
    case 'INDICATOR':
      if (typeof target.indicatorCode !== 'string' || target.indicatorCode.trim() === '') invalid();
      if (target.month !== null && target.month !== undefined && !isMonth(target.month)) invalid();
      return { kind: 'INDICATOR', year: target.year, indicatorCode: target.indicatorCode.trim(), month: target.month ?? null };
    default:
      return invalid();
  }
}

function write(command: WriteCatatanReviu, state: CatatanReviuState): CatatanReviuEvent[] {
  const { actor, now } = command.metadata;
  requireRole(actor, 'INSPEKTORAT', 'menulis catatan reviu');
  if (state.status !== 'EMPTY') refuse('CATATAN_REVIU.ALREADY_EXISTS', 'Catatan reviu ini sudah ada.', 'conflict');
  const d = command.data;
  if (!CATATAN_REVIU_CATEGORIES.includes(d.category)) {
    refuse('CATATAN_REVIU.INVALID_CATEGORY', 'Jenis catatan harus CATATAN atau TEMUAN.', 'validation', { category: d.category });
  }
  if (typeof d.satker !== 'string' || d.satker === '' || typeof d.noteId !== 'string' || d.noteId === '') {
    refuse('CATATAN_REVIU.INVALID_TARGET', 'Satker dan nomor catatan reviu wajib diisi.', 'validation');
  }
  // A finding without a recommendation leaves the Sekretaris nothing to follow up.
  const recommendation = text(d.recommendation, 'Rekomendasi', d.category === 'TEMUAN' ? 3 : 0, 5000);
  return [{
    type: 'CatatanReviuWritten',
    data: {
      noteId: d.noteId, satker: d.satker, target: validateTarget(d.target), category: d.category,
      title: text(d.title, 'Judul', 3, 200), description: text(d.description, 'Uraian', 3, 10000), recommendation,
      writtenBy: actor.userId, writtenAt: now,
    },
  }];
}

function requireExisting(state: CatatanReviuState): ExistingCatatanReviuState {
  if (state.status === 'EMPTY') refuse('CATATAN_REVIU.NOT_FOUND', 'Catatan reviu tidak ditemukan.', 'not_found');
  return state;
}

function answer(command: SubmitTindakLanjut, state: CatatanReviuState): CatatanReviuEvent[] {
  const { actor, now } = command.metadata;
  requireRole(actor, 'SEKRETARIS', 'menyampaikan tindak lanjut');
  const note = requireExisting(state);
  if (note.status === 'CLOSED') refuse('CATATAN_REVIU.CLOSED', 'Catatan reviu sudah ditutup; tindak lanjut tidak dapat ditambahkan.', 'conflict');
  return [{
    type: 'TindakLanjutSubmitted',
    data: {
      noteId: note.noteId, number: note.tindakLanjut.length + 1, response: text(command.data.response, 'Tindak lanjut', 3, 10000),
      submittedBy: actor.userId, submittedAt: now,
    },
  }];
}

function close(command: CloseCatatanReviu, state: CatatanReviuState): CatatanReviuEvent[] {
  const { actor, now } = command.metadata;
  requireRole(actor, 'INSPEKTORAT', 'menutup catatan reviu');
  const note = requireExisting(state);
  if (note.status === 'CLOSED') refuse('CATATAN_REVIU.ALREADY_CLOSED', 'Catatan reviu sudah ditutup.', 'conflict');
  if (note.category === 'TEMUAN' && note.status !== 'ANSWERED') {
    refuse('CATATAN_REVIU.AWAITING_TINDAK_LANJUT', 'Temuan belum ditindaklanjuti oleh Sekretaris; belum dapat ditutup.', 'conflict');
  }
  const conclusion = text(command.data.conclusion ?? '', 'Kesimpulan', 0, 5000);
  return [{ type: 'CatatanReviuClosed', data: { noteId: note.noteId, conclusion, closedBy: actor.userId, closedAt: now } }];
}

function reopen(command: ReopenCatatanReviu, state: CatatanReviuState): CatatanReviuEvent[] {
  const { actor, now } = command.metadata;
  requireRole(actor, 'INSPEKTORAT', 'membuka kembali catatan reviu');
  const note = requireExisting(state);
  if (note.status !== 'CLOSED') refuse('CATATAN_REVIU.NOT_CLOSED', 'Catatan reviu belum ditutup, jadi tidak perlu dibuka kembali.', 'conflict');
  const reason = text(command.data.reason, 'Alasan membuka kembali', 3, 5000);
  return [{ type: 'CatatanReviuReopened', data: { noteId: note.noteId, reason, reopenedBy: actor.userId, reopenedAt: now } }];
}

export function decideCatatanReviu(command: CatatanReviuCommand, state: CatatanReviuState): CatatanReviuEvent[] {
  switch (command.type) {
    case 'WriteCatatanReviu':
      return write(command, state);
    case 'SubmitTindakLanjut':
      return answer(command, state);
    case 'CloseCatatanReviu':
      return close(command, state);
    case 'ReopenCatatanReviu':
      return reopen(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
