import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';

// Renews only while we still hold it: a lock taken over by another process is never extended.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * A lease in Redis that elects the one process registering schedules. Losing it (expiry, FLUSHALL)
 * only means another process — or this one, at its next attempt — takes over: schedule registration
 * is idempotent and reminders are deduplicated in PostgreSQL, so two leaders for a moment are harmless.
 */
export class LeaderLock {
  readonly holder = randomUUID();

  constructor(private readonly redis: Redis, readonly key: string, private readonly ttlMs: number) {}

  /** True while this process holds the lease (acquired now or renewed). */
  async acquireOrRenew(): Promise<boolean> {
    const renewed = Number(await this.redis.eval(RENEW, 1, this.key, this.holder, String(this.ttlMs)));
    if (renewed === 1) return true;
    return (await this.redis.set(this.key, this.holder, 'PX', this.ttlMs, 'NX')) === 'OK';
  }

  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key, this.holder);
  }
}
