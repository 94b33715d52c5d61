import { afterFailedLogin, afterSuccessfulLogin, lockedUntil, LockoutPolicy } from './lockout.policy';

const policy: LockoutPolicy = { maxFailures: 3, lockMinutes: 15 };
const t0 = new Date('2026-01-05T08:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describe('a lock after repeated failed logins (the pair lock and the account lock count alike)', () => {
  it('given no failures, when one attempt fails, then the count rises and nothing is locked', () => {
    const next = afterFailedLogin({ failedLoginCount: 0, lockedUntil: null }, t0, policy);
    expect(next).toEqual({ failedLoginCount: 1, lockedUntil: null, lockedNow: false });
  });

  it('given one failure short of the limit, when one more fails, then the account is locked for the stated minutes', () => {
    const next = afterFailedLogin({ failedLoginCount: 2, lockedUntil: null }, t0, policy);
    expect(next.lockedNow).toBe(true);
    expect(next.lockedUntil).toEqual(minutes(15));
    expect(next.failedLoginCount).toBe(0);
  });

  it('given a lock, then it holds until its end and not a moment after', () => {
    const state = { failedLoginCount: 0, lockedUntil: minutes(15) };
    expect(lockedUntil(state, minutes(14))).toEqual(minutes(15));
    expect(lockedUntil(state, minutes(15))).toBeNull();
  });

  it('given a lock that has run out, when an attempt fails, then counting starts again from one', () => {
    const next = afterFailedLogin({ failedLoginCount: 2, lockedUntil: minutes(15) }, minutes(20), policy);
    expect(next).toEqual({ failedLoginCount: 1, lockedUntil: minutes(15), lockedNow: false });
  });

  it('given failures, when a login succeeds, then the count and the lock are cleared', () => {
    expect(afterSuccessfulLogin()).toEqual({ failedLoginCount: 0, lockedUntil: null });
  });

  it('given a limit of one, when the first attempt fails, then the account is locked at once', () => {
    expect(afterFailedLogin({ failedLoginCount: 0, lockedUntil: null }, t0, { maxFailures: 1, lockMinutes: 1 }).lockedNow).toBe(true);
  });
});
