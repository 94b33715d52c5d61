import type { Event } from '../shared/decider';

/** One rendered file of a Laporan Kinerja, stored content-addressed by its SHA-256. */
export interface LkjFile {
  format: 'DOCX' | 'PDF';
  sha256: string;
  size: number;
}

/**
 * Why a version was asked for: the last monthly report of the year approved, a correction approved
 * after an LKj was produced (a revised monthly report, a PK Perubahan), last year's capaian imported
 * again after it was produced (`CAPAIAN_TAHUN_LALU_CHANGED`; versions asked for before this reason
 * existed keep `REVISION_APPROVED`, events are never rewritten), the office's rating scale changed
 * after it was produced (so that its categories or Tabel 3.1 would read differently), or the
 * Sekretaris asking (a draft at any time, a final when complete).
 */
export const LKJ_REQUEST_REASONS = ['ALL_APPROVED', 'REVISION_APPROVED', 'CAPAIAN_TAHUN_LALU_CHANGED', 'RATING_SCALE_CHANGED', 'REQUESTED'] as const;

export type LkjRequestReason = (typeof LKJ_REQUEST_REASONS)[number];

/** Version `version` of the year's LKj is to be produced (the intent; the job follows). */
export type LkjRequested = Event<'LkjRequested', {
  satker: string;
  year: number;
  version: number;
  draft: boolean;
  reason: LkjRequestReason;
  /** Saran for BAB IV, from the Sekretaris (inherited from the previous request when not given). */
  suggestions: string[];
  requestedBy: string;
  requestedAt: string;
}>;

/** The files of a version exist; recorded once per version, whatever the number of job runs. */
export type LkjProduced = Event<'LkjProduced', {
  version: number;
  draft: boolean;
  files: LkjFile[];
  /** SHA-256 of the model the files were rendered from (also printed in the annex). */
  modelDigest: string;
  /**
   * The label of the rating scale that rated it (Tabel 3.1, `RatingScaleSet.label`, or the
   * default's). Absent on versions produced before it was recorded.
   */
  ratingScaleVersion?: string;
  /**
   * The office required the Ketua's signature on its final LKj (`satker.ketua_signs_lkj`) when this
   * version was produced: it waits for `LkjSigned`. Absent otherwise (drafts, the step off, and every
   * version produced before the step existed).
   */
  signatureRequired?: true;
  producedAt: string;
}>;

/** A correction approved after production: the final version `version` no longer tells the truth. */
export type LkjMarkedStale = Event<'LkjMarkedStale', {
  version: number;
  reason: string;
  markedAt: string;
}>;

/**
 * The Ketua signed the final version `version` (one the office required a signature on, produced,
 * still current); the files are not rendered again: the status and the audit trail carry it.
 */
export type LkjSigned = Event<'LkjSigned', {
  version: number;
  signedBy: string;
  signedAt: string;
}>;

export type LkjEvent = LkjRequested | LkjProduced | LkjMarkedStale | LkjSigned;
export type LkjEventType = LkjEvent['type'];

/** One stream per office and year: `lkj:<satker>:<year>`. */
export function lkjStreamId(satker: string, year: number): string {
  return `lkj:${satker}:${year}`;
}
