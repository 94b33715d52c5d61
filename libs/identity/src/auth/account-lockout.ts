import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@kinerja/platform';
import { IdentityUnitOfWork, RecordEvent } from '../events/identity-unit-of-work';
import { authErrors } from '../identity.errors';
import { SYSTEM_ACTOR } from '../identity.types';
import type { UserCredentialRow } from '../users/user.rows';
import { AccountLockoutPolicy, afterFailedLogin, lockedUntil, LockoutPolicy, PairLock } from './lockout.policy';

/** An id no user has (users.id are random UUIDs, version 4). */
const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

export abstract class LockoutSettings implements LockoutPolicy {
  /** Failures of an account from one address that lock it for that address (LOGIN_MAX_FAILURES). */
  abstract maxFailures: number;
  /** Failures of an account from every address together that lock it (LOGIN_ACCOUNT_MAX_FAILURES). */
  abstract accountMaxFailures: number;
  abstract lockMinutes: number;
  /** Consecutive failures that lock the account until they are forgotten (LOGIN_ACCOUNT_HARD_LIMIT). */
  abstract accountHardLimit: number;
  /** How long failures are remembered after the last one (LOGIN_FAILURE_MEMORY_HOURS). */
  abstract failureMemoryMinutes: number;
}

/**
 * Failed attempts at a name that matches no account. They have no row to be counted in, so they
 * are counted elsewhere (the API keeps them in Redis, each name only for the lock window since its
 * last failure); the name then locks after the same failures as an account does, and the lockout
 * does not tell which names exist.
 */
export interface UnknownUsernameFailures {
  /** The end of the name's lock, or null when it is not locked. */
  lockedUntil(username: string, now: Date): Promise<Date | null>;
  /** Counts one failure, remembered and locking by `policy` exactly as an account's. */
  recordFailure(username: string, now: Date, policy: AccountLockoutPolicy): Promise<void>;
}

/** Failed attempts at a name from one client address: the pair lock, for known and unknown names alike. */
export interface PairFailures {
  /** The lock of the name from the address, or null. */
  lockOf(username: string, address: string): Promise<PairLock | null>;
  /** Counts one failure; the one that reaches `policy.maxFailures` locks the pair for `policy.lockMinutes`. */
  recordFailure(username: string, address: string, now: Date, policy: LockoutPolicy): Promise<void>;
  /** Forgets the pair's failures (its password was proven from that address). */
  clear(username: string, address: string): Promise<void>;
}

/**
 * The pair locks of one name over every address, as the ADMIN who manages the account sees and
 * lifts them (the API keeps them in Redis, with a list of the name's locked addresses).
 */
export interface AddressLocks {
  /** The name's pair locks that end after `now`; null when they cannot be read now (Redis does not answer). */
  locksOf(username: string, now: Date): Promise<PairLock[] | null>;
  /**
   * Lifts every pair lock of the name and forgets the failures counted towards them. Answers how many
   * locks (one address each) were in force and are lifted; null when Redis does not answer.
   */
  liftAll(username: string, now: Date): Promise<number | null>;
}

/** The addresses a name's password was proven from: they still get in while the account is locked. */
export interface KnownAddresses {
  isKnown(username: string, address: string, now: Date): Promise<boolean>;
  remember(username: string, address: string, now: Date): Promise<void>;
}

/**
 * Where an attempt comes from, with the stores of what is counted per address (the API's, in
 * Redis). Without one, only the account lock applies and every address is a stranger.
 */
export interface LoginOrigin {
  address: string;
  pairs: PairFailures;
  knownAddresses: KnownAddresses;
  unknownNames: UnknownUsernameFailures;
}

/**
 * The account lock: repeated failures to prove an account's password from every address together
 * (wrong passwords at login and wrong current passwords when changing it count alike, on the same
 * counter in the users row) lock it after `accountMaxFailures`. The pair lock (`maxFailures` from
 * one address) is counted per address by a PairFailures store.
 */
@Injectable()
export class AccountLockout {
  /** The account lock's rule. */
  readonly accountPolicy: AccountLockoutPolicy;
  /** The security log: an account lock is worth an administrator's look. */
  private readonly logger = new Logger('Auth');
  /** The pair lock's rule. */
  readonly pairPolicy: LockoutPolicy;

  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: IdentityUnitOfWork,
    private readonly clock: Clock,
    settings: LockoutSettings,
  ) {
    this.accountPolicy = {
      maxFailures: settings.accountMaxFailures,
      lockMinutes: settings.lockMinutes,
      hardLimit: settings.accountHardLimit,
      memoryMinutes: settings.failureMemoryMinutes,
    };
    this.pairPolicy = { maxFailures: settings.maxFailures, lockMinutes: settings.lockMinutes };
  }

  /**
   * AUTH.LOCKED (423, with Retry-After) while the account lock is on. Where the address is not
   * known (changing one's own password), the account lock refuses from every address.
   */
  assertNotLocked(row: Pick<UserCredentialRow, 'failed_login_count' | 'locked_until'>): void {
    const now = this.clock.now();
    const until = this.lockedUntil(row, now);
    if (until) throw authErrors.locked(until, now, 'account');
  }

  lockedUntil(row: Pick<UserCredentialRow, 'failed_login_count' | 'locked_until'>, now: Date): Date | null {
    return lockedUntil({ lockedUntil: row.locked_until }, now);
  }

  /** Counts one failure of the account; the one that reaches the limit locks it (event UserLockedOut). */
  async recordFailure(id: string): Promise<void> {
    await this.unitOfWork.run(SYSTEM_ACTOR, (manager, record) => this.count(manager, id, record));
  }

  /**
   * The database work of `recordFailure` on no account: the same statements, touching no row, so
   * that a failure at a name that matches no account takes as long as one at an account.
   */
  async spendFailureWork(): Promise<void> {
    await this.dataSource.transaction((manager) => this.count(manager, NO_ACCOUNT, () => undefined));
  }

  private async count(manager: EntityManager, id: string, record: RecordEvent): Promise<void> {
    // Row lock: concurrent failures must each count, and exactly one of them locks.
    const [row]: Array<UserCredentialRow & { last_failed_login_at: Date | null }> = await manager.query(
      `SELECT satker_code, id, username, failed_login_count, locked_until, last_failed_login_at FROM users WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const now = this.clock.now();
    const state = row
      ? { failedLoginCount: row.failed_login_count, lockedUntil: row.locked_until, lastFailedAt: row.last_failed_login_at }
      : { failedLoginCount: 0, lockedUntil: null, lastFailedAt: null };
    const next = afterFailedLogin(state, now, this.accountPolicy);
    await manager.query(`UPDATE users SET failed_login_count = $2, locked_until = $3, last_failed_login_at = $4 WHERE id = $1`, [
      id,
      next.failedLoginCount,
      next.lockedUntil,
      next.lastFailedAt,
    ]);
    if (row && next.lockedNow && next.lockedUntil) {
      // Someone is guessing this account's password from many addresses: its owner may need the Admin.
      this.logger.warn({
        msg: 'Account locked',
        event: 'auth.account_locked',
        userId: id,
        username: row.username,
        satker: row.satker_code,
        failures: next.failedLoginCount,
        lockedUntil: next.lockedUntil.toISOString(),
      });
      record(row.satker_code, {
        type: 'UserLockedOut',
        data: {
          userId: id,
          satker: row.satker_code,
          failedAttempts: next.failedLoginCount,
          lockedUntil: next.lockedUntil.toISOString(),
        },
      });
    }
  }
}
