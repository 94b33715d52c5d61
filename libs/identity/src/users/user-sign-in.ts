import { AccountLockoutPolicy, lockedUntil, rememberedFailures } from '../auth/lockout.policy';

/**
 * How an account stands with signing in, as its ADMIN needs to see it: the account lock and the
 * failures that lead to it, as the lock rule itself counts them (lockout.policy), and whether its
 * owner must still choose a password. A lock of one client address (the pair lock, in Redis) is not
 * here: it stops only that address, ends by itself after LOGIN_LOCK_MINUTES, and no ADMIN lifts it.
 */
export interface UserSignIn {
  /** The end of the account lock while it holds; null when the account is not locked. */
  lockedUntil: string | null;
  /** Consecutive failed sign-ins since the last success, unlock or new password, until forgotten (LOGIN_FAILURE_MEMORY_HOURS after the last). */
  failedAttempts: number;
  /** When the last of those failures happened; null when none is counted. */
  lastFailedLoginAt: string | null;
  mustChangePassword: boolean;
}

export const SIGN_IN_COLUMNS = `failed_login_count, locked_until, last_failed_login_at, must_change_password`;

export interface UserSignInRow {
  failed_login_count: number;
  locked_until: Date | null;
  last_failed_login_at: Date | null;
  must_change_password: boolean;
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
