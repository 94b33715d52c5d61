import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentAddressedStore, sha256Of, type StoreFileSystem } from './content-addressed-store';
import { errnoError as errno, fillingUpFs } from './failing-fs.testing';
import { StorageError } from './storage-error';

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('ContentAddressedStore when the disk refuses', () => {
  let dataDir: string;
  const tenant = 'kpu-kab-jember';
  const bytes = Buffer.from('%PDF-1.4 bukti dukung\n');
  const sha = sha256Of(bytes);

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kinerja-store-'));
  });
  afterEach(() => rmSync(`${dataDir}.gone`, { recursive: true, force: true }));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the folders below its own, but refuses to write into a data folder that is gone (moved away), never creating it again', async () => {
    const store = ContentAddressedStore.createdAt(join(dataDir, 'evidence'));
    expect(await store.write(tenant, bytes)).toEqual({ sha256: sha, size: bytes.length });
    expect(filesUnder(dataDir)).toEqual([join('evidence', tenant, sha.slice(0, 2), sha)]);
    renameSync(dataDir, `${dataDir}.gone`);

    const refusal = await store.write(tenant, Buffer.from('another file')).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(StorageError);
    expect(refusal).toMatchObject({ code: 'STORAGE.UNAVAILABLE', kind: 'unavailable', operation: 'write', errno: 'ENOENT', details: { operation: 'write', errno: 'ENOENT' } });
    expect((refusal as StorageError).message).toContain('tidak dapat ditulis');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses to write when its own folder is gone from a data folder that is there (an empty mount point), never creating it', async () => {
    const store = ContentAddressedStore.createdAt(join(dataDir, 'evidence'));
    rmSync(join(dataDir, 'evidence'), { recursive: true });
    await expect(store.write(tenant, bytes)).rejects.toMatchObject({ code: 'STORAGE.UNAVAILABLE', errno: 'ENOENT', path: join(dataDir, 'evidence', tenant) });
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('refuses a data folder that is no folder (ENOTDIR), storing nothing', async () => {
    rmSync(dataDir, { recursive: true });
    writeFileSync(dataDir, 'not a folder');
    const refusal = await new ContentAddressedStore(join(dataDir, 'evidence')).write(tenant, bytes).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'STORAGE.UNAVAILABLE', errno: 'ENOTDIR', details: { retryAfterSeconds: 30 } });
  });

  it('answers a full disk with STORAGE.FULL and leaves no temporary file behind', async () => {
    const store = ContentAddressedStore.createdAt(join(dataDir, 'evidence'), fillingUpFs());
    const refusal = await store.write(tenant, bytes).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'STORAGE.FULL', operation: 'write', errno: 'ENOSPC', details: { operation: 'write', errno: 'ENOSPC' } });
    expect((refusal as StorageError).path).toContain(join(dataDir, 'evidence', tenant, sha.slice(0, 2), `.tmp-${sha}-`));
    expect((refusal as StorageError).message).toContain('penuh');
    expect(filesUnder(dataDir)).toEqual([]);
  });

  it('removes the temporary file when the rename fails too', async () => {
    mkdirSync(join(dataDir, 'evidence', tenant, sha.slice(0, 2), sha), { recursive: true }); // a folder where the file goes: rename fails
    const refusal = await ContentAddressedStore.createdAt(join(dataDir, 'evidence')).write(tenant, bytes).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(StorageError);
    expect(filesUnder(dataDir)).toEqual([]);
  });

  it('reads a file missing from a store that is there as null (damage), but refuses to read from a store or data folder that is gone: an outage', async () => {
    const store = ContentAddressedStore.createdAt(join(dataDir, 'evidence'));
    await store.write(tenant, Buffer.from('another file'));
    expect(await store.read(tenant, sha)).toBeNull();
    await store.write(tenant, bytes);
    renameSync(join(dataDir, 'evidence'), join(dataDir, 'evidence.gone'));
    await expect(store.read(tenant, sha)).rejects.toMatchObject({ code: 'STORAGE.UNAVAILABLE', operation: 'read', errno: 'ENOENT', path: join(dataDir, 'evidence') });
    renameSync(dataDir, `${dataDir}.gone`);
    await expect(store.read(tenant, sha)).rejects.toMatchObject({ code: 'STORAGE.UNAVAILABLE', operation: 'read', errno: 'ENOENT', path: dataDir });
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a file it may not read (EACCES) as storage that cannot be read', async () => {
    const denying: StoreFileSystem = { ...nodeFs, readFile: (async (path: string) => { throw errno('EACCES', path); }) as StoreFileSystem['readFile'] };
    const refusal = await new ContentAddressedStore(join(dataDir, 'evidence'), denying).read(tenant, sha).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'STORAGE.UNAVAILABLE', operation: 'read', errno: 'EACCES', details: { retryAfterSeconds: 30 } });
    expect((refusal as StorageError).message).toContain('tidak dapat dibaca');
  });
});
