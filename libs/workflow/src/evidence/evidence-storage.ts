import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Evidence files content-addressed on disk: `<root>/<tenant>/<aa>/<sha256>`. A file is written to a
 * temporary name, flushed to disk, then renamed: readers never see half a file.
 */
export class EvidenceStorage {
  constructor(private readonly root: string) {}

  pathOf(tenant: string, sha256: string): string {
    return join(this.root, tenant, sha256.slice(0, 2), sha256);
  }

  async write(tenant: string, sha256: string, bytes: Buffer): Promise<void> {
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
  }

  /** The bytes and their SHA-256 as read now; null when the file is missing. */
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

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** So that the rename itself survives a crash (best effort: not every platform allows it). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Directory fsync is unsupported on some file systems; the file itself is already synced.
  }
}
