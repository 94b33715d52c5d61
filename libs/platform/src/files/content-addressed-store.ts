import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Files addressed by their SHA-256 under `<root>/<tenant>/<aa>/<sha256>` (evidence, produced LKj).
 * Written to a temporary name, flushed, then renamed: a reader never sees half a file, and writing
 * the same bytes twice is harmless. Nothing is deleted here: the file sweep (libs/jobs/src/files)
 * deletes what nothing refers to. Reading re-hashes, so a file swapped
 * on disk is told apart from the one an event refers to.
 */
export class ContentAddressedStore {
  constructor(private readonly root: string) {}

  pathOf(tenant: string, sha256: string): string {
    return join(this.root, tenant, sha256.slice(0, 2), sha256);
  }

  async write(tenant: string, bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Of(bytes);
    const dir = join(this.root, tenant, sha256.slice(0, 2));
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.tmp-${sha256}-${randomBytes(6).toString('hex')}`);
    const handle = await open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.pathOf(tenant, sha256));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await syncDirectory(dir);
    return { sha256, size: bytes.length };
  }

  /** The bytes and their SHA-256 as computed now; null when the file is missing. */
  async read(tenant: string, sha256: string): Promise<{ bytes: Buffer; actualSha256: string } | null> {
    try {
      const bytes = await readFile(this.pathOf(tenant, sha256));
      return { bytes, actualSha256: sha256Of(bytes) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

/** So that the rename itself survives a crash (best effort: not every file system allows it). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file itself is already synced.
  }
}
