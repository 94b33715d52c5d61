import { ConfigError, DatabaseUnavailableError, SERVICE_UNAVAILABLE } from '@kinerja/platform';
import { TransactionOrderError } from '@kinerja/event-store';

/** sysexits EX_CONFIG: the environment is wrong, or the database's log order is broken. */
export const CONFIG_ERROR = 78;
/** Anything nobody foresaw: the stack trace goes with it, for the developers. */
export const UNEXPECTED_ERROR = 1;

/** What the operator reads when a command cannot run, and the exit code. */
export interface Failure {
  exitCode: number;
  text: string;
}

/**
 * How the CLI ends on an error it did not expect to catch earlier: one Indonesian line first, always.
 * A database that cannot be used is told as the API and worker tell it at start-up (unusableDatabase).
 */
export function describeFailure(error: unknown): Failure {
  if (error instanceof DatabaseUnavailableError) return { exitCode: SERVICE_UNAVAILABLE, text: error.message };
  if (error instanceof TransactionOrderError) {
    return { exitCode: CONFIG_ERROR, text: `GAGAL: urutan transaksi log peristiwa di basis data ini rusak; tidak ada yang dijalankan.\n  ${error.message}` };
  }
  if (error instanceof ConfigError) {
    const problems = error.problems.map((p) => `  - ${p}`).join('\n');
    return { exitCode: CONFIG_ERROR, text: `DITOLAK: konfigurasi tidak sah; tidak ada yang dijalankan. Perbaiki variabel lingkungan berikut:\n${problems}` };
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { exitCode: UNEXPECTED_ERROR, text: `GAGAL: kesalahan tak terduga; perintah dihentikan. Rincian teknis untuk pengembang:\n${detail}` };
}
