import Redis, { RedisOptions } from 'ioredis';

/** The options BullMQ needs (no per-command retry limit) plus lazy connect, from one URL. */
export function redisOptions(url: string): RedisOptions {
  return { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, ...parse(url) };
}

function parse(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname && u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

export function createRedis(url: string): Redis {
  return new Redis(redisOptions(url));
}

/** True when a Redis answers PING at `url` within the timeout. */
export async function redisAnswers(url: string, timeoutMs = 1500): Promise<boolean> {
  const client = new Redis({ ...parse(url), lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
