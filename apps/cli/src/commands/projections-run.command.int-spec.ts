import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';

// Through the built CLI, as an operator types it: a batch size of abc, 1.5, -5 or 0 used to loop
// forever on SQL errors or never advance. Refused before anything runs; a good one is not refused.
describe('npm run cli -- projections:run --batch-size <n>', () => {
  let db: TestDatabase;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'kinerja-cli-run-'));
  });

  afterAll(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [resolve(__dirname, '../../../../dist/apps/cli/src/main.js'), 'projections:run', ...args], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: db.url, DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 20_000,
    });

  it.each([['abc'], ['1.5'], ['-5'], ['0'], ['100001']])('--batch-size %s exits 64 with the usage line, running nothing', (value) => {
    const run = cli('--batch-size', value);
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 64, stdout: '' });
    expect(run.stderr).toBe(
      `Refused: option --batch-size needs a whole number from 1 to 100000, not "${value}"; nothing was run.\n`
        + 'Usage: npm run cli -- projections:run [--batch-size <events, 1–100000>]\n',
    );
  });
});
