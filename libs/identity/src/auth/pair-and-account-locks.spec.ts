import { AccountLockoutPolicy, afterFailedLogin, pairLockedUntil, refusingLock } from './lockout.policy';

const t0 = new Date('2026-01-05T08:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const pairPolicy: AccountLockoutPolicy = { maxFailures: 5, lockMinutes: 15, hardLimit: 1000, memoryMinutes: 15 };
const accountPolicy: AccountLockoutPolicy = { maxFailures: 50, lockMinutes: 15, hardLimit: 100, memoryMinutes: 24 * 60 };

/** Failures one after the other from a clean state; the state after the last. */
function failures(count: number, policy: AccountLockoutPolicy) {
  let state = { failedLoginCount: 0, lockedUntil: null as Date | null, lastFailedAt: null as Date | null, lockedNow: false };
  for (let i = 0; i < count; i++) state = afterFailedLogin(state, t0, policy);
  return state;
}

describe('the pair lock and the account lock: a guesser cannot shut the owner out', () => {
  it('given five failures from one address, then that address is locked and the account is not', () => {
    expect(failures(5, pairPolicy).lockedUntil).toEqual(minutes(15));
    expect(failures(5, accountPolicy).lockedUntil).toBeNull();
    // The owner, from another address: that pair has no lock, the account none.
    expect(refusingLock({ pairUntil: null, accountUntil: null, knownAddress: false })).toEqual({ kind: null, pairWaived: null });
  });

  it('given the pair locked, then it refuses from that address unless the owner signed in from it before', () => {
    expect(refusingLock({ pairUntil: minutes(15), accountUntil: minutes(10), knownAddress: false })).toEqual({ kind: 'pair', until: minutes(15) });
    expect(refusingLock({ pairUntil: minutes(15), accountUntil: null, knownAddress: false })).toEqual({ kind: 'pair', until: minutes(15) });
  });

  it("given the account locked and the owner's known address pair-locked too (a guesser behind the office's NAT), then the known address is let past to prove the password", () => {
    expect(refusingLock({ pairUntil: minutes(15), accountUntil: minutes(10), knownAddress: true })).toEqual({ kind: null, pairWaived: minutes(15) });
    expect(refusingLock({ pairUntil: minutes(15), accountUntil: null, knownAddress: true })).toEqual({ kind: null, pairWaived: minutes(15) });
  });

  it('given the account at its hard limit, then even a known address is held by its pair lock', () => {
    expect(refusingLock({ pairUntil: minutes(15), accountUntil: minutes(60), knownAddress: true, atHardLimit: true })).toEqual({ kind: 'pair', until: minutes(15) });
    expect(refusingLock({ pairUntil: null, accountUntil: minutes(60), knownAddress: true, atHardLimit: true })).toEqual({ kind: null, pairWaived: null });
  });

  it('given fifty failures spread over addresses, then the account locks, for new addresses only', () => {
    const account = failures(50, accountPolicy);
    expect(account).toMatchObject({ lockedNow: true, lockedUntil: minutes(15) });
    expect(refusingLock({ pairUntil: null, accountUntil: minutes(15), knownAddress: false })).toEqual({ kind: 'account', until: minutes(15) });
    expect(refusingLock({ pairUntil: null, accountUntil: minutes(15), knownAddress: true })).toEqual({ kind: null, pairWaived: null });
  });

  it('given a pair lock, then it holds until its end and not a moment after', () => {
    const lock = { since: t0, until: minutes(15) };
    expect(pairLockedUntil(lock, null, minutes(14))).toEqual(minutes(15));
    expect(pairLockedUntil(lock, null, minutes(15))).toBeNull();
    expect(pairLockedUntil(null, null, t0)).toBeNull();
  });

  it('given a pair lock, when the password is changed after it began (reset by the Admin), then it no longer holds', () => {
    const lock = { since: minutes(1), until: minutes(16) };
    expect(pairLockedUntil(lock, minutes(2), minutes(3))).toBeNull();
    expect(pairLockedUntil(lock, minutes(1), minutes(3))).toBeNull();
    // A password changed before the lock began does not lift it.
    expect(pairLockedUntil(lock, t0, minutes(3))).toEqual(minutes(16));
  });
});
