import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFolderCheck, prepareDataFolder } from './data-folder';

describe('the data folder as /health probes it', () => {
  let parent: string;
  let dataDir: string;
  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'kinerja-data-folder-'));
    dataDir = join(parent, 'data');
    prepareDataFolder(dataDir);
  });
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  it('is up when the folders made at start-up are there and a file can be written and removed, leaving nothing behind', async () => {
    expect(readdirSync(dataDir).sort()).toEqual(['evidence', 'lkj']);
    expect(await new DataFolderCheck(dataDir).check()).toEqual({ status: 'up', latencyMs: expect.any(Number) });
    expect(readdirSync(dataDir).sort()).toEqual(['evidence', 'lkj']);
  });

  it('is down when DATA_DIR is an empty mount point (the volume unmounted, the folder left), and creates nothing there', async () => {
    rmSync(dataDir, { recursive: true });
    mkdirSync(dataDir);
    const probe = await new DataFolderCheck(dataDir).check();
    expect(probe).toMatchObject({ status: 'down', error: 'ENOENT' });
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('is down when the folder is gone, and never creates it', async () => {
    rmSync(dataDir, { recursive: true });
    const probe = await new DataFolderCheck(dataDir).check();
    expect(probe).toMatchObject({ status: 'down', error: 'ENOENT' });
    expect(probe.message).toContain('Pasang kembali volume penyimpanannya');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('is down when DATA_DIR is a file, not a folder', async () => {
    rmSync(dataDir, { recursive: true });
    writeFileSync(dataDir, 'x');
    expect(await new DataFolderCheck(dataDir).check()).toMatchObject({ status: 'down', error: 'ENOTDIR' });
  });

  it('is down when the disk is full, saying to free space, and removes what it began to write', async () => {
    const full = { ...nodeFs, writeFile: (async (path: string) => {
      await nodeFs.writeFile(path, '');
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }) as typeof nodeFs.writeFile };
    const probe = await new DataFolderCheck(dataDir, 5000, undefined, full).check();
    expect(probe).toMatchObject({ status: 'down', error: 'ENOSPC' });
    expect(probe.message).toContain('penuh');
    expect(readdirSync(dataDir).sort()).toEqual(['evidence', 'lkj']);
  });

  it('probes at most once per interval, then again', async () => {
    let now = 0;
    let writes = 0;
    const counting = { ...nodeFs, writeFile: ((...args: Parameters<typeof nodeFs.writeFile>) => ((writes += 1), nodeFs.writeFile(...args))) as typeof nodeFs.writeFile };
    const check = new DataFolderCheck(dataDir, 5000, () => now, counting);
    await Promise.all([check.check(), check.check()]);
    now = 4999;
    await check.check();
    expect(writes).toBe(1);
    rmSync(dataDir, { recursive: true });
    now = 5000;
    expect(await check.check()).toMatchObject({ status: 'down', error: 'ENOENT' });
  });
});
