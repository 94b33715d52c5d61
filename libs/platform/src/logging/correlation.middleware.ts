import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { runWithContext } from './request-context';

const header = 'x-correlation-id';
const acceptable = /^[A-Za-z0-9._:-]{8,128}$/;

/** Gives every request a correlation id (the caller's, when well formed) and echoes it back. */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.header(header);
  const correlationId = given && acceptable.test(given) ? given : randomUUID();
  res.setHeader('X-Correlation-Id', correlationId);
  runWithContext(
    { correlationId, clientAddress: req.ip, userAgent: req.header('user-agent') ?? undefined },
    () => next(),
  );
}
