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
  /** The office requires the Ketua's signature on a final LKj (read by the job as it records); ignored for a draft. */
  signatureRequired?: boolean;
}>;

export type MarkLkjStale = Command<'MarkLkjStale', { reason: string }>;

/** The Ketua signs a produced final version (the signer is the command's actor). */
export type SignLkj = Command<'SignLkj', {
  version: number;
  /** The office's time zone: a refusal names a moment as the office's clock showed it (read by the caller). */
  timeZone?: string;
  /** Full names by account id of whoever a refusal may name (who signed already; read by the caller). */
  names?: Readonly<Record<string, string>>;
}>;

export type LkjCommand = RequestLkj | RecordLkjProduced | MarkLkjStale | SignLkj;
