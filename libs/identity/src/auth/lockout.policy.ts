/**
 * When repeated failed logins lock an account. Pure: the state and the time come in, the next state
 * goes out, so that the rule is tested without a database or a clock.
 */
export interface LockoutPolicy {
  /** Consecutive failures that lock the account. */
  maxFailures: number;
  lockMinutes: number;
}

export interface LoginAttemptState {
  failedLoginCount: number;
  lockedUntil: Date | null;
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
