import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCompiled, waitFor } from '../../../../test/support/processes';
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
      `DITOLAK: opsi --batch-size memerlukan bilangan bulat 1–100000, bukan "${value}"; tidak ada yang dijalankan.\n`
        + 'Pemakaian: npm run cli -- projections:run [--batch-size <peristiwa, 1–100000>]\n',
    );
  });

  it('given --batch-size 500, then it says in Indonesian that the projections run, and stops with exit 0 on SIGTERM', async () => {
    const runner = startCompiled('apps/cli/src/main.js', { NODE_ENV: 'test', DATABASE_URL: db.url, DATA_DIR: dataDir, LOG_FORMAT: 'json' }, ['projections:run', '--batch-size', '500']);
    try {
      await waitFor(async () => (runner.output().includes('\n') ? true : undefined), 20_000, () => runner.output());
      expect(runner.output()).toBe('Semua proyeksi berjalan; hentikan dengan Ctrl+C (SIGINT) atau SIGTERM.\n');
    } finally {
      expect(await runner.stop('SIGTERM')).toBe(0);
    }
  });
});
