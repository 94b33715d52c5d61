import { NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { currentContext } from '@kinerja/platform';
import { ERROR_CODE_LOCAL } from './access-log';
import { sendErrorResponse, toErrorResponse } from './error-response';
import { refuseUnallowedMethod } from './method-not-allowed';

/**
 * The answer to a path no route and no prefix claims (`/x`, `//api/v1/satker`, which Express does
 * not read as `/api/v1/…`): Nest mounts its not-found answer under the API prefix only, and Express
 * would answer the rest with its English HTML "Cannot GET …". Appended after every route, once the
 * application is initialised, it gives the same `404 ROUTE.NOT_FOUND` as an unknown API path, and
 * the same `405 REQUEST.METHOD_NOT_ALLOWED` for a path outside the prefix a route takes with another
 * method (`DELETE /api/docs-json`).
 */
export function answerUnmatchedPath(request: Request, response: Response): void {
  const answer = toErrorResponse(refuseUnallowedMethod(new NotFoundException(), request), currentContext()?.correlationId);
  response.locals[ERROR_CODE_LOCAL] = answer.body.code;
  sendErrorResponse(response, answer);
}
