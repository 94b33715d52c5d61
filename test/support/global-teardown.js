// Deletes the Redis keys under the prefixes this run's test files used (listed by testRedisPrefix),
// and nothing else: a developer's data and a parallel run's keys are left alone.
const { existsSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const Redis = require('ioredis');

module.exports = async function globalTeardown() {
  const runId = process.env.KINERJA_TEST_RUN_ID;
  if (!runId) return;
  const file = join(tmpdir(), `kinerja-test-run-${runId}.prefixes`);
  if (!existsSync(file)) return;
  const prefixes = [...new Set(readFileSync(file, 'utf8').split('\n').filter((p) => /^kinerja-test-[0-9a-f]{12}$/.test(p)))];
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let deleted = 0;
    for (const prefix of prefixes) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length > 0) deleted += await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
    process.stdout.write(`[global-teardown] deleted ${deleted} Redis key(s) under ${prefixes.length} test prefix(es)\n`);
  } catch (error) {
    process.stdout.write(`[global-teardown] could not clean Redis test keys: ${error.message}\n`);
  } finally {
    redis.disconnect();
    rmSync(file, { force: true });
  }
};
