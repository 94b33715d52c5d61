import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { AddressLocks, LockoutPolicy, PairFailures, PairLock } from '@kinerja/identity';
import { AppConfig, REDIS, redisAnswer } from '@kinerja/platform';
import { RECORD_FAILURE } from './failure-count.script';
import { loginNeeds, loginRecords } from './login-redis';

/** A name as Redis keys hold it: hashed, never the name (people type their password into the wrong field). */
export function hashedName(username: string): string {
  return createHash('sha256').update(username).digest('hex');
}

/**
 * Failed logins of a name from one client address, in Redis (shared by every API replica): after
 * LOGIN_MAX_FAILURES the name is locked from that address for LOGIN_LOCK_MINUTES (423 AUTH.LOCKED,
 * `lock: pair`), whatever other addresses do. Every name is counted alike, account or not, so the
 * lock tells nothing about which names exist; every key expires within the lock window.
 *
 * The address rate limit already refuses logins while Redis does not answer; should it go away
 * between the two, the lock is not known and the login is refused (503) likewise, while an
 * uncounted failure only loses one count.
 *
 * Each name also has the list of its locked addresses (a sorted set by lock end, expiring with the
 * last lock): the ADMIN's view of the account shows the latest pair lock, and unlock lifts them all,
 * without a scan of Redis (the lock keys themselves are found only by name and address).
 */
@Injectable()
export class PairLockout implements PairFailures, AddressLocks {
  private readonly logger = new Logger('PairLockout');

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  private keys(username: string, address: string): { count: string; lock: string } {
    const pair = `${hashedName(username)}:${address}`;
    return {
      count: `${this.config.REDIS_PREFIX}:login-pair-failures:${pair}`,
      lock: `${this.config.REDIS_PREFIX}:login-pair-lock:${pair}`,
    };
  }

  private lockedAddressesKey(username: string): string {
    return `${this.config.REDIS_PREFIX}:login-pair-locked-addresses:${hashedName(username)}`;
  }

  async lockOf(username: string, address: string): Promise<PairLock | null> {
    const { lock } = this.keys(username, address);
    return parseLock(await loginNeeds(this.redis, this.logger, () => this.redis.get(lock)));
  }

  async locksOf(username: string, now: Date): Promise<PairLock[] | null> {
    try {
      const addresses = await redisAnswer(this.redis, () => this.redis.zrangebyscore(this.lockedAddressesKey(username), `(${now.getTime()}`, '+inf'));
      if (addresses.length === 0) return [];
      return await redisAnswer(this.redis, () => this.locksInForce(username, addresses, now));
    } catch (error) {
      this.logger.warn({ msg: 'pair locks of an account not read: Redis does not answer', error: (error as Error).message });
      return null;
    }
  }

  async liftAll(username: string, now: Date): Promise<number | null> {
    const list = this.lockedAddressesKey(username);
    try {
      return await redisAnswer(this.redis, async () => {
        const addresses = await this.redis.zrange(list, 0, -1);
        if (addresses.length === 0) return 0;
        const inForce = (await this.locksInForce(username, addresses, now)).length;
        await this.redis.del(list, ...addresses.flatMap((a) => Object.values(this.keys(username, a))));
        return inForce;
      });
    } catch (error) {
      this.logger.warn({ msg: 'pair locks of an unlocked account not lifted: Redis does not answer', error: (error as Error).message });
      return null;
    }
  }

  /** The locks of the name from the listed addresses that end after `now`. */
  private async locksInForce(username: string, addresses: string[], now: Date): Promise<PairLock[]> {
    const values = await this.redis.mget(...addresses.map((a) => this.keys(username, a).lock));
    return values.map(parseLock).filter((lock): lock is PairLock => lock !== null && lock.until.getTime() > now.getTime());
  }

  async recordFailure(username: string, address: string, now: Date, policy: LockoutPolicy): Promise<void> {
    const { count, lock } = this.keys(username, address);
    const windowMs = policy.lockMinutes * 60_000;
    const until = now.getTime() + windowMs;
    const value = `${now.getTime()}:${until}`;
    await loginRecords(this.redis, this.logger, 'failed login not counted', () =>
      this.redis.eval(RECORD_FAILURE, 3, count, lock, this.lockedAddressesKey(username), policy.maxFailures, value, windowMs, address, until, now.getTime()),
    );
  }

  async clear(username: string, address: string): Promise<void> {
    const { count, lock } = this.keys(username, address);
    await loginRecords(this.redis, this.logger, 'failures of a signed-in address not cleared', () =>
      this.redis.multi().del(count, lock).zrem(this.lockedAddressesKey(username), address).exec(),
    );
  }
}

/** A lock's value, `since:until` in milliseconds, or null. */
function parseLock(value: string | null): PairLock | null {
  const [since, until] = (value ?? '').split(':').map(Number);
  return since > 0 && until > 0 ? { since: new Date(since), until: new Date(until) } : null;
}
