import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';

// Through the built CLI, as the office's administrator types it: every line they read is Indonesian,
// the list of commands, a mistyped command or argument, and what migrate reports.
describe('npm run cli, in Indonesian', () => {
  let db: TestDatabase;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, poolSize: 1 });
    await db.dataSource.destroy(); // the CLI's connection is the only one
    dataDir = mkdtempSync(join(tmpdir(), 'kinerja-cli-main-'));
  });

  afterAll(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [resolve(__dirname, '../../../dist/apps/cli/src/main.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: db.url, DATA_DIR: dataDir, LOG_FORMAT: 'json' },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it.each([[[]], [['help']], [['--help']], [['-h']]])('given %j, then it lists the commands in Indonesian and exits 0', (args) => {
    const run = cli(...args);
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 0, stdout: '' });
    expect(run.stderr).toMatch(/^Pemakaian: npm run cli -- <perintah> \[--opsi nilai\]\n\n {2}migrate {2,}Terapkan migrasi basis data /);
    expect(run.stderr).toContain('  seed:demo            Muat kantor demo KPU Kabupaten Jember');
  });

  it('given a command that does not exist, then it is refused (64) naming it, with the list of commands', () => {
    const run = cli('migrasi');
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 64, stdout: '' });
    expect(run.stderr).toMatch(/^DITOLAK: perintah "migrasi" tidak dikenal; tidak ada yang dijalankan\.\n\nPemakaian: npm run cli -- <perintah> /);
  });

  it('given migrate with an argument it does not take, then it is refused (64) with its usage line', () => {
    const run = cli('migrate', '--force');
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 64,
      stdout: '',
      stderr: 'DITOLAK: opsi --force tidak dikenal oleh migrate; tidak ada yang dijalankan.\nPemakaian: npm run cli -- migrate\n',
    });
  });

  it('given an empty database, when migrated, then it says how many migrations the schema has, and names each', () => {
    const run = cli('migrate');
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const lines = run.stdout.trimEnd().split('\n');
    // The structured logger's line (JSON, in English like every log line) stays as it is.
    expect(JSON.parse(lines[0])).toMatchObject({ msg: 'Migrations applied' });
    const [summary, ...names] = lines.slice(1);
    expect(summary).toBe(`Skema basis data mutakhir: ${names.length} migrasi telah diterapkan.`);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^ {2}\S+$/);
  });
});
