import type { RecordedEvent } from '@kinerja/event-store';
import {
  CATATAN_REVIU_EVENT_TYPES, type CatatanReviuEvent, type CatatanReviuWritten,
} from '@kinerja/domain/catatan-reviu/catatan-reviu.events';
import type { CatatanReviuTarget } from '@kinerja/domain/catatan-reviu/catatan-reviu.types';
import type { AuditTrailState } from './audit-trail.state';
import { monthName } from './audit-trail.types';
import type { Description } from './describe.types';

export const CATATAN_REVIU_TYPES: ReadonlySet<string> = new Set<string>(CATATAN_REVIU_EVENT_TYPES);

export function targetWords(target: CatatanReviuTarget): string {
  switch (target.kind) {
    case 'YEAR':
      return `tahun ${target.year}`;
    case 'MONTH':
      return `${monthName(target.month)} ${target.year}`;
    case 'REPORT':
      return `laporan ${monthName(target.month)} ${target.year} subbagian ${target.subbagian}`;
    case 'INDICATOR':
      return `indikator ${target.indicatorCode} ${target.month ? `${monthName(target.month)} ` : 'tahun '}${target.year}`;
    default: {
      const _exhaustive: never = target;
      return _exhaustive;
    }
  }
}

function placeOf(target: CatatanReviuTarget) {
  const month = target.kind === 'YEAR' ? null : target.kind === 'INDICATOR' ? target.month : target.month;
  const subbagian = target.kind === 'REPORT' ? target.subbagian : null;
  const figures = target.kind === 'INDICATOR'
    ? [{ indicatorCode: target.indicatorCode, month: target.month ?? 0, field: 'catatan', before: null, after: null }]
    : [];
  return { year: target.year, month, subbagian, figures };
}

type NoteOpening = Pick<CatatanReviuWritten['data'], 'target' | 'title' | 'category'>;

/** Later events of a note do not repeat what it is about: the trail remembers each note's opening. */
function rememberNote(event: RecordedEvent, state: AuditTrailState, written: CatatanReviuWritten['data']): void {
  const opening: NoteOpening = { target: written.target, title: written.title, category: written.category };
  state.remember(event.tenantId, event.streamId, 'note', opening);
}

function recallNote(event: RecordedEvent, state: AuditTrailState): NoteOpening | null {
  return state.recall<NoteOpening>(event.tenantId, event.streamId, 'note');
}

export function describeCatatanReviu(event: RecordedEvent, state: AuditTrailState): Description | null {
  if (!CATATAN_REVIU_TYPES.has(event.type)) return null;
  const c = event as unknown as CatatanReviuEvent;
  if (c.type === 'CatatanReviuWritten') rememberNote(event, state, c.data);
  const note = recallNote(event, state);
  const kind = note?.category === 'TEMUAN' ? 'temuan' : 'catatan';
  const about = note ? `${kind} reviu "${note.title}" atas ${targetWords(note.target)}` : `catatan reviu ${c.data.noteId}`;
  const base = { subjectKind: 'CATATAN_REVIU' as const, ...(note ? placeOf(note.target) : {}) };
  switch (c.type) {
    case 'CatatanReviuWritten':
      return { ...base, summary: `Menulis ${about}.`, changes: [
        { indicatorCode: null, indicatorName: null, field: 'uraian', before: null, after: c.data.description },
        { indicatorCode: null, indicatorName: null, field: 'rekomendasi', before: null, after: c.data.recommendation },
      ] };
    case 'TindakLanjutSubmitted':
      return { ...base, summary: `Menyampaikan tindak lanjut ke-${c.data.number} atas ${about}.`,
        changes: [{ indicatorCode: null, indicatorName: null, field: 'tindak lanjut', before: null, after: c.data.response }] };
    case 'CatatanReviuClosed':
      return { ...base, summary: `Menutup ${about}.`, reason: c.data.conclusion || null };
    case 'CatatanReviuReopened':
      return { ...base, summary: `Membuka kembali ${about}.`, reason: c.data.reason };
    default: {
      const _exhaustive: never = c;
      return _exhaustive;
    }
  }
}
