import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { LockoutPolicy, PairFailures, PairLock } from '@kinerja/identity';
import { AppConfig, REDIS } from '@kinerja/platform';
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
 */
@Injectable()
export class PairLockout implements PairFailures {
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

  async lockOf(username: string, address: string): Promise<PairLock | null> {
    const { lock } = this.keys(username, address);
    const value = await loginNeeds(this.redis, this.logger, () => this.redis.get(lock));
    const [since, until] = (value ?? '').split(':').map(Number);
    return since > 0 && until > 0 ? { since: new Date(since), until: new Date(until) } : null;
  }

  async recordFailure(username: string, address: string, now: Date, policy: LockoutPolicy): Promise<void> {
    const { count, lock } = this.keys(username, address);
    const windowMs = policy.lockMinutes * 60_000;
    const value = `${now.getTime()}:${now.getTime() + windowMs}`;
    await loginRecords(this.redis, this.logger, 'failed login not counted', () => this.redis.eval(RECORD_FAILURE, 2, count, lock, policy.maxFailures, value, windowMs));
  }

  async clear(username: string, address: string): Promise<void> {
    const { count, lock } = this.keys(username, address);
    await loginRecords(this.redis, this.logger, 'failures of a signed-in address not cleared', () => this.redis.del(count, lock));
  }
}
