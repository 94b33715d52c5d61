import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { authErrors } from '@kinerja/identity';
import { AppConfig, REDIS } from '@kinerja/platform';

const WINDOW_SECONDS = 60;
/**
 * How long a login waits for Redis. The shared client queues commands while Redis is away (BullMQ
 * needs that), so without a bound a login would hang until the client gives up.
 */
export const REDIS_ANSWER_TIMEOUT_MS = 1000;
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

/**
 * The answer of `send`'s commands, or a rejection: at once when Redis is not connected (nothing is
 * sent, so nothing waits in the client's queue to run later), or after the timeout.
 */
export function redisAnswer<T>(redis: Redis, send: () => Promise<T>): Promise<T> {
  if (redis.status !== 'ready') return Promise.reject(new Error(`Redis is ${redis.status}`));
  const command = send();
  command.catch(() => undefined); // answered late or never: nobody waits for it any more
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${REDIS_ANSWER_TIMEOUT_MS} ms`)), REDIS_ANSWER_TIMEOUT_MS);
  });
  return Promise.race([command, timeout]).finally(() => clearTimeout(timer));
}
