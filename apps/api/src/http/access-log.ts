import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { currentContext } from '@kinerja/platform';
import { loggedAddress } from '../auth/client-address';
import type { AuthenticatedRequest } from './current-user.decorator';

/** Where the error filter leaves the stable code of a refused request, for the access log. */
export const ERROR_CODE_LOCAL = 'errorCode';

/**
 * The access log: one line per request once its answer is sent (or the client went away), so that
 * operators can tell who did what and how it went — method, path, status, milliseconds, bytes, the
 * signed-in user (id, name, role, office), the client's address, the error code of a refusal and the
 * correlation id that every other line and every event of the request carries. Never the query
 * string (filters may carry what a person typed), a body or a header's value. At `info`, `warn`
 * for a 5xx. A successful `GET /health` (a container's health check every few seconds) is not
 * logged.
 */
export function accessLog(logger: Logger): RequestHandler {
  const log = logger.child({ context: 'Access' });
  return (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const correlationId = currentContext()?.correlationId;
    let written = false;
    const write = (aborted: boolean) => {
      if (written) return;
      written = true;
      const path = pathOf(request);
      const status = response.statusCode;
      if (!aborted && status < 300 && path === '/health') return;
      const user = (request as AuthenticatedRequest).user;
      const code = response.locals[ERROR_CODE_LOCAL] as string | undefined;
      const length = response.getHeader('content-length');
      const line = {
        event: 'http.request',
        method: request.method,
        path,
        route: routeOf(request),
        status,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        bytes: length === undefined ? undefined : Number(length),
        ...(code ? { code } : {}),
        ...(aborted ? { aborted: true } : {}),
        ...(user ? { userId: user.id, username: user.username, role: user.role, satker: user.satker } : {}),
        address: request.ip === undefined ? undefined : loggedAddress(request.ip),
        correlationId,
      };
      if (status >= 500) log.warn(line, 'Request answered');
      else log.info(line, 'Request answered');
    };
    response.once('finish', () => write(false));
    response.once('close', () => write(!response.writableFinished));
    next();
  };
}

function pathOf(request: Request): string {
  const url = request.originalUrl ?? request.url;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** The route's pattern (`/api/v1/satker/:satker/realisasi/:year/:month/:subbagian`), when one matched. */
function routeOf(request: Request): string | undefined {
  const path = (request as Request & { route?: { path?: unknown } }).route?.path;
  return typeof path === 'string' ? path : undefined;
}
