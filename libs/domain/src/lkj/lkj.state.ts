import type { LkjEvent, LkjFile, LkjRequestReason } from './lkj.events';

export interface LkjVersionState {
  version: number;
  draft: boolean;
  reason: LkjRequestReason;
  suggestions: string[];
  requestedBy: string;
  requestedAt: string;
  /** `ratingScaleVersion`: the label of the scale that rated it, when recorded (see LkjProduced). */
  produced: { files: LkjFile[]; modelDigest: string; producedAt: string; ratingScaleVersion?: string } | null;
  stale: { reason: string; markedAt: string } | null;
  /** Recorded with its production: the Ketua must sign it (see LkjProduced.signatureRequired). */
  signatureRequired: boolean;
  signed: { by: string; at: string } | null;
}

export interface LkjState {
  satker: string | null;
  year: number | null;
  /** Oldest first; `versions[i].version === i + 1`. */
  versions: LkjVersionState[];
}

/**
 * Of the final (non-draft) versions: `produced` when the newest produced one is current, `stale`
 * when a correction was approved after it, `pending` when a newer one is asked for and not yet
 * produced, `none` before the first.
 */
export type LkjStatus = 'none' | 'pending' | 'produced' | 'stale';

export function initialLkjState(): LkjState {
  return { satker: null, year: null, versions: [] };
}

export function evolveLkj(state: LkjState, event: LkjEvent): LkjState {
  switch (event.type) {
    case 'LkjRequested': {
      const d = event.data;
      const version: LkjVersionState = {
        version: d.version, draft: d.draft, reason: d.reason, suggestions: d.suggestions,
        requestedBy: d.requestedBy, requestedAt: d.requestedAt, produced: null, stale: null,
        signatureRequired: false, signed: null,
      };
      return { satker: d.satker, year: d.year, versions: [...state.versions, version] };
    }
    case 'LkjProduced': {
      const d = event.data;
      const produced = {
        files: d.files, modelDigest: d.modelDigest, producedAt: d.producedAt,
        ...(d.ratingScaleVersion !== undefined ? { ratingScaleVersion: d.ratingScaleVersion } : {}),
      };
      return withVersion(state, d.version, (v) => ({ ...v, produced, signatureRequired: d.signatureRequired === true }));
    }
    case 'LkjMarkedStale': {
      const d = event.data;
      return withVersion(state, d.version, (v) => ({ ...v, stale: { reason: d.reason, markedAt: d.markedAt } }));
    }
    case 'LkjSigned': {
      const d = event.data;
      return withVersion(state, d.version, (v) => ({ ...v, signed: { by: d.signedBy, at: d.signedAt } }));
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function withVersion(state: LkjState, version: number, change: (v: LkjVersionState) => LkjVersionState): LkjState {
  return { ...state, versions: state.versions.map((v) => (v.version === version ? change(v) : v)) };
}

/** The newest final version that has its files. */
export function latestProducedFinal(state: LkjState): LkjVersionState | null {
  return [...state.versions].reverse().find((v) => !v.draft && v.produced !== null) ?? null;
}

export function lkjStatus(state: LkjState): LkjStatus {
  const finals = state.versions.filter((v) => !v.draft);
  if (finals.length === 0) return 'none';
  const newest = finals[finals.length - 1];
  if (newest.produced === null) return 'pending';
  return newest.stale ? 'stale' : 'produced';
}

/** The newest final version is produced, current, required to be signed and not signed yet. */
export function awaitingSignature(state: LkjState): boolean {
  const finals = state.versions.filter((v) => !v.draft);
  const newest = finals[finals.length - 1];
  return newest !== undefined && newest.produced !== null && newest.stale === null && newest.signatureRequired && newest.signed === null;
}
