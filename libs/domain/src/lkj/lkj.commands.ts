import type { Command } from '../shared/decider';
import type { LkjFile, LkjRequestReason } from './lkj.events';

export type RequestLkj = Command<'RequestLkj', {
  satker: string;
  year: number;
  draft: boolean;
  reason: LkjRequestReason;
  /** Null: keep the saran of the previous request. */
  suggestions: string[] | null;
  /** Every monthly report of the year approved and the PK approved (the caller reads it). */
  yearComplete: boolean;
  /** A PK of the year is approved (in force): no LKj, draft or final, is made without one (the caller reads it). */
  pkApproved: boolean;
}>;

export type RecordLkjProduced = Command<'RecordLkjProduced', {
  version: number;
  files: LkjFile[];
  modelDigest: string;
  /** The label of the rating scale the files were rated with. */
  ratingScaleVersion?: string;
}>;

export type MarkLkjStale = Command<'MarkLkjStale', { reason: string }>;

export type LkjCommand = RequestLkj | RecordLkjProduced | MarkLkjStale;
