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

/**
 * The account lock's rule. Failures are consecutive across lock windows (only a proven password
 * or a new one ends them) and remembered for `memoryMinutes` after the last one, the same for a
 * name that matches no account; each `maxFailures`-th locks for `lockMinutes`, doubling each time;
 * `hardLimit` (NIST SP 800-63B §5.2.2: at most 100) locks until the failures are forgotten.
 */
export interface AccountLockoutPolicy extends LockoutPolicy {
  hardLimit: number;
  memoryMinutes: number;
}

export interface LoginAttemptState {
  failedLoginCount: number;
  lockedUntil: Date | null;
  /** The last failure counted; with it, the count is forgotten `memoryMinutes` later. */
  lastFailedAt: Date | null;
}

/** A lock of an account from one address, from its start to its end. */
export interface PairLock {
  since: Date;
  until: Date;
}

export function lockedUntil(state: Pick<LoginAttemptState, 'lockedUntil'>, now: Date): Date | null {
  return state.lockedUntil && state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : null;
}

/** The consecutive failures still remembered at `now` (none once `memoryMinutes` passed since the last). */
export function rememberedFailures(state: LoginAttemptState, now: Date, policy: AccountLockoutPolicy): number {
  if (!state.lastFailedAt) return 0;
  return now.getTime() - state.lastFailedAt.getTime() < policy.memoryMinutes * 60_000 ? state.failedLoginCount : 0;
}

/**
 * The end of the lock that the `failures`-th consecutive failure starts, or null: every
 * `maxFailures`-th for `lockMinutes` × 2^(k−1) (never past the memory), from `hardLimit` on until
 * the failures are forgotten.
 */
export function lockAfterFailures(failures: number, now: Date, policy: AccountLockoutPolicy): Date | null {
  const memoryMs = policy.memoryMinutes * 60_000;
  if (failures >= policy.hardLimit) return new Date(now.getTime() + memoryMs);
  if (failures % policy.maxFailures !== 0) return null;
  const ms = Math.min(memoryMs, policy.lockMinutes * 60_000 * 2 ** (failures / policy.maxFailures - 1));
  return new Date(now.getTime() + ms);
}

/** The state after one more failed attempt; `lockedNow` is true on a failure that (re)locks. */
export function afterFailedLogin(
  state: LoginAttemptState,
  now: Date,
  policy: AccountLockoutPolicy,
): LoginAttemptState & { lockedNow: boolean } {
  const failures = rememberedFailures(state, now, policy) + 1;
  const lock = lockAfterFailures(failures, now, policy);
  return { failedLoginCount: failures, lockedUntil: lock ?? lockedUntil(state, now), lastFailedAt: now, lockedNow: lock !== null };
}

export function afterSuccessfulLogin(): LoginAttemptState {
  return { failedLoginCount: 0, lockedUntil: null, lastFailedAt: null };
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
 * The lock that refuses an attempt before its password is even looked at, or null. The account lock
 * refuses every address but a known one. The pair lock refuses its address — but at a known address
 * (one the owner signed in from) only once the account is at its hard limit: otherwise anyone who
 * can send from the owner's office (the same NAT, or a forged X-Forwarded-For behind a careless
 * proxy) would lock the owner out there while the account lock shuts every other address. Guessing
 * from a known address stays bounded: by the address rate limit, and by the account's failures,
 * which still count towards the hard limit. `pairWaived` is the pair lock a known address passed:
 * a wrong password there is still answered as locked.
 */
export function refusingLock(locks: {
  pairUntil: Date | null;
  accountUntil: Date | null;
  knownAddress: boolean;
  /** The account's failures have reached the hard limit (its lock lasts until they are forgotten). */
  atHardLimit?: boolean;
}): { kind: LockKind; until: Date } | { kind: null; pairWaived: Date | null } {
  if (locks.pairUntil && !(locks.knownAddress && !locks.atHardLimit)) return { kind: 'pair', until: locks.pairUntil };
  if (locks.accountUntil && !locks.knownAddress) return { kind: 'account', until: locks.accountUntil };
  return { kind: null, pairWaived: locks.pairUntil };
}
