/**
 * The database of DATABASE_URL could not be used at all (not reached, no such database, login
 * refused). Its message is the operator's line: host, port, database and user, never the password.
 * The CLI, the API and the worker end on it alike: this line alone, exit 69 (sysexits EX_UNAVAILABLE).
 */
export class DatabaseUnavailableError extends Error {}

/** sysexits EX_UNAVAILABLE: the database (or Redis) a process needs cannot be reached or used. */
export const SERVICE_UNAVAILABLE = 69;

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
 * cannot be used (not reached, missing, login refused); null for any other error. TypeORM's
 * wrapper is looked through (`driverError`).
 */
export function unusableDatabase(error: unknown, url: string): DatabaseUnavailableError | null {
  if (error instanceof DatabaseUnavailableError) return error;
  const wrapped = (error as { driverError?: unknown } | null)?.driverError;
  const cause = typeof wrapped === 'object' && wrapped !== null ? wrapped : error;
  const code = (cause as { code?: unknown } | null)?.code;
  const message = (cause as { message?: unknown } | null)?.message;
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
