import Redis from 'ioredis';
import { ControllableClock } from '@kinerja/platform';
import { testRedisUrl } from '../support/test-database';
import { createTestApp, TestApp } from '../support/test-app';
import { createTwoOffices, FIXTURE_PASSWORD } from '../support/identity-fixtures';

/**
 * The re-test's findings 3 and 4. An account's count started over when its lock ran out, so a
 * guesser rotating addresses had LOGIN_ACCOUNT_MAX_FAILURES guesses every LOGIN_LOCK_MINUTES; and
 * it never expired while an unknown name's did, so waiting told which names exist. Now failures
 * are consecutive over lock windows, each lock lasts twice the one before, LOGIN_ACCOUNT_HARD_LIMIT
 * locks until they are forgotten, and they are forgotten LOGIN_FAILURE_MEMORY_HOURS after the last
 * one, for accounts and unknown names alike. Time passes on the API's clock and in Redis together.
 */
describe('failed logins are remembered alike for accounts and unknown names, and add up over lock windows', () => {
  let t: TestApp;
  let redis: Redis;
  const clock = new ControllableClock(new Date());
  const lines: Array<Record<string, any>> = [];

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      logLines: lines,
      env: {
        LOG_LEVEL: 'info',
        LOGIN_MAX_FAILURES: '3',
        LOGIN_ACCOUNT_MAX_FAILURES: '6',
        LOGIN_ACCOUNT_HARD_LIMIT: '18',
        LOGIN_LOCK_MINUTES: '15',
        LOGIN_FAILURE_MEMORY_HOURS: '24',
        LOGIN_RATE_PER_MINUTE: '1000',
      },
    });
    redis = new Redis(testRedisUrl);
    await createTwoOffices(t);
  });

  afterAll(async () => {
    redis?.disconnect();
    await t?.close();
  });

  /** `ms` pass: the API's clock moves on, and Redis keys expire or come that much closer to it. */
  const passTime = async (ms: number) => {
    clock.advance(ms);
    for (const key of await redis.keys(`${t.config.REDIS_PREFIX}:*`)) {
      const left = await redis.pttl(key);
      if (left > 0 && left <= ms) await redis.del(key);
      else if (left > 0) await redis.pexpire(key, left - ms);
    }
  };
  let next = 0;
  /** A wrong password, each from an address of its own (no pair lock). */
  const guess = () =>
    t.http.post('/api/v1/auth/login').set('X-Forwarded-For', `198.18.${Math.floor(next / 250)}.${(next++ % 250) + 1}`).send({ username: current, password: 'tebakan' });
  let current = '';
  const guesses = async (username: string, count: number) => {
    current = username;
    const answers = [];
    for (let i = 0; i < count; i++) answers.push((await guess()).status);
    return answers;
  };
  const retryAfterMinutes = async (username: string) => {
    current = username;
    const answer = await guess();
    expect(answer.body).toMatchObject({ code: 'AUTH.LOCKED', details: { lock: 'account' } });
    return Math.round(Number(answer.headers['retry-after']) / 60);
  };

  it('answers an account and an unknown name alike after a pause longer than the lock window (finding 4)', async () => {
    const real = 'ketua.kpu-kab-jember';
    const unknown = 'tidak.ada.sama.sekali';
    expect(await guesses(real, 4)).toEqual([401, 401, 401, 401]);
    expect(await guesses(unknown, 4)).toEqual([401, 401, 401, 401]);
    await passTime(20 * 60_000);
    // Both still remember four: two more lock both.
    const after = async (username: string) => [...(await guesses(username, 3))];
    expect(await after(real)).toEqual([401, 401, 423]);
    expect(await after(unknown)).toEqual([401, 401, 423]);
    // A day after the last failure, both have forgotten.
    await passTime(24 * 60 * 60_000);
    expect(await guesses(real, 1)).toEqual([401]);
    expect(await guesses(unknown, 1)).toEqual([401]);
  });

  it('keeps counting when a lock runs out: the next lock lasts twice as long, the hard limit a day (finding 3)', async () => {
    const kasubbag = 'kasubbag.kpu-kab-jember';
    const office = '10.9.0.1';
    expect((await t.http.post('/api/v1/auth/login').set('X-Forwarded-For', office).send({ username: kasubbag, password: FIXTURE_PASSWORD })).status).toBe(200);
    await guesses(kasubbag, 6);
    expect(await retryAfterMinutes(kasubbag)).toBe(15);
    await passTime(16 * 60_000);
    expect(await guesses(kasubbag, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(await retryAfterMinutes(kasubbag)).toBe(30);
    await passTime(31 * 60_000);
    await guesses(kasubbag, 6);
    expect(await retryAfterMinutes(kasubbag)).toBe(24 * 60);
    // The owner's known address still signs in; each lock is a warning in the security log.
    expect((await t.http.post('/api/v1/auth/login').set('X-Forwarded-For', office).send({ username: kasubbag, password: FIXTURE_PASSWORD })).status).toBe(200);
    const locks = lines.filter((l) => l.event === 'auth.account_locked' && l.username === kasubbag);
    expect(locks.map((l) => [l.level, l.failures])).toEqual([[40, 6], [40, 12], [40, 18]]);
  });
});
