import type { CatatanReviuEvent, CatatanReviuWritten } from './catatan-reviu.events';

/** OPEN: awaiting a tindak lanjut; ANSWERED: awaiting the Inspektorat; CLOSED: settled (may be reopened). */
export type CatatanReviuStatus = 'OPEN' | 'ANSWERED' | 'CLOSED';

export interface TindakLanjut {
  number: number;
  response: string;
  submittedBy: string;
  submittedAt: string;
}

export type CatatanReviuState =
  | { status: 'EMPTY' }
  | (CatatanReviuWritten['data'] & {
      status: CatatanReviuStatus;
      tindakLanjut: TindakLanjut[];
      closedAt: string | null;
      conclusion: string | null;
    });

export type ExistingCatatanReviuState = Exclude<CatatanReviuState, { status: 'EMPTY' }>;

export function initialCatatanReviuState(): CatatanReviuState {
  return { status: 'EMPTY' };
}

export function evolveCatatanReviu(state: CatatanReviuState, event: CatatanReviuEvent): CatatanReviuState {
  if (event.type === 'CatatanReviuWritten') {
    const { noteId, satker, target, category, title, description, recommendation, writtenBy, writtenAt } = event.data;
    return {
      status: 'OPEN', noteId, satker, target, category, title, description, recommendation, writtenBy, writtenAt,
      tindakLanjut: [], closedAt: null, conclusion: null,
    };
  }
  // Every other event follows CatatanReviuWritten; a stream that breaks this is corrupt, not a user error.
  if (state.status === 'EMPTY') throw new Error(`Catatan reviu event ${event.type} before CatatanReviuWritten`);
  switch (event.type) {
    case 'TindakLanjutSubmitted': {
      const { number, response, submittedBy, submittedAt } = event.data;
      return { ...state, status: 'ANSWERED', tindakLanjut: [...state.tindakLanjut, { number, response, submittedBy, submittedAt }] };
    }
    case 'CatatanReviuClosed':
      return { ...state, status: 'CLOSED', closedAt: event.data.closedAt, conclusion: event.data.conclusion };
    case 'CatatanReviuReopened':
      return { ...state, status: 'OPEN', closedAt: null, conclusion: null };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
