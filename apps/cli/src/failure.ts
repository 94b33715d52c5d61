import { ConfigError } from '@kinerja/platform';
import { TransactionOrderError } from '@kinerja/event-store';

/** sysexits EX_UNAVAILABLE: the database the command needs cannot be reached or used. */
export const SERVICE_UNAVAILABLE = 69;
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
 * The database of DATABASE_URL could not be used at all (not reached, no such database, login
 * refused). Its message is the operator's line: host, port, database and user, never the password.
 */
export class DatabaseUnavailableError extends Error {}

// Socket errors of a server that is not there: the pg driver passes Node's own code on.
const UNREACHABLE: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'ECONNREFUSED',
  ETIMEDOUT: 'ETIMEDOUT',
  EHOSTUNREACH: 'EHOSTUNREACH',
  ENETUNREACH: 'ENETUNREACH',
  ECONNRESET: 'ECONNRESET',
  ENOTFOUND: 'ENOTFOUND: nama host tidak ditemukan',
  EAI_AGAIN: 'EAI_AGAIN: nama host tidak dapat dicari',
  '57P03': '57P03: server sedang dinyalakan atau dimatikan',
};

/** Where a DATABASE_URL points, as the operator may read it: no password. */
function targetOf(url: string): { server: string; database: string; user: string } {
  try {
    const parsed = new URL(url);
    const user = decodeURIComponent(parsed.username) || 'postgres';
    return { server: `${parsed.hostname}:${parsed.port || '5432'}`, database: decodeURIComponent(parsed.pathname.slice(1)) || user, user };
  } catch {
    return { server: 'DATABASE_URL', database: '?', user: '?' };
  }
}

/**
 * The error of opening the database at `url`, as one Indonesian line when it says the database
 * cannot be used (not reached, missing, login refused); null for any other error.
 */
export function databaseUnavailable(error: unknown, url: string): DatabaseUnavailableError | null {
  const code = (error as { code?: unknown } | null)?.code;
  const message = (error as { message?: unknown } | null)?.message;
  const { server, database, user } = targetOf(url);
  const unreachable = typeof code === 'string' ? UNREACHABLE[code] : message === 'Connection terminated due to connection timeout' ? 'batas waktu koneksi habis' : undefined;
  if (unreachable !== undefined) {
    return new DatabaseUnavailableError(`GAGAL: basis data di ${server} tidak dapat dihubungi (${unreachable}). Periksa DATABASE_URL dan apakah PostgreSQL berjalan.`);
  }
  if (code === '3D000') {
    return new DatabaseUnavailableError(`GAGAL: basis data "${database}" tidak ada pada server ${server}; buat dulu dengan createdb atau periksa DATABASE_URL.`);
  }
  if (code === '28P01' || code === '28000') {
    return new DatabaseUnavailableError(`GAGAL: server basis data ${server} menolak masuk pengguna "${user}" (${code}). Periksa nama pengguna dan kata sandi di DATABASE_URL.`);
  }
  return null;
}

/** How the CLI ends on an error it did not expect to catch earlier: one Indonesian line first, always. */
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
