/** What a review note is about: an indicator (optionally one month), a month, one monthly report, or the whole year. */
export type CatatanReviuTarget =
  | { kind: 'INDICATOR'; year: number; indicatorCode: string; month: number | null }
  | { kind: 'MONTH'; year: number; month: number }
  | { kind: 'REPORT'; year: number; month: number; subbagian: string }
  | { kind: 'YEAR'; year: number };

/** A CATATAN is an observation; a TEMUAN is a finding that must be followed up before it is closed. */
export type CatatanReviuCategory = 'CATATAN' | 'TEMUAN';

export const CATATAN_REVIU_CATEGORIES: readonly CatatanReviuCategory[] = ['CATATAN', 'TEMUAN'];

/** `catatan-reviu:<satker>:<noteId>`: one stream per note, in the chain of the office reviewed. */
export function catatanReviuStreamId(satker: string, noteId: string): string {
  return `catatan-reviu:${satker}:${noteId}`;
}
