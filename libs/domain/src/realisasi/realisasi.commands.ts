import type { Command } from '../shared/decider';
import type { PkVersionInForce } from '../perjanjian-kinerja/pk-structure.types';
import type { RealisasiContent, RealisasiKey } from './realisasi.types';

/**
 * What a decision about a report needs besides its own stream, loaded by the handler: the PK in
 * force for the report's office and year (null when none is approved) and the office time zone
 * (IANA, e.g. "Asia/Jakarta") in which "the month has ended" is judged against metadata.now.
 */
export interface RealisasiContext {
  /** The PK version the report's month is reported under (`pkInForceForMonth`); null without an approved PK. */
  pkInForce: PkVersionInForce | null;
  timezone: string;
}

/** Creates the report or replaces its draft content. */
export type SaveRealisasiDraft = Command<'SaveRealisasiDraft', RealisasiContent & { key: RealisasiKey; context: RealisasiContext }>;

/**
 * Submits (or resubmits after a return, or submits a revision). With `content`, the content is
 * saved first in the same decision (one request for the common case); without, the saved draft is
 * submitted.
 */
export type SubmitRealisasi = Command<'SubmitRealisasi', { key: RealisasiKey; content?: RealisasiContent; context: RealisasiContext }>;

export type ApproveRealisasi = Command<'ApproveRealisasi', Record<string, never>>;
export type ReturnRealisasi = Command<'ReturnRealisasi', { reason: string }>;
/** Reopens an approved report as a new revision; the corrected content follows with save/submit. */
/**
 * A correction after approval. With `context`, a report whose approved figures include indicators
 * the context's PK version does not give its subbagian is refused: the correction could not carry them.
 */
export type ReviseRealisasi = Command<'ReviseRealisasi', { reason: string; context?: RealisasiContext }>;

/**
 * Drops a correction opened by mistake, while it is a draft or returned (not while submitted): the
 * report is approved again with its approved content. `reason` is optional; given, it follows the
 * rule of every workflow reason.
 */
export type WithdrawRealisasiRevision = Command<'WithdrawRealisasiRevision', { reason?: string | null }>;

export type RealisasiCommand = SaveRealisasiDraft | SubmitRealisasi | ApproveRealisasi | ReturnRealisasi | ReviseRealisasi | WithdrawRealisasiRevision;
export type RealisasiCommandType = RealisasiCommand['type'];
