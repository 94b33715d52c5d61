import { AccountLockoutPolicy, afterFailedLogin, afterSuccessfulLogin, lockAfterFailures, lockedUntil, LoginAttemptState } from './lockout.policy';

const policy: AccountLockoutPolicy = { maxFailures: 3, lockMinutes: 15, hardLimit: 10, memoryMinutes: 24 * 60 };
const t0 = new Date('2026-01-05T08:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const clean: LoginAttemptState = { failedLoginCount: 0, lockedUntil: null, lastFailedAt: null };

/** `count` failures one after the other at `at`, from `state`. */
function fail(count: number, at: Date, state: LoginAttemptState = clean) {
  let next = { ...state, lockedNow: false };
  for (let i = 0; i < count; i++) next = afterFailedLogin(next, at, policy);
  return next;
}

describe('the account lock: consecutive failures, remembered for a day, growing locks, a hard limit', () => {
  it('given no failures, when one attempt fails, then the count rises, its time is kept and nothing is locked', () => {
    expect(fail(1, t0)).toEqual({ failedLoginCount: 1, lockedUntil: null, lastFailedAt: t0, lockedNow: false });
  });

  it('given one failure short of the limit, when one more fails, then the account is locked for the stated minutes', () => {
    expect(fail(3, t0)).toMatchObject({ lockedNow: true, lockedUntil: minutes(15), failedLoginCount: 3 });
  });

  it('given a lock, then it holds until its end and not a moment after', () => {
    expect(lockedUntil({ lockedUntil: minutes(15) }, minutes(14))).toEqual(minutes(15));
    expect(lockedUntil({ lockedUntil: minutes(15) }, minutes(15))).toBeNull();
  });

  it('given a lock that has run out, when more fail, then the count goes on and the next lock lasts twice as long (finding 3)', () => {
    const after = fail(3, minutes(20), fail(3, t0));
    expect(after).toMatchObject({ failedLoginCount: 6, lockedNow: true, lockedUntil: minutes(20 + 30) });
    expect(lockAfterFailures(9, t0, policy)).toEqual(minutes(60));
  });

  it('given the hard limit reached, then the account is locked until the failures are forgotten, a day later', () => {
    expect(fail(10, t0)).toMatchObject({ failedLoginCount: 10, lockedNow: true, lockedUntil: minutes(24 * 60) });
  });

  it('given failures a day old, when one more fails, then they are forgotten and it counts as the first (finding 4)', () => {
    expect(fail(1, minutes(24 * 60), fail(2, t0))).toMatchObject({ failedLoginCount: 1, lockedNow: false });
    expect(fail(1, minutes(24 * 60 - 1), fail(2, t0))).toMatchObject({ failedLoginCount: 3, lockedNow: true });
  });

  it('given failures, when a login succeeds, then the count, its time and the lock are cleared', () => {
    expect(afterSuccessfulLogin()).toEqual(clean);
  });

  it('given a limit of one, when the first attempt fails, then the account is locked at once', () => {
    expect(afterFailedLogin(clean, t0, { ...policy, maxFailures: 1 }).lockedNow).toBe(true);
  });
});
