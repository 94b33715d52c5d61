import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { currentContext, StorageError } from '@kinerja/platform';
import { ERROR_CODE_LOCAL } from './access-log';
import { sendErrorResponse, toErrorResponse } from './error-response';
import { refuseUnallowedMethod } from './method-not-allowed';

/** The one place where anything thrown becomes `{ code, message, details }` and a status. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    // Nest's answer to a request no route took is 405 when a route takes the path with another method.
    const answer = toErrorResponse(refuseUnallowedMethod(exception, request), currentContext()?.correlationId);
    if (answer.unexpected) {
      // One object (pino reads `msg` as the message): Nest's Logger would drop a second argument.
      this.logger.error({
        msg: 'Unexpected error while handling a request',
        err: exception,
        method: request.method,
        path: request.originalUrl ?? request.url,
      });
    } else if (exception instanceof StorageError) {
      // The disk refused (full, not writable, unmounted): the operator's to fix, so an error naming
      // the path and the errno; the person was told in Indonesian, without the path.
      this.logger.error({
        msg: 'File storage refused: the data folder could not be written or read',
        code: answer.body.code,
        ...exception.logFields,
        error: describe(exception),
        method: request.method,
        path: request.originalUrl ?? request.url,
      });
    } else if (answer.status >= 500) {
      // Not a fault of the code (the database out of reach, an append whose outcome is unknown), yet
      // the operators must see it; the stack would only repeat pg's parser once per request.
      this.logger.warn({
        msg: 'Request answered with a temporary failure',
        code: answer.body.code,
        error: describe(exception),
        method: request.method,
        path: request.originalUrl ?? request.url,
      });
    }
    response.locals[ERROR_CODE_LOCAL] = answer.body.code;
    if (response.headersSent) return;
    sendErrorResponse(response, answer);
  }
}

/** What went wrong in one line: the error's message, its code and its cause's message. */
function describe(exception: unknown): string {
  if (!(exception instanceof Error)) return String(exception);
  const code = (exception as { code?: unknown }).code;
  const cause = exception.cause instanceof Error ? ` (${exception.cause.message})` : '';
  return `${typeof code === 'string' ? `${code}: ` : ''}${exception.message}${cause}`;
}
