import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { authErrors } from '@kinerja/identity';
import { AppConfig, REDIS } from '@kinerja/platform';

const WINDOW_SECONDS = 60;

/**
 * Failed logins per client address, in Redis so that every API replica shares the count. Only
 * failures count: an office behind one NAT address where everyone signs in at eight o'clock is not
 * throttled, while guessing from one address is. Fixed one-minute windows.
 */
@Injectable()
export class LoginRateLimiter {
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
    const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
    if (Number(count ?? 0) >= this.config.LOGIN_RATE_PER_MINUTE) {
      throw authErrors.rateLimited(ttl > 0 ? ttl : WINDOW_SECONDS);
    }
  }

  async recordFailure(address: string): Promise<void> {
    const key = this.key(address);
    // INCR and EXPIRE NX in one transaction: a key never outlives its window without a TTL.
    await this.redis.multi().incr(key).expire(key, WINDOW_SECONDS, 'NX').exec();
  }
}
