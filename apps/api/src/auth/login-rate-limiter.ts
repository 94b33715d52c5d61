import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { authErrors } from '@kinerja/identity';
import { AppConfig, REDIS, redisAnswer } from '@kinerja/platform';

const WINDOW_SECONDS = 60;
/** Retry-After of AUTH.LOGIN_UNAVAILABLE, while Redis does not answer. */
export const REDIS_RETRY_AFTER_SECONDS = 5;

/**
 * Failed logins per client address, in Redis so that every API replica shares the count. Only
 * failures count (wrong passwords at login, and wrong current passwords when changing one's own):
 * an office behind one NAT address where everyone signs in at eight o'clock is not throttled,
 * while guessing from one address is. Fixed one-minute windows.
 *
 * When Redis does not answer, logins are refused with 503 AUTH.LOGIN_UNAVAILABLE at once rather
 * than let through uncounted (the account lockout alone would not stop guessing across accounts);
 * people already signed in are not affected.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly logger = new Logger('LoginRateLimiter');

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  private key(address: string): string {
    return `${this.config.REDIS_PREFIX}:login-failures:${address}`;
  }

  /** Throws AUTH.RATE_LIMITED (429, with Retry-After) when the address has used up its failures. */
  async assertAllowed(address: string): Promise<void> {
    const key = this.key(address);
    const [count, ttl] = await redisAnswer(this.redis, () => Promise.all([this.redis.get(key), this.redis.ttl(key)])).catch((error: unknown) => {
      this.logger.warn({ msg: 'login refused: Redis does not answer', error: (error as Error).message });
      throw authErrors.loginUnavailable(REDIS_RETRY_AFTER_SECONDS);
    });
    if (Number(count ?? 0) >= this.config.LOGIN_RATE_PER_MINUTE) {
      throw authErrors.rateLimited(ttl > 0 ? ttl : WINDOW_SECONDS);
    }
  }

  /**
   * Counts a failure. If Redis went away since `assertAllowed`, the person still gets the answer
   * to their password (the next attempt is refused until Redis is back).
   */
  async recordFailure(address: string): Promise<void> {
    const key = this.key(address);
    // INCR and EXPIRE NX in one transaction: a key never outlives its window without a TTL.
    await redisAnswer(this.redis, () => this.redis.multi().incr(key).expire(key, WINDOW_SECONDS, 'NX').exec()).catch((error: unknown) =>
      this.logger.warn({ msg: 'failed login not counted: Redis does not answer', error: (error as Error).message }),
    );
  }
}
