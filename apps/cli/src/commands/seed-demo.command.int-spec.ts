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
    ['without --allow-production', [], {}, /^DITOLAK: NODE_ENV=production\. Kantor demo membuat pengguna yang kata sandinya \(DEMO_PASSWORD\) dipublikasikan; .*seed:demo --allow-production dengan DEMO_PASSWORD milik Anda sendiri; tidak ada yang ditulis\.\n$/],
    ['with --allow-production but DEMO_PASSWORD not set', ['--allow-production'], {}, /^DITOLAK: NODE_ENV=production dan DEMO_PASSWORD tidak diatur: .*tidak ada yang ditulis\.\n$/],
    ['with --allow-production and the published DEMO_PASSWORD', ['--allow-production'], { DEMO_PASSWORD: 'kinerja-demo-2024' }, /^DITOLAK: NODE_ENV=production dan DEMO_PASSWORD berisi kata sandi demo yang dipublikasikan: .*tidak ada yang ditulis\.\n$/],
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
    expect(run.stderr).toMatch(/^DITOLAK: NODE_ENV=production\. /);
  });
});

// The whole seed through the built CLI: every line the operator reads is Indonesian, the steps of
// the seed (libs/workflow) and of the LKj included; the structured logger's lines stay JSON.
describe('npm run cli -- seed:demo on an empty database that is not production', () => {
  let db: TestDatabase;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, poolSize: 1 });
    await db.dataSource.destroy();
    dataDir = mkdtempSync(join(tmpdir(), 'kinerja-cli-seed-'));
  });

  afterAll(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the demo office and says so, step by step, in Indonesian', () => {
    const run = spawnSync(process.execPath, [resolve(__dirname, '../../../../dist/apps/cli/src/main.js'), 'seed:demo'], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: db.url, DATA_DIR: dataDir, DEMO_PASSWORD: 'demo-password-123', LOG_FORMAT: 'json', REDIS_AUTOSTART: 'false' },
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const lines = run.stdout.trimEnd().split('\n').filter((line) => !line.startsWith('{'));
    expect(lines[0]).toMatch(/^Kantor kpu-kab-jember: \d+ pengguna demo \(kata sandi: DEMO_PASSWORD\)$/);
    expect(lines).toContain('2024: PK disetujui, 12 bulan × 4 subbagian disetujui');
    expect(lines).toContainEqual(expect.stringMatching(/^\d{4}: PK disetujui, bulan 1–\d+ sedang berjalan \(disetujui, dikembalikan, menunggu persetujuan, terlambat\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\d+ peristiwa ditambahkan$/));
    expect(lines).toContain('kpu-kab-jember: capaian 2023 diimpor untuk LKj 2024');
    expect(lines).toContainEqual(expect.stringMatching(/^kpu-kab-jember: LKj 2024 versi 1 dibuat \(DOCX [0-9a-f]{12}/));
    expect(lines.at(-1)).toBe(
      'SELESAI: kantor demo kpu-kab-jember siap. Masuk sebagai ketua, sekretaris, inspektorat atau kasubbag.{pdi,kul,hsdm,tph} dengan DEMO_PASSWORD, '
        + 'dan sebagai admin dengan DEMO_PASSWORD (ADMIN_PASSWORD tidak diatur).',
    );
  }, 240_000);
});
