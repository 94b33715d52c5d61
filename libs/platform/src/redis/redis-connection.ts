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

/**
 * How long a caller waits for Redis. The shared client queues commands while Redis is away (BullMQ
 * needs that), so without a bound a login, a health check or a heartbeat would hang until the
 * client gives up.
 */
export const REDIS_ANSWER_TIMEOUT_MS = 1000;

/**
 * The answer of `send`'s commands, or a rejection: at once when Redis is not connected (nothing is
 * sent, so nothing waits in the client's queue to run later), or after the timeout.
 */
export function redisAnswer<T>(redis: Redis, send: () => Promise<T>): Promise<T> {
  if (redis.status !== 'ready') return Promise.reject(new Error(`Redis is ${redis.status}`));
  const command = send();
  command.catch(() => undefined); // answered late or never: nobody waits for it any more
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${REDIS_ANSWER_TIMEOUT_MS} ms`)), REDIS_ANSWER_TIMEOUT_MS);
  });
  return Promise.race([command, timeout]).finally(() => clearTimeout(timer));
}
