import Redis from 'ioredis';
import { testRedisPrefix, testRedisUrl } from '../../../../test/support/test-database';
import { TAKE_COMMAND, TAKE_COMMAND_SHA } from './command-rate.script';

/** The GCRA cell against the real Redis: what one account's commands get, one after the other. */
describe('the command rate script', () => {
  const redis = new Redis(testRedisUrl);
  const prefix = `${testRedisPrefix()}:command-rate:`;
  const take = (key: string, intervalMs: number, burst: number) => redis.eval(TAKE_COMMAND, 1, prefix + key, String(intervalMs), String(burst)).then(Number);
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('given a fresh account, then the burst is admitted at once and the next waits about one interval, counting nothing', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await take('a', 60_000, 3));
    expect(answers.slice(0, 3)).toEqual([0, 0, 0]);
    expect(answers[3]).toBeGreaterThan(59_000);
    expect(answers[3]).toBeLessThanOrEqual(60_000);
    expect(await take('a', 60_000, 3)).toBeGreaterThan(59_000); // a refusal moved nothing on
    // The key lives only as long as it limits anything: at most burst × interval.
    expect(await redis.pttl(prefix + 'a')).toBeLessThanOrEqual(3 * 60_000);
  });

  it('given an interval of a fraction of a millisecond (a limit raised out of reach), then every command is admitted and the key still expires', async () => {
    for (let i = 0; i < 20; i++) expect(await take('b', 0.00001, 1_000_000)).toBe(0);
    expect(await redis.pttl(prefix + 'b')).not.toBe(-1); // gone already, or going: never kept for good
  });

  it('is known to Redis by the SHA the guard sends', async () => {
    await take('c', 1000, 1);
    expect(await redis.script('EXISTS', TAKE_COMMAND_SHA)).toEqual([1]);
  });
});
