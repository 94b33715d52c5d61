import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testRedisPrefix, testRedisUrl } from '../support/test-database';

const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The API and the worker, started (`npm run start:api`, `start:worker`) against a database they
 * cannot use, say so as the CLI does (README "Commands"): one Indonesian line on stderr naming the
 * server or the missing database and DATABASE_URL, never the password, no stack trace, exit 69
 * (EX_UNAVAILABLE). Redis that does not answer is told the same way.
 */
describe('the API and the worker at start-up, when the database or Redis cannot be used', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-start-up-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const start = (entry: string, env: Record<string, string>) =>
    spawnSync(process.execPath, [resolve(__dirname, '../../dist', entry)], {
      env: {
        PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATA_DIR: dataDir, LOG_FORMAT: 'json',
        REDIS_URL: testRedisUrl, REDIS_PREFIX: testRedisPrefix(), REDIS_AUTOSTART: 'false', PORT: '0', ...env,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });

  const noFatalLog = (stdout: string) => {
    expect(stdout).not.toContain('"level":60');
    expect(stdout).not.toMatch(/\n\s+at /);
  };

  it.each([['apps/api/src/main.js'], ['apps/worker/src/main.js']])('given %s and a DATABASE_URL nobody answers at, then one line naming the server, without the password (69)', (entry) => {
    const run = start(entry, { DATABASE_URL: 'postgres://postgres:s3cret-pw@127.0.0.1:1/kinerja' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({
      status: 69,
      stderr: 'GAGAL: basis data di 127.0.0.1:1 tidak dapat dihubungi (ECONNREFUSED). Periksa DATABASE_URL dan apakah PostgreSQL berjalan.\n',
    });
    noFatalLog(run.stdout);
    expect(run.stdout).not.toContain('s3cret-pw');
  });

  it.each([['apps/api/src/main.js'], ['apps/worker/src/main.js']])('given %s and a DATABASE_URL naming a database that does not exist, then one line naming it (69)', (entry) => {
    const url = new URL(adminUrl);
    url.pathname = '/kinerja_start_no_such_database';
    const run = start(entry, { DATABASE_URL: url.toString() });
    expect({ status: run.status, stderr: run.stderr }).toEqual({
      status: 69,
      stderr: `GAGAL: basis data "kinerja_start_no_such_database" tidak ada pada server ${url.hostname}:${url.port || '5432'}; buat dulu dengan createdb atau periksa DATABASE_URL.\n`,
    });
    noFatalLog(run.stdout);
  });

  it('given a REDIS_URL nobody answers at (and no private Redis to start), then one Indonesian line naming it (69)', () => {
    // Redis is asked first: nothing reaches the database (which would not answer either).
    const run = start('apps/api/src/main.js', { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x', REDIS_URL: 'redis://127.0.0.1:1' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({
      status: 69,
      stderr: expect.stringMatching(/^GAGAL: Redis di redis:\/\/127\.0\.0\.1:1 tidak menjawab\. .*atur REDIS_URL ke Redis yang berjalan\.\n$/),
    });
    noFatalLog(run.stdout);
  });
});
