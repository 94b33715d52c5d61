import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { authErrors } from '@kinerja/identity';
import { AppConfig, REDIS, redisAnswer } from '@kinerja/platform';

const WINDOW_SECONDS = 60;
/** Retry-After of AUTH.LOGIN_UNAVAILABLE, while Redis does not answer. */
export const REDIS_RETRY_AFTER_SECONDS = 5;

/**
 * One attempt reserved against the address's limit, atomically: counted first, and refused (the
 * count given back) when it goes over. KEYS: count. ARGV: limit, window (s). Answers 0 when
 * reserved, else the seconds left in the window.
 */
const RESERVE = `
local count = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[2], 'NX')
if count > tonumber(ARGV[1]) then
  redis.call('DECR', KEYS[1])
  local ttl = redis.call('TTL', KEYS[1])
  if ttl > 0 then return ttl end
  return tonumber(ARGV[2])
end
return 0
`;

/** Gives a reservation back, unless its window has already ended (a DECR would then leave a key without TTL). */
const GIVE_BACK = `
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('DECR', KEYS[1]) end
return 0
`;

/**
 * Failed logins per client address, in Redis so that every API replica shares the count. Only
 * failures count (wrong passwords at login, and wrong current passwords when changing one's own):
 * an office behind one NAT address where everyone signs in at eight o'clock is not throttled,
 * while guessing from one address is. Fixed one-minute windows.
 *
 * Each attempt is reserved before its password is verified and given back when it was not a
 * failure, so attempts sent at once cannot all pass the check before any is counted.
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

  /**
   * Counts one attempt as a failure in advance; AUTH.RATE_LIMITED (429, with Retry-After) when the
   * address has used up its failures.
   */
  async reserve(address: string): Promise<void> {
    const key = this.key(address);
    const answer = await redisAnswer(this.redis, () => this.redis.eval(RESERVE, 1, key, this.config.LOGIN_RATE_PER_MINUTE, WINDOW_SECONDS)).catch(
      (error: unknown) => {
        this.logger.warn({ msg: 'login refused: Redis does not answer', error: (error as Error).message });
        throw authErrors.loginUnavailable(REDIS_RETRY_AFTER_SECONDS);
      },
    );
    if (Number(answer) > 0) throw authErrors.rateLimited(Number(answer));
  }

  /**
   * The reserved attempt was not a failure (signed in, or refused before its password was looked
   * at). If Redis went away meanwhile, the address keeps one failure too many for its window.
   */
  async giveBack(address: string): Promise<void> {
    await redisAnswer(this.redis, () => this.redis.eval(GIVE_BACK, 1, this.key(address))).catch((error: unknown) =>
      this.logger.warn({ msg: 'login reservation not given back: Redis does not answer', error: (error as Error).message }),
    );
  }
}
