import { lkjStatus, type LkjFile, type LkjState, type LkjStatus, type LkjVersionState } from '@kinerja/domain';
import { personRefOf, type PersonRef } from '@kinerja/identity/users/person-ref';
import type { LkjBlocked } from './lkj-chain-integrity';
import type { LkjRetrying } from './lkj-retrying';

/** What the API shows of the LKj stream of one office and year. */

export interface LkjVersionView {
  version: number;
  draft: boolean;
  reason: string;
  status: 'pending' | 'produced';
  stale: boolean;
  staleReason: string | null;
  requestedAt: string;
  producedAt: string | null;
  files: LkjFile[];
  suggestions: string[];
  /**
   * The Ketua's signature: `required` when the office required it as the version was produced (a
   * final only); `signedBy` (user id), `signedByUser` (who that is) and `signedAt` once signed, else null.
   */
  signature: LkjSignatureView;
}

export interface LkjSignatureView {
  /**
   * Fixed when the version is produced, from the office's setting (`ketuaSignsLkj`) at that moment:
   * true or false once produced; null for a final still pending (not decided yet: the setting may
   * change before it is produced); always false for a draft (never signed).
   */
  required: boolean | null;
  signedBy: string | null;
  /** The signer as the approval inbox names a submitter (id, username, full name; role and office of the account today). */
  signedByUser: PersonRef | null;
  signedAt: string | null;
}

/**
 * The year's LKj at a glance: `none` before anything is asked for; `draft` while only drafts are
 * (see each version's own status); then that of the final versions (LkjStatus): `pending`,
 * `produced`, `stale`.
 */
export type LkjOverviewStatus = LkjStatus | 'draft';

export interface LkjOverview {
  satker: string;
  year: number;
  status: LkjOverviewStatus;
  yearComplete: boolean;
  latestFinalVersion: number | null;
  /** The newest final version is produced, current and waits for the Ketua's signature (`status` stays `produced`). */
  awaitingSignature: boolean;
  /** Why the versions not produced yet wait (the office's open chain alerts); null when nothing holds them. */
  blocked: LkjBlocked | null;
  /** Versions not produced whose job failed and that the worker retries by itself; null when none (or `blocked`). */
  retrying: LkjRetrying | null;
  versions: LkjVersionView[];
}

export function overviewStatus(state: LkjState): LkjOverviewStatus {
  const finals = lkjStatus(state);
  return finals === 'none' && state.versions.length > 0 ? 'draft' : finals;
}

/** `people`: the accounts of the signers (`signersOf`), to name them; without, only their ids are known. */
export function versionView(v: LkjVersionState, people: ReadonlyMap<string, PersonRef> = new Map()): LkjVersionView {
  return {
    version: v.version,
    draft: v.draft,
    reason: v.reason,
    status: v.produced ? 'produced' : 'pending',
    stale: v.stale !== null,
    staleReason: v.stale?.reason ?? null,
    requestedAt: v.requestedAt,
    producedAt: v.produced?.producedAt ?? null,
    files: v.produced?.files ?? [],
    suggestions: v.suggestions,
    signature: {
      required: v.draft ? false : v.produced ? v.signatureRequired : null,
      signedBy: v.signed?.by ?? null,
      signedByUser: v.signed ? personRefOf(people, v.signed.by) : null,
      signedAt: v.signed?.at ?? null,
    },
  };
}

/** The ids of whoever signed a version of `state`, to read their accounts for `versionView`. */
export function signersOf(state: LkjState): string[] {
  return state.versions.flatMap((v) => (v.signed ? [v.signed.by] : []));
}
