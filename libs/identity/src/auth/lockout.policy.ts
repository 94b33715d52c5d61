/**
 * When repeated failed logins lock an account. Pure: the state and the time come in, the next state
 * goes out, so that the rule is tested without a database or a clock.
 *
 * Two locks, as OWASP's Authentication Cheat Sheet and NIST SP 800-63B §5.2.2 describe, so that a
 * guesser cannot shut the account's owner out:
 * - the pair lock: an account tried from one client address, after `maxFailures` failures from
 *   it; it stops that address only, and the owner signs in from any other;
 * - the account lock: an account tried from every address together, after `accountMaxFailures`
 *   (far more); it stops guessing spread over many addresses, and still lets the owner in from an
 *   address they signed in from before (a known address).
 */
export interface LockoutPolicy {
  /** Consecutive failures that lock. */
  maxFailures: number;
  lockMinutes: number;
}

/** Which lock refused an attempt: the account from this address, or the account from everywhere. */
export type LockKind = 'pair' | 'account';

export interface LoginAttemptState {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

/** A lock of an account from one address, from its start to its end. */
export interface PairLock {
  since: Date;
  until: Date;
}

export function lockedUntil(state: LoginAttemptState, now: Date): Date | null {
  return state.lockedUntil && state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : null;
}

/** The state after one more failed attempt; `lockedNow` is true on the failure that locks. */
export function afterFailedLogin(
  state: LoginAttemptState,
  now: Date,
  policy: LockoutPolicy,
): LoginAttemptState & { lockedNow: boolean } {
  // A lock that has run out starts a fresh count: its failures were already paid for.
  const previous = state.lockedUntil && !lockedUntil(state, now) ? 0 : state.failedLoginCount;
  const failures = previous + 1;
  if (failures >= policy.maxFailures) {
    return { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000), lockedNow: true };
  }
  return { failedLoginCount: failures, lockedUntil: state.lockedUntil, lockedNow: false };
}

export function afterSuccessfulLogin(): LoginAttemptState {
  return { failedLoginCount: 0, lockedUntil: null };
}

/**
 * The end of a pair lock that still holds. A new password (an administrator's reset, or the
 * owner's own change) lifts the locks that began before it: whoever was locked out asks the Admin.
 */
export function pairLockedUntil(lock: PairLock | null, passwordChangedAt: Date | null, now: Date): Date | null {
  if (!lock || lock.until.getTime() <= now.getTime()) return null;
  if (passwordChangedAt && passwordChangedAt.getTime() >= lock.since.getTime()) return null;
  return lock.until;
}

/**
 * The lock that refuses an attempt before its password is even looked at, or null. The pair lock
 * refuses whatever the address; the account lock refuses every address but a known one.
 */
export function refusingLock(locks: {
  pairUntil: Date | null;
  accountUntil: Date | null;
  knownAddress: boolean;
}): { kind: LockKind; until: Date } | null {
  if (locks.pairUntil) return { kind: 'pair', until: locks.pairUntil };
  if (locks.accountUntil && !locks.knownAddress) return { kind: 'account', until: locks.accountUntil };
  return null;
}
