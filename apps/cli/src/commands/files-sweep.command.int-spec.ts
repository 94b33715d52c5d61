import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lkjFileStore } from '@kinerja/jobs/lkj/lkj-file-integrity';
import { ContentAddressedStore, type AppConfig } from '@kinerja/platform';
import { loadConfig } from '@kinerja/platform/config/load-config';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { filesSweepCommand } from './files-sweep.command';
import { commands } from '.';

describe('npm run cli -- files:sweep [--dry-run]', () => {
  let db: TestDatabase;
  let dataDir: string;
  let config: AppConfig;
  const out: string[] = [];
  const err: string[] = [];
  const run = (args: Record<string, string | boolean>) => {
    out.length = 0;
    err.length = 0;
    return filesSweepCommand.run(args, { dataSource: db.dataSource, config, out: (l) => out.push(l), err: (l) => err.push(l) });
  };
  let evidencePath: string;
  let lkjPath: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'kinerja-cli-sweep-'));
    config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, UNREFERENCED_UPLOAD_RETENTION_DAYS: '7' });
    const evidence = ContentAddressedStore.createdAt(join(dataDir, 'evidence'));
    const file = await evidence.write('kpu-a', Buffer.from('%PDF-1.4\n% tidak dirujuk\n'));
    evidencePath = evidence.pathOf('kpu-a', file.sha256);
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    await db.dataSource.query(
      `INSERT INTO evidence_files (tenant_id, sha256, file_name, content_type, size, uploaded_by, uploaded_at, last_uploaded_at)
       VALUES ('kpu-a', $1, 'bukti.pdf', 'application/pdf', $2, 'u1', $3, $3)`,
      [file.sha256, file.size, eightDaysAgo],
    );
    const lkj = lkjFileStore(dataDir);
    const orphan = await lkj.write('kpu-a', Buffer.from('LKj yang kalah balapan'));
    lkjPath = lkj.pathOf('kpu-a', orphan.sha256);
    utimesSync(lkjPath, eightDaysAgo, eightDaysAgo);
  });

  afterAll(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Through the built CLI, as an operator types it: a mistyped dry run used to run a real deletion.
  it.each([['--dryrun'], ['--dry-run=true'], ['--dry-run', 'yes'], ['-n'], ['--DRY-RUN']])(
    'files:sweep %s is refused with exit 64 and the usage line, and deletes nothing',
    (...flags: string[]) => {
      const cli = spawnSync(process.execPath, [resolve(__dirname, '../../../../dist/apps/cli/src/main.js'), 'files:sweep', ...flags], {
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: db.url, DATA_DIR: dataDir, UNREFERENCED_UPLOAD_RETENTION_DAYS: '7' },
        encoding: 'utf8',
      });
      expect(cli.status).toBe(64);
      expect(cli.stdout).toBe('');
      expect(cli.stderr).toMatch(/^DITOLAK: .+; tidak ada yang dijalankan\.\nPemakaian: npm run cli -- files:sweep \[--dry-run\] \[--json\]\n$/);
      expect(existsSync(evidencePath) && existsSync(lkjPath)).toBe(true);
    },
  );

  it('--dry-run prints what would go and deletes nothing; the real run deletes it and prints the same counts', async () => {
    expect(await run({ 'dry-run': true })).toBe(0);
    const dry = [...out];
    expect(dry[0]).toMatch(/^UJI \(--dry-run, tidak ada yang dihapus\): 2 berkas, \d+ bita/);
    expect(existsSync(evidencePath) && existsSync(lkjPath)).toBe(true);
    expect(await run({})).toBe(0);
    expect(out[0]).toMatch(/^SELESAI: 2 berkas dihapus, \d+ bita/);
    expect(out.slice(1)).toEqual(dry.slice(1));
    expect(out[1]).toMatch(/lebih dari 7 hari: 1 berkas/);
    expect(existsSync(evidencePath) || existsSync(lkjPath)).toBe(false);
    expect(await run({})).toBe(0);
    expect(out[0]).toMatch(/^SELESAI: 0 berkas dihapus, 0 bita/);
  });

  // QA round 7: "5004 bita (0.0 MiB)", and the temporary file deleted without a row.
  it('writes counts and sizes the Indonesian way, and records every file it deletes, the temporary one too', async () => {
    const lkj = lkjFileStore(dataDir);
    const orphan = await lkj.write('kpu-a', Buffer.alloc(5000, 'x'));
    const temporary = join(lkj.pathOf('kpu-a', orphan.sha256), '..', '.tmp-123');
    writeFileSync(temporary, 'half');
    const threeDaysAgo = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
    for (const path of [lkj.pathOf('kpu-a', orphan.sha256), temporary]) utimesSync(path, threeDaysAgo, threeDaysAgo);
    expect(await run({})).toBe(0);
    expect(out[0]).toBe('SELESAI: 2 berkas dihapus, 5.004 bita (0,0 MiB) dibebaskan');
    expect(out).toContain('  berkas LKj tak dirujuk: 1 berkas, 5.000 bita (0,0 MiB)');
    expect(out).toContain('  berkas sementara: 1 berkas, 4 bita (0,0 MiB)');
    const rows: Array<{ what: string; file_name: string | null }> = await db.dataSource.query(
      `SELECT what, file_name FROM file_sweep_deletions WHERE area = 'lkj' AND swept_at > now() - interval '1 minute' AND (sha256 = $1 OR sha256 IS NULL) ORDER BY what`,
      [orphan.sha256],
    );
    expect(rows).toEqual([{ what: 'orphan-file', file_name: null }, { what: 'temporary-file', file_name: '.tmp-123' }]);
  });

  it('--json prints only the report as JSON, without the human-readable lines', async () => {
    expect(await run({ 'dry-run': true, json: true })).toBe(0);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0])).toMatchObject({ busy: false, bytesFreed: 0, unreferencedUploads: { files: 0, bytes: 0 } });
  });

  it('is listed by `npm run cli -- help`', () => {
    expect(commands.map((c) => c.name)).toContain('files:sweep');
  });
});
