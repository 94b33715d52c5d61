import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * LKj files content-addressed on disk: `<DATA_DIR>/lkj/<satker>/<aa>/<sha256>`. Written to a
 * temporary name, flushed, then renamed, so a reader never sees half a file; writing the same bytes
 * twice is harmless. Files are never deleted: old versions stay downloadable.
 */
export class LkjFileStore {
  constructor(private readonly root: string) {}

  pathOf(satker: string, sha256: string): string {
    return join(this.root, satker, sha256.slice(0, 2), sha256);
  }

  async write(satker: string, bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Hex(bytes);
    const dir = join(this.root, satker, sha256.slice(0, 2));
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
      await rename(temp, this.pathOf(satker, sha256));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { sha256, size: bytes.length };
  }

  /** The bytes and their SHA-256 as computed now; null when the file is missing. */
  async read(satker: string, sha256: string): Promise<{ bytes: Buffer; actualSha256: string } | null> {
    try {
      const bytes = await readFile(this.pathOf(satker, sha256));
      return { bytes, actualSha256: sha256Hex(bytes) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
