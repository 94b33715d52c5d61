import { Logger } from 'pino';
import { AppConfig } from './config/app-config';
import { startEmbeddedPostgres } from './embedded/embedded-postgres';
import { redisAnswers } from './redis/redis-connection';
import { RedisUnavailableError, startPrivateRedis } from './redis/private-redis';

/** Where this process finds its database and Redis, and how to let go of what it started. */
export interface Runtime {
  databaseUrl: string;
  /** Connections per pool: one for the embedded database's sake, DB_POOL_SIZE otherwise. */
  poolSize: number;
  embeddedDatabase: boolean;
  redisUrl: string;
  stop(): Promise<void>;
}

/**
 * Production: DATABASE_URL and REDIS_URL, nothing else. Trying Kinerja: an embedded PostgreSQL
 * under DATA_DIR, and a private redis-server when none answers and one is installed.
 */
export async function prepareRuntime(config: AppConfig, logger: Logger): Promise<Runtime> {
  const stops: Array<() => Promise<void>> = [];
  let databaseUrl = config.DATABASE_URL;
  let poolSize = config.DB_POOL_SIZE;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres(config.DATA_DIR);
    logger.info({ dataDir: embedded.dataDir }, 'DATABASE_URL is not set: using the embedded PostgreSQL (PGlite)');
    databaseUrl = embedded.url;
    poolSize = 2;
    stops.push(embedded.stop);
  }
  if (!(await redisAnswers(config.REDIS_URL))) {
    if (!config.REDIS_AUTOSTART || config.isProduction) throw new RedisUnavailableError(config.REDIS_URL);
    const redis = await startPrivateRedis(config.REDIS_URL, config.DATA_DIR);
    logger.info({ url: redis.url }, 'No Redis answered: started a private redis-server under DATA_DIR');
    stops.push(redis.stop);
  }
  return {
    databaseUrl,
    poolSize,
    embeddedDatabase: !config.DATABASE_URL,
    redisUrl: config.REDIS_URL,
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
