import type { RealisasiEvent } from './realisasi.events';
import type { ApprovedRealisasi, RealisasiContent, RealisasiKey } from './realisasi.types';

export type RealisasiStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED';

export interface RealisasiHistoryEntry {
  type: RealisasiEvent['type'];
  revision: number;
  by: string;
  at: string;
  reason: string | null;
}

/** Each change of a line's value, oldest first: who set which value in which revision. */
export interface ValueChange {
  value: string | null;
  revision: number;
  by: string;
  at: string;
}

export type RealisasiState =
  | { status: 'EMPTY' }
  | {
      status: RealisasiStatus;
      key: RealisasiKey;
      /** Increments with every change of state (one per event). */
      version: number;
      /** 0 for the first report, +1 for each correction after approval. */
      revision: number;
      pkVersion: number;
      content: RealisasiContent;
      submittedBy: string | null;
      submittedAt: string | null;
      lastReturn: { by: string; reason: string; at: string } | null;
      /** The figures approved last: they count even while a correction is being drafted. */
      approved: (ApprovedRealisasi & { approvedBy: string; approvedAt: string }) | null;
      revisionReason: string | null;
      history: RealisasiHistoryEntry[];
      valueHistory: Record<string, ValueChange[]>;
    };

export type ExistingRealisasiState = Exclude<RealisasiState, { status: 'EMPTY' }>;

export function initialRealisasiState(): RealisasiState {
  return { status: 'EMPTY' };
}

function withValueChanges(state: ExistingRealisasiState | null, content: RealisasiContent, revision: number, by: string, at: string) {
  const history: Record<string, ValueChange[]> = { ...(state?.valueHistory ?? {}) };
  for (const line of content.lines) {
    const past = history[line.indicatorCode] ?? [];
    // A line first saved blank changed nothing: there was no value before it either.
    const before = past.length > 0 ? past[past.length - 1].value : null;
    if (before !== line.value) history[line.indicatorCode] = [...past, { value: line.value, revision, by, at }];
  }
  return history;
}

function opened(event: Extract<RealisasiEvent, { type: 'RealisasiDraftSaved' }>): ExistingRealisasiState {
  const d = event.data;
  const content = { lines: d.lines, budget: d.budget };
  return {
    status: 'DRAFT', key: d.key, version: 1, revision: d.revision, pkVersion: d.pkVersion, content,
    submittedBy: null, submittedAt: null, lastReturn: null, approved: null, revisionReason: null,
    history: [{ type: event.type, revision: d.revision, by: d.savedBy, at: d.savedAt, reason: null }],
    valueHistory: withValueChanges(null, content, d.revision, d.savedBy, d.savedAt),
  };
}

/**
 * What the report read when its revision `approvedRevision` was approved, from its history: who
 * submitted it last, its last return and why the revision was opened. A withdrawn correction
 * restores them (opening it had cleared them).
 */
function approvedFactsOf(history: RealisasiHistoryEntry[], approvedRevision: number) {
  const last = (type: RealisasiHistoryEntry['type']) => [...history].reverse().find((h) => h.type === type && h.revision === approvedRevision);
  const submitted = last('RealisasiSubmitted');
  const returned = last('RealisasiReturned');
  const opened = last('RealisasiRevisionOpened');
  return {
    submittedBy: submitted?.by ?? null, submittedAt: submitted?.at ?? null,
    lastReturn: returned ? { by: returned.by, reason: returned.reason ?? '', at: returned.at } : null,
    revisionReason: opened?.reason ?? null,
  };
}

/** The highest revision the report has had, withdrawn ones included: a new correction takes the next one. */
export function latestRevisionOf(state: ExistingRealisasiState): number {
  return Math.max(state.revision, ...state.history.map((h) => h.revision));
}

export function evolveRealisasi(state: RealisasiState, event: RealisasiEvent): RealisasiState {
  if (state.status === 'EMPTY') {
    if (event.type !== 'RealisasiDraftSaved') throw new Error(`Realisasi event ${event.type} before the report exists`);
    return opened(event);
  }
  const base = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'RealisasiDraftSaved': {
      const d = event.data;
      const content = { lines: d.lines, budget: d.budget };
      const entry = { type: event.type, revision: d.revision, by: d.savedBy, at: d.savedAt, reason: null };
      // A returned report stays RETURNED while it is being fixed, so the inbox still shows why.
      return {
        ...base, content, pkVersion: d.pkVersion, history: [...state.history, entry],
        valueHistory: withValueChanges(state, content, d.revision, d.savedBy, d.savedAt),
      };
    }
    case 'RealisasiSubmitted': {
      const d = event.data;
      const entry = { type: event.type, revision: d.revision, by: d.submittedBy, at: d.submittedAt, reason: null };
      return { ...base, status: 'SUBMITTED', submittedBy: d.submittedBy, submittedAt: d.submittedAt, history: [...state.history, entry] };
    }
    case 'RealisasiReturned': {
      const d = event.data;
      const entry = { type: event.type, revision: d.revision, by: d.returnedBy, at: d.returnedAt, reason: d.reason };
      return { ...base, status: 'RETURNED', lastReturn: { by: d.returnedBy, reason: d.reason, at: d.returnedAt }, history: [...state.history, entry] };
    }
    case 'RealisasiApproved': {
      const d = event.data;
      const entry = { type: event.type, revision: d.revision, by: d.approvedBy, at: d.approvedAt, reason: null };
      const approved = {
        ...state.content, month: state.key.month, subbagian: state.key.subbagian, revision: d.revision,
        pkVersion: state.pkVersion, approvedBy: d.approvedBy, approvedAt: d.approvedAt,
      };
      return { ...base, status: 'APPROVED', approved, history: [...state.history, entry] };
    }
    case 'RealisasiRevisionOpened': {
      const d = event.data;
      const entry = { type: event.type, revision: d.revision, by: d.openedBy, at: d.openedAt, reason: d.reason };
      return {
        ...base, status: 'DRAFT', revision: d.revision, revisionReason: d.reason, submittedBy: null, submittedAt: null,
        lastReturn: null, history: [...state.history, entry],
      };
    }
    case 'RealisasiRevisionWithdrawn': {
      const d = event.data;
      const entry = { type: event.type, revision: d.revision, by: d.withdrawnBy, at: d.withdrawnAt, reason: d.reason };
      const content = { lines: d.lines, budget: d.budget };
      return {
        ...base, ...approvedFactsOf(state.history, d.approvedRevision), status: 'APPROVED', revision: d.approvedRevision, pkVersion: d.pkVersion,
        content, history: [...state.history, entry], valueHistory: withValueChanges(state, content, d.revision, d.withdrawnBy, d.withdrawnAt),
      };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** The approved figures of a report as capaian reads them, or null if never approved. */
export function approvedRealisasiOf(state: RealisasiState): ApprovedRealisasi | null {
  if (state.status === 'EMPTY' || state.approved === null) return null;
  const { approvedBy: _by, approvedAt: _at, ...approved } = state.approved;
  return approved;
}
