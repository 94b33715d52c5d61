import type { Role } from '@kinerja/domain';
import type { TimeZone } from '../identity.types';

/**
 * Every change to offices, subbagian and users, appended to the stream `identity:<satker>` of the
 * office concerned, in the same transaction as the table write. Password hashes never enter the log.
 */
export type IdentityEvent =
  | {
      type: 'SatkerCreated';
      data: { code: string; name: string; parentCode: string | null; timeZone: TimeZone; reportDeadlineDay: number } & Reasoned;
    }
  | { type: 'SatkerUpdated'; data: { code: string; changes: SatkerChanges } & Reasoned }
  /** Placed under another parent office (a regional reorganisation): who sees it changes with it. */
  | { type: 'SatkerMoved'; data: { code: string; fromParentCode: string; toParentCode: string } & Reasoned }
  | { type: 'SatkerDeactivated'; data: { code: string } & Reasoned }
  | { type: 'SatkerReactivated'; data: { code: string } & Reasoned }
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
  | { type: 'UserUnlocked'; data: { userId: string; satker: string; failedAttempts: number; lockedUntil: string | null } };

/**
 * Why an administrator made the change, as they gave it (3–2000 visible characters, trimmed). Absent:
 * none was given, or the event was recorded before identity changes could carry one. One request
 * that records several events (a user renamed and deactivated) gives each the same reason.
 */
export interface Reasoned {
  reason?: string;
}

export type IdentityEventType = IdentityEvent['type'];

export interface SatkerChanges {
  name?: string;
  timeZone?: TimeZone;
  reportDeadlineDay?: number;
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
