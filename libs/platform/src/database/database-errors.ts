import { QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/**
 * What a failed database call says about the database itself, read from pg's errors (TypeORM
 * wraps them as `driverError`). Two questions matter to callers:
 * - did the request ever reach a session that could run it? If not, nothing of it was written
 *   (`databaseNeverReached`): the connection was refused, timed out, or the server turned the
 *   session away while starting it;
 * - is the database out of reach (`databaseUnavailable`)? Then the answer to a person is "try again
 *   in a moment" (503), not a fault of the server (500) and not a fault of their input.
 */

// Node's socket errors while connecting.
const CONNECT_ERRNOS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// Node's socket errors on an open connection: the answer may have been lost.
const CONNECTION_ERRNOS = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
// SQLSTATEs the server sends only while starting a session: too many connections, starting up or
// shutting down, the database does not exist (yet) or refuses the role.
const STARTUP_SQLSTATES = new Set(['53300', '57P03', '3D000', '28000', '28P01']);
// Class 08 (connection exception) and the server ending sessions: admin or crash shutdown.
const SESSION_LOST_SQLSTATES = new Set(['57P01', '57P02']);
// pg's own words when it gives up on a connection: a pool that cannot get one in time, a socket
// closed under a query, a client already broken.
const CONNECT_MESSAGES = [/timeout exceeded when trying to connect/i, /Connection terminated due to connection timeout/i];
const CONNECTION_MESSAGES = [/Connection terminated/i, /Client has encountered a connection error/i, /connection .*(closed|ended)/i];

interface PgLikeError {
  code?: unknown;
  severity?: unknown;
  message?: unknown;
  driverError?: unknown;
}

function underlying(error: unknown): PgLikeError | null {
  if (typeof error !== 'object' || error === null) return null;
  const driverError = (error as PgLikeError).driverError;
  return (typeof driverError === 'object' && driverError !== null ? driverError : error) as PgLikeError;
}

function codeOf(error: PgLikeError): string {
  return typeof error.code === 'string' ? error.code : '';
}

function messageOf(error: PgLikeError): string {
  return typeof error.message === 'string' ? error.message : '';
}

/** A socket that could not connect or was lost, by Node's error code (any server: PostgreSQL, Redis). */
export function socketFailed(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as PgLikeError).code : undefined;
  return typeof code === 'string' && (CONNECT_ERRNOS.has(code) || CONNECTION_ERRNOS.has(code));
}

/** The call never reached a session that could run it: certainly nothing of it was written. */
export function databaseNeverReached(error: unknown): boolean {
  const e = underlying(error);
  if (!e) return false;
  const code = codeOf(e);
  return (
    CONNECT_ERRNOS.has(code) ||
    STARTUP_SQLSTATES.has(code) ||
    // "database … is not currently accepting connections": FATAL only at the start of a session.
    (code === '55000' && e.severity === 'FATAL') ||
    CONNECT_MESSAGES.some((re) => re.test(messageOf(e)))
  );
}

/** The database could not be reached or dropped the connection: retrying later is the remedy. */
export function databaseUnavailable(error: unknown): boolean {
  if (databaseNeverReached(error)) return true;
  // TypeORM gives a query runner's connection back as soon as the connection reports an error (lost
  // under a transaction); the transaction's next query then fails with this instead of pg's error.
  // Our own code using a runner after its transaction would fail every time, in every test.
  if (error instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const e = underlying(error);
  if (!e) return false;
  const code = codeOf(e);
  return (
    CONNECTION_ERRNOS.has(code) ||
    SESSION_LOST_SQLSTATES.has(code) ||
    code.startsWith('08') ||
    CONNECTION_MESSAGES.some((re) => re.test(messageOf(e)))
  );
}
