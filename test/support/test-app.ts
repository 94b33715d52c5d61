import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AppConfig, Clock, createRootLogger, loadConfig } from '@kinerja/platform';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createTestDatabase, TestDatabase, testRedisPrefix, testRedisUrl } from './test-database';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  db: TestDatabase;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * The whole API, as `npm start` builds it, on a database and Redis prefix of its own.
 * `env` overrides configuration variables (strings, as in the environment); `redisUrl` points the
 * app at another Redis (one a test stops and starts).
 */
export async function createTestApp(
  options: { env?: Record<string, string>; clock?: Clock; redisUrl?: string; logLines?: Array<Record<string, any>> } = {},
): Promise<TestApp> {
  const redisUrl = options.redisUrl ?? testRedisUrl;
  const db = await createTestDatabase();
  // Evidence, LKj files and development keys go to a folder of this test's own, never ./.data.
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-test-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    LOG_FORMAT: 'json',
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: testRedisPrefix(),
    REDIS_AUTOSTART: 'false',
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    ADMIN_PASSWORD: 'admin-password-for-tests',
    SEED_DEMO_ON_EMPTY: 'false',
    ...options.env,
  });
  // logLines: every JSON line the app logs, for tests about what is logged.
  const lines = options.logLines;
  const destination = lines && new Writable({ write(chunk, _encoding, done) { lines.push(JSON.parse(String(chunk))); done(); } });
  const logger = createRootLogger({ level: config.LOG_LEVEL, format: 'json', name: 'kinerja-test', destination });
  const app = await createApiApp({
    config,
    logger,
    runtime: { databaseUrl: db.url, poolSize: 10, redisUrl, embeddedDatabase: false },
    clock: options.clock,
  });
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    config,
    async close() {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
