import type { HariLibur, HariLiburKind, Role } from '@kinerja/domain';
import type { TimeZone } from '../identity.types';
import type { SatkerProfile } from '../satker/satker-profile';

/**
 * Every change to offices, subbagian and users, appended to the stream `identity:<satker>` of the
 * office concerned, in the same transaction as the table write. Password hashes never enter the log.
 */
export type IdentityEvent =
  | {
      type: 'SatkerCreated';
      data: {
        code: string; name: string; parentCode: string | null; timeZone: TimeZone; reportDeadlineDay: number;
        /** Absent from offices created before it could be given at creation: false (the column's default). */
        ketuaSignsLkj?: boolean;
      } & Reasoned;
    }
  | { type: 'SatkerUpdated'; data: { code: string; changes: SatkerChanges } & Reasoned }
  /** Placed under another parent office (a regional reorganisation): who sees it changes with it. */
  | { type: 'SatkerMoved'; data: { code: string; fromParentCode: string; toParentCode: string } & Reasoned }
  | { type: 'SatkerDeactivated'; data: { code: string } & Reasoned }
  | { type: 'SatkerReactivated'; data: { code: string } & Reasoned }
  /**
   * The office's profile for its LKj set anew (PUT satker/{code}/profile): the version it became and
   * each field that changed with its new value (null or an empty list: no longer recorded).
   */
  | { type: 'SatkerProfileChanged'; data: { code: string; version: number; changes: Partial<SatkerProfile> } & Reasoned }
  | { type: 'SubbagianCreated'; data: { satker: string; code: string; name: string } & Reasoned }
  | { type: 'SubbagianUpdated'; data: { satker: string; code: string; changes: { name?: string } } & Reasoned }
  | { type: 'SubbagianDeactivated'; data: { satker: string; code: string } & Reasoned }
  | { type: 'SubbagianReactivated'; data: { satker: string; code: string } & Reasoned }
  | {
      type: 'UserCreated';
      data: {
        userId: string;
        username: string;
        fullName: string;
        email: string | null;
        role: Role;
        satker: string;
        subbagian: string | null;
        /** Set by an administrator: to be changed at first sign-in. Absent from events recorded before it was kept. */
        mustChangePassword?: boolean;
      } & Reasoned;
    }
  | { type: 'UserUpdated'; data: { userId: string; satker: string; changes: UserChanges } & Reasoned }
  | { type: 'UserDeactivated'; data: { userId: string; satker: string } & Reasoned }
  | { type: 'UserReactivated'; data: { userId: string; satker: string } & Reasoned }
  /** `by: 'admin'` (a reset) marks the account: its owner must change the password at next sign-in; `self` clears that. */
  | { type: 'UserPasswordChanged'; data: { userId: string; satker: string; by: 'self' | 'admin' } & Reasoned }
  | { type: 'UserLockedOut'; data: { userId: string; satker: string; failedAttempts: number; lockedUntil: string } }
  /** An administrator lifted the account lock and forgot its failed logins, without a new password. */
  | { type: 'UserUnlocked'; data: { userId: string; satker: string; failedAttempts: number; lockedUntil: string | null } & Reasoned }
  /**
   * The installation's holiday calendar of a year given a new list (on the stream of the root office,
   * whose ADMIN alone changes it): the version it became and what differs from the list before. Lists
   * given before this event existed are kept in `hari_libur_changes` only: they were never recorded here.
   */
  | { type: 'HariLiburChanged'; data: HariLiburChangedData & Reasoned };

/**
 * Why an administrator made the change, as they gave it (3–2000 visible characters, trimmed). Absent:
 * none was given, or the event was recorded before identity changes could carry one. One request
 * that records several events (a user renamed and deactivated) gives each the same reason.
 */
export interface Reasoned {
  reason?: string;
}

export type IdentityEventType = IdentityEvent['type'];

/** A date kept in a year's list under another name or kind. */
export interface HariLiburEntryChange {
  date: string;
  before: { name: string; kind: HariLiburKind };
  after: { name: string; kind: HariLiburKind };
}

/** Each list sorted by date; a change adds, removes or alters at least one date. */
export interface HariLiburChangedData {
  year: number;
  version: number;
  added: HariLibur[];
  removed: HariLibur[];
  changed: HariLiburEntryChange[];
}

export interface SatkerChanges {
  name?: string;
  timeZone?: TimeZone;
  reportDeadlineDay?: number;
  /** The office requires the Ketua's signature on each final LKj produced from then on. */
  ketuaSignsLkj?: boolean;
}

export interface UserChanges {
  fullName?: string;
  email?: string | null;
  role?: Role;
  subbagian?: string | null;
}

export function identityStreamId(satker: string): string {
  return `identity:${satker}`;
}
