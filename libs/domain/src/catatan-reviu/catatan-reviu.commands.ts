import type { Command } from '../shared/decider';
import type { CatatanReviuCategory, CatatanReviuTarget } from './catatan-reviu.types';

/** `noteId` is chosen at the edge (a UUID): the domain never makes ids. */
export type WriteCatatanReviu = Command<'WriteCatatanReviu', {
  noteId: string;
  satker: string;
  target: CatatanReviuTarget;
  category: CatatanReviuCategory;
  title: string;
  description: string;
  recommendation: string;
}>;
export type SubmitTindakLanjut = Command<'SubmitTindakLanjut', { response: string }>;
export type CloseCatatanReviu = Command<'CloseCatatanReviu', { conclusion: string }>;
export type ReopenCatatanReviu = Command<'ReopenCatatanReviu', { reason: string }>;

export type CatatanReviuCommand = WriteCatatanReviu | SubmitTindakLanjut | CloseCatatanReviu | ReopenCatatanReviu;
export type CatatanReviuCommandType = CatatanReviuCommand['type'];
