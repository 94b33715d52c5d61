import type { CatatanReviuState } from '@kinerja/domain/catatan-reviu/catatan-reviu.state';
import type { CatatanReviuCategory, CatatanReviuTarget } from '@kinerja/domain/catatan-reviu/catatan-reviu.types';
import { personRefOf, type PersonRef } from '@kinerja/identity/users/person-ref';

/** A review note as the API shows it, with the version clients send back in If-Match. */
export interface CatatanReviuView {
  noteId: string;
  satker: string;
  category: CatatanReviuCategory;
  status: 'OPEN' | 'ANSWERED' | 'CLOSED';
  target: CatatanReviuTarget;
  title: string;
  description: string;
  recommendation: string;
  /** The author's user id, as the events keep it (`writtenByUser` names them). */
  writtenBy: string;
  /** The author by name, with role and office: the office whose Inspektorat may close the note (or one above it). */
  writtenByUser: PersonRef;
  writtenAt: string;
  tindakLanjut: Array<{ number: number; response: string; submittedBy: string; submittedByUser: PersonRef; submittedAt: string }>;
  closedAt: string | null;
  conclusion: string | null;
  version: number;
}

/** The ids a note's view names people by (author, each tindak lanjut's sender). */
export function peopleOfNote(state: CatatanReviuState): string[] {
  return state.status === 'EMPTY' ? [] : [state.writtenBy, ...state.tindakLanjut.map((t) => t.submittedBy)];
}

export function toCatatanReviuView(state: CatatanReviuState, version: number, people: ReadonlyMap<string, PersonRef> = new Map()): CatatanReviuView | null {
  if (state.status === 'EMPTY') return null;
  const { noteId, satker, category, status, target, title, description, recommendation, writtenBy, writtenAt, closedAt, conclusion } = state;
  const tindakLanjut = state.tindakLanjut.map((t) => ({ ...t, submittedByUser: personRefOf(people, t.submittedBy) }));
  return {
    noteId, satker, category, status, target, title, description, recommendation, writtenBy, writtenByUser: personRefOf(people, writtenBy), writtenAt,
    tindakLanjut, closedAt, conclusion, version,
  };
}
