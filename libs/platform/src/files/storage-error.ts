import { DomainError } from '@kinerja/domain';

/** What the store was doing when the disk refused. */
export type StorageOperation = 'write' | 'read';

/** The disk is full (or the account's quota used up): freeing space is the remedy, not waiting. */
const FULL_ERRNOS = new Set(['ENOSPC', 'EDQUOT']);

/** How long a client should wait before trying an unwritable or unreadable storage again. */
export const STORAGE_RETRY_AFTER_SECONDS = 30;

/**
 * The data folder (DATA_DIR) refused to store or give back a file: not writable (EACCES, EPERM,
 * EROFS), full (ENOSPC, EDQUOT: `STORAGE.FULL`), gone (unmounted, moved away: ENOENT, ENOTDIR) or
 * failing (EIO). Not the request's fault and not tampering: nothing was stored, no integrity alert
 * is raised, and the message tells the person what to do. `path` and `errno` are for the
 * operator's log line only; the answer carries `details.errno` and `details.operation`, never a path.
 */
export class StorageError extends DomainError {
  constructor(
    readonly operation: StorageOperation,
    readonly path: string,
    readonly errno: string,
    cause?: unknown,
  ) {
    const full = operation === 'write' && FULL_ERRNOS.has(errno);
    super(
      full ? 'STORAGE.FULL' : 'STORAGE.UNAVAILABLE',
      full
        ? 'Penyimpanan berkas penuh, sehingga berkas tidak disimpan. Hubungi Admin agar ruang penyimpanan dikosongkan atau ditambah, lalu coba lagi.'
        : operation === 'write'
          ? 'Penyimpanan berkas sedang tidak dapat ditulis, sehingga berkas tidak disimpan; coba lagi nanti atau hubungi Admin.'
          : 'Penyimpanan berkas sedang tidak dapat dibaca, sehingga berkas tidak dapat diberikan; coba lagi nanti atau hubungi Admin.',
      'unavailable',
      full ? { operation, errno } : { operation, errno, retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS },
    );
    this.name = 'StorageError';
    if (cause !== undefined) Object.defineProperty(this, 'cause', { value: cause, enumerable: false, configurable: true });
  }

  /** The operator's fields, for a structured log line (`storagePath`: a request's line has its own `path`). */
  get logFields(): { operation: StorageOperation; storagePath: string; errno: string } {
    return { operation: this.operation, storagePath: this.path, errno: this.errno };
  }
}

/** An error of node:fs (it carries an errno code such as `ENOSPC`). */
export function fileSystemErrno(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : null;
}
