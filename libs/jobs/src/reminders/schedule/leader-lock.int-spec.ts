import Redis from 'ioredis';
import { testRedisPrefix, testRedisUrl } from '../../../../../test/support/test-database';
import { LeaderLock } from './leader-lock';

describe('one worker leads the reminder schedules', () => {
  const redis = new Redis(testRedisUrl);
  const key = `${testRedisPrefix()}:leases:reminder-schedules`;
  afterAll(async () => {
    await redis.del(key);
    await redis.quit();
  });

  it('grants the lease to one of two workers, renews it for the holder only, and hands it over on release', async () => {
    const a = new LeaderLock(redis, key, 30_000);
    const b = new LeaderLock(redis, key, 30_000);
    const [first, second] = await Promise.all([a.acquireOrRenew(), b.acquireOrRenew()]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    const [leader, follower] = first ? [a, b] : [b, a];
    expect(await leader.acquireOrRenew()).toBe(true);
    expect(await follower.acquireOrRenew()).toBe(false);
    await follower.release(); // not the holder: changes nothing
    expect(await redis.get(key)).toBe(leader.holder);
    await leader.release();
    expect(await follower.acquireOrRenew()).toBe(true);
    expect(await leader.acquireOrRenew()).toBe(false);
  });

  it('is taken over once the holder stops renewing it (killed worker), or after Redis lost it', async () => {
    const a = new LeaderLock(redis, key, 200);
    const b = new LeaderLock(redis, key, 200);
    await redis.del(key);
    expect(await a.acquireOrRenew()).toBe(true);
    expect(await b.acquireOrRenew()).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(await b.acquireOrRenew()).toBe(true);
    await redis.del(key); // FLUSHALL of this prefix
    expect(await a.acquireOrRenew()).toBe(true);
  });
});
