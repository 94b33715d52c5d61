import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { authErrors } from '@kinerja/identity';
import { AppConfig, REDIS, redisAnswer } from '@kinerja/platform';
import { loginRefusals } from './login-refusals';
import { REDIS_RETRY_AFTER_SECONDS } from './login-rate-limiter';
import { hashedName } from './pair-lockout';

/** How long a claim outlives a process that died holding it. Far above one verification. */
const CLAIM_MS = 15_000;
const WAIT_STEP_MS = 20;

/** Deletes the claim only if it is still ours: one that expired may have been taken by another attempt. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * At most one attempt to prove a name's password at a time, over every replica (Redis SET NX): the
 * locks are read before the password is verified and the failure counted after, so attempts sent
 * at once would otherwise all pass the same check. A concurrent attempt at the same name is
 * refused at once (409 AUTH.ATTEMPT_IN_PROGRESS, Retry-After 1), whether the name is an account or
 * not. Keyed by a hash of the name.
 */
@Injectable()
export class AttemptsInFlight {
  private readonly logger = new Logger('AttemptsInFlight');

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /**
   * Runs `attempt` holding the name's claim; AUTH.ATTEMPT_IN_PROGRESS when another holds it for
   * longer than `waitMs` (0 for a login: refused at once; a signed-in owner's password change waits
   * a moment, so that the same change sent twice replays instead of being refused).
   */
  async one<T>(username: string, attempt: () => Promise<T>, waitMs = 0): Promise<T> {
    const key = `${this.config.REDIS_PREFIX}:login-in-flight:${hashedName(username)}`;
    const token = randomUUID();
    const giveUpAt = Date.now() + waitMs;
    while (!(await this.claim(key, token))) {
      if (Date.now() >= giveUpAt) throw loginRefusals.attemptInProgress();
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
    try {
      return await attempt();
    } finally {
      await redisAnswer(this.redis, () => this.redis.eval(RELEASE, 1, key, token)).catch((error: unknown) =>
        this.logger.warn({ msg: 'login claim not released (it expires by itself): Redis does not answer', error: (error as Error).message }),
      );
    }
  }

  private async claim(key: string, token: string): Promise<boolean> {
    const answer = await redisAnswer(this.redis, () => this.redis.set(key, token, 'PX', CLAIM_MS, 'NX')).catch((error: unknown) => {
      this.logger.warn({ msg: 'login refused: Redis does not answer', error: (error as Error).message });
      throw authErrors.loginUnavailable(REDIS_RETRY_AFTER_SECONDS);
    });
    return answer === 'OK';
  }
}
