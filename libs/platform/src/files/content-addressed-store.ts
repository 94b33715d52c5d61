import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertFolder } from './data-folder';
import { fileSystemErrno, StorageError, type StorageOperation } from './storage-error';

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What the store needs of node:fs/promises (a test hands in one that fails like a full disk). */
export type StoreFileSystem = Pick<typeof nodeFs, 'mkdir' | 'open' | 'readFile' | 'rename' | 'rm' | 'stat'>;

/**
 * Files addressed by their SHA-256 under `<root>/<tenant>/<aa>/<sha256>` (evidence, produced LKj).
 * Written to a temporary name, flushed, then renamed: a reader never sees half a file, and writing
 * the same bytes twice is harmless. A write that fails removes its temporary file whatever failed
 * (a full disk must not be made fuller) and throws a StorageError (`STORAGE.FULL`,
 * `STORAGE.UNAVAILABLE`), never the bare errno.
 *
 * `root` (`<DATA_DIR>/evidence`, `<DATA_DIR>/lkj`) is created when a process starts (`createdAt`,
 * `prepareDataFolder`) and never while it runs: a data folder that is gone (moved away) or is an empty
 * mount point (its volume unmounted) refuses every write instead of being built again on whatever
 * disk is beneath, where the files would vanish when the volume returns while the events kept
 * referring to them. The folders below `root` (office, first two hex digits) are created as needed.
 *
 * Nothing is deleted here: the file sweep (libs/jobs/src/files) deletes what nothing refers to.
 * Reading re-hashes, so a file swapped on disk is told apart from the one an event refers to; a file
 * missing from a store that is there is `null` (damage, for the caller to report), while a store or
 * data folder that is missing or unreadable throws a StorageError: that is an outage, not tampering.
 */
export class ContentAddressedStore {
  private readonly dataDir: string;

  constructor(
    private readonly root: string,
    private readonly fs: StoreFileSystem = nodeFs,
  ) {
    this.dataDir = dirname(root);
  }

  /**
   * The store at `root`, creating that folder (and DATA_DIR above it) now: for a process, or a
   * service of it, that is starting. Best effort: a folder that cannot be made is what every write
   * then reports (StorageError), and /health meanwhile.
   */
  static createdAt(root: string, fs: StoreFileSystem = nodeFs): ContentAddressedStore {
    try {
      mkdirSync(root, { recursive: true });
    } catch {
      // Reported by the writes and /health.
    }
    return new ContentAddressedStore(root, fs);
  }

  pathOf(tenant: string, sha256: string): string {
    return join(this.root, tenant, sha256.slice(0, 2), sha256);
  }

  async write(tenant: string, bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Of(bytes);
    const dir = join(this.root, tenant, sha256.slice(0, 2));
    const temp = join(dir, `.tmp-${sha256}-${randomBytes(6).toString('hex')}`);
    try {
      await this.writeTemporary(temp, bytes, [join(this.root, tenant), dir]);
      await this.fs.rename(temp, this.pathOf(tenant, sha256));
    } catch (error) {
      await this.fs.rm(temp, { force: true }).catch(() => undefined);
      throw storageFailure('write', temp, error);
    }
    await syncDirectory(this.fs, dir);
    return { sha256, size: bytes.length };
  }

  /** The bytes and their SHA-256 as computed now; null when the file is missing from a store that is there. */
  async read(tenant: string, sha256: string): Promise<{ bytes: Buffer; actualSha256: string } | null> {
    const path = this.pathOf(tenant, sha256);
    try {
      const bytes = await this.fs.readFile(path);
      return { bytes, actualSha256: sha256Of(bytes) };
    } catch (error) {
      if (!MISSING_FILE.has(fileSystemErrno(error) ?? '')) throw storageFailure('read', path, error);
      await this.assertStoreIsThere();
      return null;
    }
  }

  /** Opens the temporary file, creating the folders `below` (each under the one before) if needed. */
  private async writeTemporary(temp: string, bytes: Buffer, below: string[]): Promise<void> {
    let handle: nodeFs.FileHandle;
    try {
      handle = await this.fs.open(temp, 'wx', 0o640);
    } catch (error) {
      if (fileSystemErrno(error) !== 'ENOENT') throw error;
      // One level at a time, never recursively and never `root` itself: a missing store fails here (ENOENT).
      for (const folder of below) await this.fs.mkdir(folder).catch(unlessExists);
      handle = await this.fs.open(temp, 'wx', 0o640);
    }
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    // A network file system may report a failed write only here.
    await handle.close();
  }

  /** A missing file is told from a missing store: the data folder, then the store's own folder. */
  private async assertStoreIsThere(): Promise<void> {
    for (const folder of [this.dataDir, this.root]) {
      try {
        await assertFolder(this.fs, folder);
      } catch (error) {
        throw storageFailure('read', folder, error);
      }
    }
  }
}

/** Errors of reading a file that say only that this one file is not there. */
const MISSING_FILE = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

function unlessExists(error: unknown): void {
  if (fileSystemErrno(error) !== 'EEXIST') throw error;
}

/** Any error of the file system as a StorageError (naming the path it concerned); anything else as it is. */
function storageFailure(operation: StorageOperation, path: string, error: unknown): unknown {
  if (error instanceof StorageError) return error;
  const errno = fileSystemErrno(error);
  if (errno === null) return error;
  const named = (error as { path?: unknown }).path;
  return new StorageError(operation, typeof named === 'string' ? named : path, errno, error);
}

/** So that the rename itself survives a crash (best effort: not every file system allows it). */
async function syncDirectory(fs: StoreFileSystem, dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file itself is already synced.
  }
}
