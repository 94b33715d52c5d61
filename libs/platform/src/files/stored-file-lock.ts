/**
 * The PostgreSQL advisory lock of one stored file (`area` evidence or lkj, office, SHA-256), taken by
 * whoever writes, deletes or condemns it: an evidence upload holds it (for its transaction) while it
 * checks the bytes on disk and records the upload; the file sweep holds it (on its own session)
 * from its last check until the file is gone; a download that found the file missing takes it
 * before deciding that the file was damaged rather than swept. Session and transaction locks of
 * one key exclude each other.
 */
export function storedFileLockKey(area: 'evidence' | 'lkj', tenant: string, sha256: string): string {
  return `kinerja:file:${area}:${tenant}:${sha256}`;
}

/** Waits for the lock of `key` until the caller's transaction ends. */
export const LOCK_STORED_FILE_FOR_TRANSACTION = `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`;
