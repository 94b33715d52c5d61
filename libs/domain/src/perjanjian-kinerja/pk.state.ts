import type { PkEvent } from './pk.events';
import type { PkStructure, PkVersionInForce } from './pk-structure.types';

/** WITHDRAWN: a PK Perubahan dropped before it was submitted; never in force, kept for the record. */
export type PkVersionStatus = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'SUPERSEDED' | 'WITHDRAWN';

/** One version of the PK: history keeps every one, the approved ones frozen. */
export interface PkVersion {
  version: number;
  status: PkVersionStatus;
  structure: PkStructure;
  /** Why this version exists (PK Perubahan); null for version 1. */
  revisionReason: string | null;
  basedOnVersion: number | null;
  draftedBy: string;
  draftedAt: string;
  /**
   * The last submission of this version: kept when the Ketua returns it (the version is DRAFT
   * again, with `lastReturn`), as a monthly report keeps its submitter, so a returned or withdrawn
   * version still tells that it was submitted; null until the first submission.
   */
  submittedBy: string | null;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  /** The last return, kept after resubmission for the record. */
  lastReturn: { by: string; reason: string; at: string } | null;
  /** Who withdrew this PK Perubahan, when and why (reason null when none was given); null otherwise. */
  withdrawal?: { by: string; reason: string | null; at: string } | null;
}

export type PkState =
  | { status: 'EMPTY' }
  | {
      status: 'EXISTS';
      satker: string;
      year: number;
      versions: PkVersion[];
      /** Version number in force (approved, not superseded), or null before the first approval. */
      inForce: number | null;
      /** Version being drafted or awaiting approval, or null. */
      working: number | null;
    };

export type ExistingPkState = Extract<PkState, { status: 'EXISTS' }>;

export function initialPkState(): PkState {
  return { status: 'EMPTY' };
}

function newVersion(version: number, structure: PkStructure, by: string, at: string, reason: string | null, basedOn: number | null): PkVersion {
  return {
    version, status: 'DRAFT', structure, revisionReason: reason, basedOnVersion: basedOn,
    draftedBy: by, draftedAt: at, submittedBy: null, submittedAt: null, approvedBy: null, approvedAt: null, lastReturn: null,
    withdrawal: null,
  };
}

function updateVersion(state: ExistingPkState, version: number, change: (v: PkVersion) => PkVersion): PkVersion[] {
  return state.versions.map((v) => (v.version === version ? change(v) : v));
}

export function evolvePk(state: PkState, event: PkEvent): PkState {
  if (event.type === 'PkDrafted') {
    const d = event.data;
    return {
      status: 'EXISTS', satker: d.satker, year: d.year, inForce: null, working: d.version,
      versions: [newVersion(d.version, d.structure, d.draftedBy, d.draftedAt, null, null)],
    };
  }
  // Every other event follows PkDrafted; a stream that breaks this is corrupt, not a user error.
  if (state.status !== 'EXISTS') throw new Error(`PK event ${event.type} before PkDrafted`);
  switch (event.type) {
    case 'PkIndicatorsChanged':
      return { ...state, versions: updateVersion(state, event.data.version, (v) => ({ ...v, structure: event.data.structure })) };
    case 'PkSubmitted': {
      const { submittedBy, submittedAt } = event.data;
      return { ...state, versions: updateVersion(state, event.data.version, (v) => ({ ...v, status: 'SUBMITTED', submittedBy, submittedAt })) };
    }
    case 'PkReturned': {
      const { returnedBy, reason, returnedAt } = event.data;
      return {
        ...state,
        versions: updateVersion(state, event.data.version, (v) => ({
          ...v, status: 'DRAFT', lastReturn: { by: returnedBy, reason, at: returnedAt },
        })),
      };
    }
    case 'PkApproved': {
      const { version, approvedBy, approvedAt, supersedesVersion } = event.data;
      const versions = state.versions.map((v): PkVersion => {
        if (v.version === version) return { ...v, status: 'APPROVED', approvedBy, approvedAt };
        if (v.version === supersedesVersion) return { ...v, status: 'SUPERSEDED' };
        return v;
      });
      return { ...state, versions, inForce: version, working: null };
    }
    case 'PkRevisionOpened': {
      const d = event.data;
      const draft = newVersion(d.version, d.structure, d.openedBy, d.openedAt, d.reason, d.basedOnVersion);
      return { ...state, versions: [...state.versions, draft], working: d.version };
    }
    case 'PkRevisionWithdrawn': {
      const { version, withdrawnBy, reason, withdrawnAt } = event.data;
      const versions = updateVersion(state, version, (v) => ({ ...v, status: 'WITHDRAWN', withdrawal: { by: withdrawnBy, reason, at: withdrawnAt } }));
      return { ...state, versions, working: null };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** The approved version in force, as realisasi and capaian need it; null before the first approval. */
export function pkInForce(state: PkState): PkVersionInForce | null {
  if (state.status !== 'EXISTS' || state.inForce === null) return null;
  const version = state.versions.find((v) => v.version === state.inForce);
  if (!version || version.approvedAt === null) return null;
  return { satker: state.satker, year: state.year, version: version.version, structure: version.structure, approvedAt: version.approvedAt };
}

/** The version being drafted or awaiting approval, if any. */
export function pkWorkingVersion(state: PkState): PkVersion | null {
  if (state.status !== 'EXISTS' || state.working === null) return null;
  return state.versions.find((v) => v.version === state.working) ?? null;
}
