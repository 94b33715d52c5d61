import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

  it.each([[[]], [['help']], [['--help']], [['-h']]])('given %j, then it lists the commands and their options in Indonesian on stdout (for | less) and exits 0', (args) => {
    const run = cli(...args);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Pemakaian: npm run cli -- <perintah> \[--opsi nilai\]\n.*--help.*\n.*--version\n\n {2}migrate {2,}Terapkan migrasi basis data /);
    expect(run.stdout).toContain('  seed:demo            Muat kantor demo KPU Kabupaten Jember');
    expect(run.stdout).toContain('opsi: --dry-run, --json\n');
  });

  it.each([[['migrate', '--help']], [['migrate', '-h']], [['help', 'migrate']]])('given %j, then it shows migrate\'s usage on stdout and exits 0, running nothing', (args) => {
    const run = cli(...args);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toBe('Pemakaian: npm run cli -- migrate\n\nmigrate: Terapkan migrasi basis data yang belum diterapkan (DATABASE_URL, atau basis data bawaan)\n\nTanpa opsi.\n');
  });

  it('given files:sweep --dry-run --help, then it shows its options and deletes nothing', () => {
    const run = cli('files:sweep', '--dry-run', '--help');
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Pemakaian: npm run cli -- files:sweep \[--dry-run\] \[--json\]\n[^]*\nOpsi:\n {2}--dry-run\n {2}--json\n$/);
  });

  it('given --version, then it prints the package version and exits 0', () => {
    const run = cli('--version');
    const { version } = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('given an option before the command, then it is refused (64) as such, not as an unknown command', () => {
    const run = cli('--dry-run', 'files:sweep');
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 64, stdout: '' });
    expect(run.stderr).toMatch(/^DITOLAK: opsi --dry-run diberikan sebelum perintah; tulis perintahnya dulu \(npm run cli -- files:sweep --dry-run\); tidak ada yang dijalankan\.\n\nPemakaian: /);
  });

  it('given audit:verify without --satker, then it is refused (64) naming what is missing, with its usage line', () => {
    const run = cli('audit:verify', '--json');
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 64,
      stdout: '',
      stderr: 'DITOLAK: opsi --satker <kode> wajib diberikan: kode satker yang rantai hash-nya diperiksa; tidak ada yang dijalankan.\n'
        + 'Pemakaian: npm run cli -- audit:verify --satker <kode> [--digest <berkas.json>] [--public-key <kunci.pem>] [--json]\n',
    });
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

  it('given an empty database, when migrated, then it names the migrations it applied; run again, then it says there was nothing new', () => {
    const run = cli('migrate');
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const lines = run.stdout.trimEnd().split('\n');
    // The structured logger's line (JSON, in English like every log line) stays, at info as in npm start.
    const log = JSON.parse(lines[0]) as { msg: string; level: number; applied: string[] };
    expect(log).toMatchObject({ msg: 'Migrations applied', level: 30 });
    expect(log.applied.length).toBeGreaterThan(0);
    expect(lines.slice(1)).toEqual([`${log.applied.length} migrasi baru diterapkan: ${log.applied.join(', ')}; seluruhnya ${log.applied.length}.`]);

    const again = cli('migrate');
    expect({ status: again.status, stderr: again.stderr, stdout: again.stdout }).toEqual({
      status: 0,
      stderr: '',
      stdout: `Tidak ada migrasi baru; skema sudah mutakhir (${log.applied.length} migrasi).\n`,
    });
  });
});

// Through the built CLI: a command that cannot run says why in one Indonesian line first, and a
// database that cannot be used is one line without a stack trace or the URL's password.
describe('npm run cli, when it cannot run', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kinerja-cli-fail-'));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cli = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, [resolve(__dirname, '../../../dist/apps/cli/src/main.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_FORMAT: 'json', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('given seed:demo in production without JWT_SECRET or ADMIN_PASSWORD, then it is refused as seed:demo in production (64), not as a configuration', () => {
    const run = cli({ NODE_ENV: 'production', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' }, 'seed:demo');
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 64, stdout: '' });
    expect(run.stderr).toMatch(/^DITOLAK: NODE_ENV=production\. Kantor demo membuat pengguna .*tidak ada yang ditulis\.\n$/);
  });

  it('given a configuration that does not validate, then an Indonesian header and each variable\'s problem (78)', () => {
    const run = cli({ NODE_ENV: 'production', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' }, 'migrate');
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 78, stdout: '' });
    const [header, ...problems] = run.stderr.trimEnd().split('\n');
    expect(header).toBe('DITOLAK: konfigurasi tidak sah; tidak ada yang dijalankan. Perbaiki variabel lingkungan berikut:');
    expect(problems).toContainEqual(expect.stringMatching(/^ {2}- JWT_SECRET: /));
    expect(problems).toContainEqual(expect.stringMatching(/^ {2}- ADMIN_PASSWORD: /));
  });

  it('given a DATABASE_URL nobody answers at, then one line naming the server, without the password (69)', () => {
    const run = cli({ NODE_ENV: 'test', DATABASE_URL: 'postgres://postgres:s3cret-pw@127.0.0.1:1/x' }, 'migrate');
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 69,
      stdout: '',
      stderr: 'GAGAL: basis data di 127.0.0.1:1 tidak dapat dihubungi (ECONNREFUSED). Periksa DATABASE_URL dan apakah PostgreSQL berjalan.\n',
    });
  });

  it('given projections:rebuild with a name no projection has, then DITOLAK naming it and those there are (64), before any database is opened', () => {
    // Nothing answers at this DATABASE_URL: a refusal decided after opening it would be GAGAL … 69.
    const run = cli({ NODE_ENV: 'test', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' }, 'projections:rebuild', 'nope');
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 64, stdout: '' });
    expect(run.stderr).toMatch(/^DITOLAK: proyeksi "nope" tidak dikenal; tidak ada yang dijalankan\. Yang tersedia: [a-z-]+(, [a-z-]+)+\.\nPemakaian: npm run cli -- projections:rebuild \[nama-proyeksi …\] \(tanpa nama: semua proyeksi\)\n$/);
  });

  it('given projections:rebuild --help, then its usage as README documents it: projection names as words, no option', () => {
    const run = cli({ NODE_ENV: 'test', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' }, 'projections:rebuild', '--help');
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Pemakaian: npm run cli -- projections:rebuild \[nama-proyeksi …\] \(tanpa nama: semua proyeksi\)\n\n[^]*\nTanpa opsi\.\n$/);
    expect(cli({ NODE_ENV: 'test' }, 'projections:rebuild', '--name', 'audit-trail').status).toBe(64);
  });

  it('given a DATABASE_URL naming a database that does not exist, then one line naming it (69)', () => {
    const url = new URL(process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    url.pathname = '/kinerja_cli_no_such_database';
    const run = cli({ NODE_ENV: 'test', DATABASE_URL: url.toString() }, 'migrate');
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 69,
      stdout: '',
      stderr: `GAGAL: basis data "kinerja_cli_no_such_database" tidak ada pada server ${url.hostname}:${url.port || '5432'}; buat dulu dengan createdb atau periksa DATABASE_URL.\n`,
    });
  });
});
