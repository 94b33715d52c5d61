import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '../../libs/platform/src/database/data-source';

const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** Connection string of the fresh database, migrated to the latest schema. */
  url: string;
  name: string;
  dataSource: DataSource;
  /** Closes the pool and drops the database. Call it in afterAll. */
  drop(): Promise<void>;
}

function urlFor(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A database of its own for one test file: random name, migrated, dropped at the end. */
export async function createTestDatabase(options: { poolSize?: number; migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `kinerja_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = urlFor(name);
  const dataSource = createDataSource({ url, poolSize: options.poolSize ?? 10, applicationName: 'kinerja-test' });
  await dataSource.initialize();
  if (options.migrate !== false) await runMigrations(dataSource);
  return {
    url,
    name,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * A Redis key prefix of its own for one test file, so runs never collide. The prefixes of a run
 * are listed in a file that the global teardown reads to delete their keys.
 */
export function testRedisPrefix(): string {
  const prefix = `kinerja-test-${randomBytes(6).toString('hex')}`;
  const runId = process.env.KINERJA_TEST_RUN_ID;
  if (runId) appendFileSync(join(tmpdir(), `kinerja-test-run-${runId}.prefixes`), `${prefix}\n`);
  return prefix;
}

export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
