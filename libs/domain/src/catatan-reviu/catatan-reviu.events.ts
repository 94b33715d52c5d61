import type { Event } from '../shared/decider';
import type { CatatanReviuCategory, CatatanReviuTarget } from './catatan-reviu.types';

/** The Inspektorat writes a note or finding with its recommendation; the stream begins. */
export type CatatanReviuWritten = Event<'CatatanReviuWritten', {
  noteId: string;
  satker: string;
  target: CatatanReviuTarget;
  category: CatatanReviuCategory;
  title: string;
  description: string;
  recommendation: string;
  writtenBy: string;
  writtenAt: string;
}>;

/** The Sekretaris answers with a tindak lanjut (follow-up); several may follow one another. */
export type TindakLanjutSubmitted = Event<'TindakLanjutSubmitted', {
  noteId: string;
  /** 1, 2, 3 … within the note. */
  number: number;
  response: string;
  submittedBy: string;
  submittedAt: string;
}>;

export type CatatanReviuClosed = Event<'CatatanReviuClosed', {
  noteId: string;
  conclusion: string;
  closedBy: string;
  closedAt: string;
}>;

/** The follow-up was not enough: the note is open again and awaits a new tindak lanjut. */
export type CatatanReviuReopened = Event<'CatatanReviuReopened', {
  noteId: string;
  reason: string;
  reopenedBy: string;
  reopenedAt: string;
}>;

export type CatatanReviuEvent = CatatanReviuWritten | TindakLanjutSubmitted | CatatanReviuClosed | CatatanReviuReopened;
export type CatatanReviuEventType = CatatanReviuEvent['type'];

export const CATATAN_REVIU_EVENT_TYPES: readonly CatatanReviuEventType[] = [
  'CatatanReviuWritten', 'TindakLanjutSubmitted', 'CatatanReviuClosed', 'CatatanReviuReopened',
];
