import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { currentContext } from '@kinerja/platform';
import { toErrorResponse } from './error-response';

/** The one place where anything thrown becomes `{ code, message, details }` and a status. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const answer = toErrorResponse(exception, currentContext()?.correlationId);
    if (answer.unexpected) {
      // One object (pino reads `msg` as the message): Nest's Logger would drop a second argument.
      this.logger.error({
        msg: 'Unexpected error while handling a request',
        err: exception,
        method: request.method,
        path: request.originalUrl ?? request.url,
      });
    }
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    response.status(answer.status).json(answer.body);
  }
}
