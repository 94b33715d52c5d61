import type { AccountLockoutPolicy } from '../auth/lockout.policy';
import { addressLockedUntil, userSignIn, UserSignInRow } from './user-sign-in';

const policy: AccountLockoutPolicy = { maxFailures: 3, lockMinutes: 15, hardLimit: 10, memoryMinutes: 24 * 60 };
const t0 = new Date('2026-01-05T08:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const clean: UserSignInRow = { failed_login_count: 0, locked_until: null, last_failed_login_at: null, must_change_password: false };

describe('how an account stands with signing in, as its ADMIN sees it', () => {
  it('given no failure, then not locked, no failures, no last failure', () => {
    expect(userSignIn(clean, t0, policy)).toEqual({ lockedUntil: null, failedAttempts: 0, lastFailedLoginAt: null, mustChangePassword: false });
  });

  it('given failures that locked the account, then the lock’s end, the failures and the last one while it holds', () => {
    const row = { ...clean, failed_login_count: 3, locked_until: minutes(15), last_failed_login_at: t0 };
    expect(userSignIn(row, minutes(5), policy)).toEqual({
      lockedUntil: minutes(15).toISOString(), failedAttempts: 3, lastFailedLoginAt: t0.toISOString(), mustChangePassword: false,
    });
  });

  it('given a lock that has run out, then no lock, while its failures still count towards the next', () => {
    const row = { ...clean, failed_login_count: 3, locked_until: minutes(15), last_failed_login_at: t0 };
    expect(userSignIn(row, minutes(15), policy)).toMatchObject({ lockedUntil: null, failedAttempts: 3 });
  });

  it('given failures older than the memory, then they are forgotten, as the lock rule forgets them', () => {
    const row = { ...clean, failed_login_count: 2, last_failed_login_at: t0 };
    expect(userSignIn(row, minutes(24 * 60), policy)).toMatchObject({ failedAttempts: 0, lastFailedLoginAt: null });
  });

  it('given a password an administrator set, then the owner must still change it', () => {
    expect(userSignIn({ ...clean, must_change_password: true }, t0, policy).mustChangePassword).toBe(true);
  });
});

describe('the lock of one address, as its ADMIN sees it', () => {
  const lock = (since: number, until: number) => ({ since: minutes(since), until: minutes(until) });

  it('given no pair lock, then null; given locks that cannot be read, then unknown (the field is left out)', () => {
    expect(addressLockedUntil([], null, t0)).toBeNull();
    expect(addressLockedUntil(null, null, t0)).toBeUndefined();
  });

  it('given pair locks of several addresses, then the latest end of those that still hold', () => {
    expect(addressLockedUntil([lock(0, 15), lock(5, 20), lock(-20, -5)], null, minutes(10))).toBe(minutes(20).toISOString());
  });

  it('given a new password after a lock began, then that lock no longer counts, as at sign-in', () => {
    expect(addressLockedUntil([lock(0, 15)], minutes(1), minutes(2))).toBeNull();
    expect(addressLockedUntil([lock(0, 15), lock(3, 18)], minutes(1), minutes(4))).toBe(minutes(18).toISOString());
  });
});
