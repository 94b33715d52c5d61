import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { authErrors } from '@kinerja/identity';
import { AppConfig, REDIS } from '@kinerja/platform';
import { loginRefusals } from './login-refusals';
import { loginNeeds, loginRecords } from './login-redis';

const WINDOW_SECONDS = 60;

/**
 * An attempt admitted for an address: refused while its failures of the window have reached the
 * limit (answers [1, seconds left]); else counted among the address's attempts in flight, and
 * refused for a moment when those are more than the bound (answers [2, 1]: a burst, not guessing
 * — an office of thirty behind one NAT signing in at eight); else [0, 0].
 * KEYS: failures, in flight. ARGV: limit, window (s), in-flight bound, in-flight TTL (s).
 */
const ADMIT = `
local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
if failures >= tonumber(ARGV[1]) then
  local ttl = redis.call('TTL', KEYS[1])
  if ttl > 0 then return {1, ttl} end
  return {1, tonumber(ARGV[2])}
end
local inflight = redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], ARGV[4])
if inflight > tonumber(ARGV[3]) then
  redis.call('DECR', KEYS[2])
  return {2, 1}
end
return {0, 0}
`;

/** An admitted attempt is over: out of the in-flight count, and a failure counted when it was one. ARGV: failed (1/0), window (s). */
const SETTLE = `
if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('DECR', KEYS[2]) end
if ARGV[1] == '1' then
  redis.call('INCR', KEYS[1])
  redis.call('EXPIRE', KEYS[1], ARGV[2], 'NX')
end
return 0
`;

/** How long an in-flight count outlives a process that died mid-attempt. */
const IN_FLIGHT_TTL_SECONDS = 30;

/**
 * Failed logins per client address, in Redis so that every API replica shares the count. Only
 * failures count (wrong passwords at login, and wrong current passwords when changing one's own):
 * an office behind one NAT address where everyone signs in at eight o'clock is not throttled,
 * while guessing from one address is. Fixed one-minute windows.
 *
 * Attempts sent at once cannot all pass the check before any failure is counted: an address has
 * at most twice LOGIN_RATE_PER_MINUTE attempts in flight (more: 503 AUTH.LOGIN_BUSY, Retry-After 1),
 * so guessing from one address gets at most that many past its limit, while a correct login is
 * never refused for failures it did not make.
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

  private keys(address: string): [string, string] {
    return [`${this.config.REDIS_PREFIX}:login-failures:${address}`, `${this.config.REDIS_PREFIX}:login-in-flight-address:${address}`];
  }

  /**
   * Admits one attempt from the address: AUTH.RATE_LIMITED (429, with Retry-After) when the address
   * has used up its failures, AUTH.LOGIN_BUSY (503, Retry-After 1) when too many of its attempts are
   * in flight. An admitted attempt must be settled.
   */
  async admit(address: string): Promise<void> {
    const [failures, inFlight] = this.keys(address);
    const limit = this.config.LOGIN_RATE_PER_MINUTE;
    const answer = await loginNeeds(this.redis, this.logger, () => this.redis.eval(ADMIT, 2, failures, inFlight, limit, WINDOW_SECONDS, 2 * limit, IN_FLIGHT_TTL_SECONDS));
    const [verdict, seconds] = (answer as [number, number]).map(Number);
    if (verdict === 1) throw authErrors.rateLimited(seconds);
    if (verdict === 2) throw loginRefusals.busy(seconds);
  }

  /**
   * The admitted attempt is over; `failed`: it was a failure (a wrong password), counted for the
   * window. If Redis went away meanwhile, the in-flight count expires by itself.
   */
  async settle(address: string, failed: boolean): Promise<void> {
    const [failures, inFlight] = this.keys(address);
    await loginRecords(this.redis, this.logger, 'login attempt not settled', () => this.redis.eval(SETTLE, 2, failures, inFlight, failed ? 1 : 0, WINDOW_SECONDS));
  }
}
