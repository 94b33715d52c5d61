import type { LkjJobFailure } from './lkj-outbox';

/**
 * Why the versions of an LKj not produced yet are late although nothing holds them: their job failed
 * its attempts (the database, Redis or the file storage out of reach for longer than its backoff) and
 * the worker retries it by itself (GET …/lkj/{year}, `retrying`). Told so that a Sekretaris seeing
 * "pending" for long knows it is not forgotten and need not ask again.
 */
export interface LkjRetrying {
  code: 'LKJ.PRODUCTION_RETRYING';
  message: string;
  /** The versions whose job failed, ascending. */
  versions: number[];
  /** Their failed attempts together, every retry included. */
  failedAttempts: number;
  /** The last failure among them. */
  lastFailedAt: string;
  /** When the worker runs one of them again, the earliest (past: it is being run again now); null when not known yet. */
  retryAt: string | null;
}

/** The `retrying` of an overview from the failures the recovery noted (none: null). */
export function lkjRetrying(year: number, failures: readonly LkjJobFailure[]): LkjRetrying | null {
  if (failures.length === 0) return null;
  const versions = failures.map((f) => f.version);
  const failedAttempts = failures.reduce((sum, f) => sum + f.failedAttempts, 0);
  const lastFailedAt = new Date(Math.max(...failures.map((f) => f.lastFailedAt.getTime())));
  const retryAts = failures.flatMap((f) => (f.retryAt ? [f.retryAt.getTime()] : []));
  return {
    code: 'LKJ.PRODUCTION_RETRYING',
    message:
      `LKj ${year} versi ${versions.join(', ')} belum berhasil dibuat: ${failedAttempts} kali percobaan pembuatannya gagal karena gangguan di server. ` +
      'Kinerja mencobanya lagi secara otomatis; tidak perlu meminta ulang. Bila tetap belum dibuat, hubungi administrator sistem.',
    versions,
    failedAttempts,
    lastFailedAt: lastFailedAt.toISOString(),
    retryAt: retryAts.length > 0 ? new Date(Math.min(...retryAts)).toISOString() : null,
  };
}
