import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { AccountLockoutPolicy, lockAfterFailures, UnknownUsernameFailures } from '@kinerja/identity';
import { AppConfig, REDIS } from '@kinerja/platform';
import { RECORD_REMEMBERED_FAILURE } from './failure-count.script';
import { loginNeeds, loginRecords } from './login-redis';
import { hashedName } from './pair-lockout';

/**
 * Failed logins of names that match no account from every address together, in Redis (shared by
 * every API replica), counted, remembered and locked by the very rule of an account's
 * (AccountLockoutPolicy: consecutive over lock windows, forgotten LOGIN_FAILURE_MEMORY_HOURS after
 * the last, growing locks, the hard limit) with the very answer (423 AUTH.LOCKED, Retry-After), so
 * the lockout does not reveal which names exist, not even later (the pair lock counts every name
 * alike, PairLockout). Keys hold a hash of the name, never the name (people type their password
 * into the wrong field), and expire with the memory, so guessed names cannot fill Redis for good.
 *
 * The address rate limit already refuses logins while Redis does not answer; should it go away
 * between the two, the lock is not known and the login is refused (503) likewise, while an
 * uncounted failure only loses one count.
 */
@Injectable()
export class UnknownUsernameLockout implements UnknownUsernameFailures {
  private readonly logger = new Logger('UnknownUsernameLockout');

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  private keys(username: string): { count: string; lock: string } {
    const name = hashedName(username);
    return {
      count: `${this.config.REDIS_PREFIX}:login-unknown-count:${name}`,
      lock: `${this.config.REDIS_PREFIX}:login-unknown-lock:${name}`,
    };
  }

  async lockedUntil(username: string, now: Date): Promise<Date | null> {
    const { lock } = this.keys(username);
    const value = await loginNeeds(this.redis, this.logger, () => this.redis.get(lock));
    const until = Number(value ?? 0);
    return until > now.getTime() ? new Date(until) : null;
  }

  async recordFailure(username: string, now: Date, policy: AccountLockoutPolicy): Promise<void> {
    const { count, lock } = this.keys(username);
    const memoryMs = policy.memoryMinutes * 60_000;
    await loginRecords(this.redis, this.logger, 'failed login not counted', async () => {
      const failures = Number(await this.redis.eval(RECORD_REMEMBERED_FAILURE, 1, count, now.getTime(), memoryMs));
      const until = lockAfterFailures(failures, now, policy);
      if (until) await this.redis.set(lock, until.getTime(), 'PX', until.getTime() - now.getTime());
    });
  }
}
