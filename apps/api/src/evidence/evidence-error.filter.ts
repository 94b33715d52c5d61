import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '@kinerja/domain';
import { currentContext } from '@kinerja/platform';
import { toErrorResponse } from '../http/error-response';

/** The statuses HTTP has for these refusals: 413 for a file too large, 415 for a type not allowed, 400 for an unreadable upload. */
const STATUS: Record<string, number> = { 'EVIDENCE.TOO_LARGE': 413, 'EVIDENCE.TYPE_NOT_ALLOWED': 415, 'EVIDENCE.MALFORMED_UPLOAD': 400 };

@Catch(DomainError)
export class EvidenceErrorFilter implements ExceptionFilter {
  catch(exception: DomainError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const answer = toErrorResponse(exception, currentContext()?.correlationId);
    const status = STATUS[exception.code] ?? answer.status;
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    response.status(status).json(answer.body);
  }
}
