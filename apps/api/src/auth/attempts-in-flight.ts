import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig, REDIS } from '@kinerja/platform';
import { loginRefusals } from './login-refusals';
import { loginNeeds, loginRecords } from './login-redis';
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
      await loginRecords(this.redis, this.logger, 'login claim not released (it expires by itself)', () => this.redis.eval(RELEASE, 1, key, token));
    }
  }

  private async claim(key: string, token: string): Promise<boolean> {
    const answer = await loginNeeds(this.redis, this.logger, () => this.redis.set(key, token, 'PX', CLAIM_MS, 'NX'));
    return answer === 'OK';
  }
}
