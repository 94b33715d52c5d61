import { AccountLockoutPolicy, lockedUntil, pairLockedUntil, PairLock, rememberedFailures } from '../auth/lockout.policy';

/**
 * How an account stands with signing in, as its ADMIN needs to see it: the account lock and the
 * failures that lead to it, as the lock rule itself counts them (lockout.policy), and whether its
 * owner must still choose a password; and the latest lock of one client address (the pair lock, in
 * Redis), which stops only that address and ends by itself after LOGIN_LOCK_MINUTES, or an ADMIN's
 * unlock lifts it.
 */
export interface UserSignIn {
  /** The end of the account lock while it holds; null when the account is not locked. */
  lockedUntil: string | null;
  /** Consecutive failed sign-ins since the last success, unlock or new password, until forgotten (LOGIN_FAILURE_MEMORY_HOURS after the last). */
  failedAttempts: number;
  /** When the last of those failures happened; null when none is counted. */
  lastFailedLoginAt: string | null;
  mustChangePassword: boolean;
  /** The latest end of a pair lock of the account (one address); null when none holds; absent when Redis could not be read. */
  addressLockedUntil?: string | null;
}

export const SIGN_IN_COLUMNS = `failed_login_count, locked_until, last_failed_login_at, must_change_password, password_changed_at`;

export interface UserSignInRow {
  failed_login_count: number;
  locked_until: Date | null;
  last_failed_login_at: Date | null;
  must_change_password: boolean;
  /** Read with the rest: pair locks that began before it no longer count (`addressLockedUntil`). */
  password_changed_at?: Date | null;
}

const instant = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

export function userSignIn(row: UserSignInRow, now: Date, policy: AccountLockoutPolicy): UserSignIn {
  const state = { failedLoginCount: Number(row.failed_login_count), lockedUntil: instant(row.locked_until), lastFailedAt: instant(row.last_failed_login_at) };
  const failedAttempts = rememberedFailures(state, now, policy);
  return {
    lockedUntil: lockedUntil(state, now)?.toISOString() ?? null,
    failedAttempts,
    lastFailedLoginAt: failedAttempts > 0 && state.lastFailedAt ? state.lastFailedAt.toISOString() : null,
    mustChangePassword: row.must_change_password,
  };
}

/**
 * The latest end of the pair locks that still hold, by the lock rule (`pairLockedUntil`: a lock
 * that began before the current password no longer counts); null when none; undefined when the
 * locks could not be read.
 */
export function addressLockedUntil(locks: PairLock[] | null, passwordChangedAt: Date | string | null, now: Date): string | null | undefined {
  if (locks === null) return undefined;
  const changed = instant(passwordChangedAt);
  const ends = locks.map((lock) => pairLockedUntil(lock, changed, now)).filter((end): end is Date => end !== null);
  return ends.length === 0 ? null : new Date(Math.max(...ends.map((end) => end.getTime()))).toISOString();
}
