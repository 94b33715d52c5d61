import type { Event } from '../shared/decider';
import type { Role } from '../shared/actor';
import type { PkStructure } from './pk-structure.types';

/** Version 1 drafted: the stream of this office and year begins. */
export type PkDrafted = Event<'PkDrafted', {
  satker: string;
  year: number;
  version: number;
  structure: PkStructure;
  draftedBy: string;
  draftedAt: string;
}>;

/** The whole structure of the working version replaced while it is a draft. */
export type PkIndicatorsChanged = Event<'PkIndicatorsChanged', {
  version: number;
  structure: PkStructure;
  changedBy: string;
  changedAt: string;
}>;

export type PkSubmitted = Event<'PkSubmitted', {
  version: number;
  submittedBy: string;
  submittedAt: string;
}>;

/** The version is frozen and in force from now on; the version it replaces (if any) is superseded. */
export type PkApproved = Event<'PkApproved', {
  version: number;
  approvedBy: string;
  approvedByRole: Role;
  approvedAt: string;
  supersedesVersion: number | null;
}>;

/** Sent back to draft with the reason; the submitter fixes and submits again. */
export type PkReturned = Event<'PkReturned', {
  version: number;
  returnedBy: string;
  returnedByRole: Role;
  reason: string;
  returnedAt: string;
}>;

/** PK Perubahan: a new working version, a copy of the one in force, which stays in force meanwhile. */
export type PkRevisionOpened = Event<'PkRevisionOpened', {
  version: number;
  basedOnVersion: number;
  reason: string;
  structure: PkStructure;
  openedBy: string;
  openedAt: string;
}>;

/** A PK Perubahan dropped before it was submitted: the version is kept, WITHDRAWN; the one in force stays. */
export type PkRevisionWithdrawn = Event<'PkRevisionWithdrawn', {
  version: number;
  /** The version in force, which stays, and its structure: what the PK reads again. */
  inForceVersion: number;
  inForceStructure: PkStructure;
  /** Optional: null when the Sekretaris gave none. */
  reason: string | null;
  withdrawnBy: string;
  withdrawnAt: string;
}>;

export type PkEvent = PkDrafted | PkIndicatorsChanged | PkSubmitted | PkApproved | PkReturned | PkRevisionOpened | PkRevisionWithdrawn;
export type PkEventType = PkEvent['type'];
