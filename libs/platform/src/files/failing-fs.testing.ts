import * as nodeFs from 'node:fs/promises';
import type { StoreFileSystem } from './content-addressed-store';

/** An errno error as node:fs throws it. */
export function errnoError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: refused, '${path}'`), { code, path });
}

/**
 * node:fs as the store uses it, on a disk that runs out of space while a file is written: the
 * first half of the bytes lands on disk (a partial temporary file, as on a full tmpfs), then
 * `errno` (ENOSPC unless told otherwise). Folders and reads work as usual.
 */
export function fillingUpFs(errno = 'ENOSPC'): StoreFileSystem {
  return {
    ...nodeFs,
    open: (async (path: string, flags?: string, mode?: number) => {
      const handle = await nodeFs.open(path, flags, mode);
      if (flags !== 'wx') return handle;
      return Object.assign(Object.create(handle), {
        writeFile: async (bytes: Buffer) => {
          await handle.writeFile(bytes.subarray(0, bytes.length >> 1));
          throw errnoError(errno, path);
        },
        close: () => handle.close(),
      });
    }) as StoreFileSystem['open'],
  };
}
