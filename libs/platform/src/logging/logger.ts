import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { databaseUnavailable, socketFailed } from '../database/database-errors';
import { currentContext } from './request-context';

export interface LoggerOptions {
  level: string;
  format: 'json' | 'pretty';
  name?: string;
  /** Where JSON lines go (standard output when absent); for tests. */
  destination?: pino.DestinationStream;
}

/**
 * What a log line never carries: the values bound to a failed SQL statement (TypeORM's
 * `QueryFailedError.parameters`: people's names, narratives, password hashes), passwords and
 * bearer tokens, wherever a caller put them. The statement itself and the database's message stay.
 */
const REDACTED_PATHS = [
  'err.parameters', 'err.driverError.parameters', 'err.cause.parameters',
  'password', 'newPassword', 'currentPassword', 'passwordHash', 'accessToken', 'authorization',
  '*.password', '*.newPassword', '*.currentPassword', '*.passwordHash', '*.accessToken', '*.authorization',
];

function censor(value: unknown): string {
  return Array.isArray(value) ? `[${value.length} parameter(s), not logged]` : '[not logged]';
}

/** One pino root logger per process: JSON lines in production, readable lines in development. */
export function createRootLogger(options: LoggerOptions): Logger {
  const settings: pino.LoggerOptions = {
    name: options.name ?? 'kinerja',
    level: options.level,
    base: undefined,
    redact: { paths: REDACTED_PATHS, censor },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const context = currentContext();
      return context ? { correlationId: context.correlationId } : {};
    },
    transport:
      options.format === 'pretty' && !options.destination
        ? { target: 'pino-pretty', options: { colorize: false, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } }
        : undefined,
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/**
 * A background task that failed. The database out of reach is an outage, not a bug: one line
 * without a stack (it would only repeat pg's parser), at `outageLevel`, marked "(database
 * unavailable)"; anything else is an error with its stack.
 */
export function logFailure(logger: Logger, error: unknown, msg: string, fields: Record<string, unknown> = {}, outageLevel: 'warn' | 'error' = 'error'): void {
  if (databaseUnavailable(error)) logger[outageLevel]({ ...fields, error: error instanceof Error ? error.message : String(error) }, `${msg} (database unavailable)`);
  else logger.error({ ...fields, err: error }, msg);
}

/** A background task that failed and will run again: an outage is a warning (`logFailure`). */
export function logRetriedFailure(logger: Logger, error: unknown, msg: string, fields: Record<string, unknown> = {}): void {
  logFailure(logger, error, msg, fields, 'warn');
}

/** A connection that could not be made or was lost (Redis, BullMQ), as opposed to a fault of the code. */
export function connectionLost(error: unknown): boolean {
  return error instanceof Error && (socketFailed(error) || /Connection is closed|Stream isn't writeable/i.test(error.message));
}

/**
 * A listener for the `error` events of a client that reconnects by itself (ioredis, BullMQ's
 * queues and workers). While the server is away such a client reports every attempt; the first
 * is logged as a warning, then at most one line per `intervalMs` with how many were left out, so
 * an outage reads as a few lines rather than a flood. Errors that are not about the connection
 * are logged as errors, each one. Without a listener, ioredis prints every attempt to stderr.
 */
export function connectionErrorLog(logger: Logger, what: string, fields: Record<string, unknown> = {}, intervalMs = 30_000): (error: unknown) => void {
  let lastLogged = -Infinity;
  let leftOut = 0;
  return (error) => {
    if (!connectionLost(error)) {
      logger.error({ ...fields, err: error }, `${what}: error`);
      return;
    }
    const now = Date.now();
    if (now - lastLogged < intervalMs) {
      leftOut += 1;
      return;
    }
    logger.warn({ ...fields, error: (error as Error).message, leftOut }, `${what}: connection lost; retrying`);
    lastLogged = now;
    leftOut = 0;
  };
}

/** Adapts pino to Nest's LoggerService so framework and application logs share one stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, rest: unknown[]) {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...(message as object) });
    } else {
      const stack = level === 'error' && typeof rest[0] === 'string' ? { stack: rest[0] } : {};
      this.logger[level]({ ...fields, ...stack }, String(message));
    }
  }
}
