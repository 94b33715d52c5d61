import type { CatatanReviuState } from '@kinerja/domain/catatan-reviu/catatan-reviu.state';
import type { CatatanReviuCategory, CatatanReviuTarget } from '@kinerja/domain/catatan-reviu/catatan-reviu.types';

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
  writtenBy: string;
  writtenAt: string;
  tindakLanjut: Array<{ number: number; response: string; submittedBy: string; submittedAt: string }>;
  closedAt: string | null;
  conclusion: string | null;
  version: number;
}

export function toCatatanReviuView(state: CatatanReviuState, version: number): CatatanReviuView | null {
  if (state.status === 'EMPTY') return null;
  const { noteId, satker, category, status, target, title, description, recommendation, writtenBy, writtenAt, tindakLanjut, closedAt, conclusion } = state;
  return { noteId, satker, category, status, target, title, description, recommendation, writtenBy, writtenAt, tindakLanjut, closedAt, conclusion, version };
}
