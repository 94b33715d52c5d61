import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';

// Through the built CLI, as an operator types it: in production seed:demo is refused before the CLI
// opens, migrates or starts a database, so a refused command leaves the database as it found it.
// (Refused inside run() instead, the migrations would already have created every table.)
describe('npm run cli -- seed:demo with NODE_ENV=production, refused', () => {
  let db: TestDatabase;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, poolSize: 1 });
    await db.dataSource.destroy(); // the CLI's connection is the only one
    dataDir = mkdtempSync(join(tmpdir(), 'kinerja-cli-seed-'));
  });

  afterAll(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const production = (databaseUrl: string, extra: Record<string, string> = {}) => ({
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'x'.repeat(32),
    ADMIN_PASSWORD: 'an-administrator-secret',
    DATA_DIR: dataDir,
    ...extra,
  });

  const cli = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, [resolve(__dirname, '../../../../dist/apps/cli/src/main.js'), 'seed:demo', ...args], { env, encoding: 'utf8', timeout: 30_000 });

  async function tablesIn(url: string): Promise<string[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const rows = await client.query(`SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`);
      return rows.rows.map((r: { name: string }) => r.name);
    } finally {
      await client.end();
    }
  }

  it.each([
    ['without --allow-production', [], {}, /^Refused: NODE_ENV=production\. The demo office creates users whose password \(DEMO_PASSWORD\) is published; .*seed:demo --allow-production with a DEMO_PASSWORD of your own; nothing was written\.\n$/],
    ['with --allow-production but DEMO_PASSWORD not set', ['--allow-production'], {}, /^Refused: NODE_ENV=production and DEMO_PASSWORD is not set: .*nothing was written\.\n$/],
    ['with --allow-production and the published DEMO_PASSWORD', ['--allow-production'], { DEMO_PASSWORD: 'kinerja-demo-2024' }, /^Refused: NODE_ENV=production and DEMO_PASSWORD is the published demo password: .*nothing was written\.\n$/],
  ])('given an empty database, when run %s, then it exits 64 with the reason and creates no table', async (_, args, extra, message) => {
    const run = cli(production(db.url, extra), ...args);
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 64, stdout: '' });
    expect(run.stderr).toMatch(message);
    expect(await tablesIn(db.url)).toEqual([]);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('given a DATABASE_URL naming a database that does not exist, when run without the flag, then it is refused (64), not a connection error', () => {
    const missing = new URL(db.url);
    missing.pathname = `/${db.name}_missing`;
    const run = cli(production(missing.toString()));
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 64, stdout: '' });
    expect(run.stderr).toMatch(/^Refused: NODE_ENV=production\. /);
  });
});
