import { isUtf8 } from 'node:buffer';
import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NestExpressBodyParserOptionsFor } from '@nestjs/platform-express/interfaces/nest-express-body-parser.interface';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { limitBodyDepth, MAX_BODY_DEPTH } from './body-depth';
import { JSON_BODY_LIMIT_BYTES } from './body-limit';
import { HttpExceptionFilter } from './http-exception.filter';
import { MediaTypeGuard } from './media-type.guard';
import { createOpenApiDocument } from './openapi-document';
import { RejectUnstorableTextPipe } from './reject-unstorable-text.pipe';
import { RequestValidationPipe } from './request-validation.pipe';
import { UndeclaredQueryGuard } from './undeclared-query.guard';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { requestValidationError } from './validation-errors';

export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';

/** DTO validation for bodies, queries and parameters: unknown fields are refused, values converted. */
export function createValidationPipe(): RequestValidationPipe {
  cacheValidationMetadata();
  return new RequestValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // Kept in the errors for requestValidationError (never answered): the value tells a missing
    // field from a wrong one, the target leads to the failed rule (its bound, its own message).
    validationError: { target: true, value: true },
    // class-validator's defaults are English; requestValidationError says every rule in Indonesian.
    dismissDefaultMessages: true,
    exceptionFactory: requestValidationError,
  });
}

/**
 * The HTTP conventions of Kinerja, installed once on the application (by the entry points and by
 * the test app alike), before it is initialised: the JSON body parser (nested at most
 * {@link MAX_BODY_DEPTH} levels), `/api/v1` prefix (health stays at `/health`), the media type a
 * route takes, validation, the one error filter, and the OpenAPI document at `/api/docs` (JSON at
 * `/api/docs-json`). The app is created with `bodyParser: false`: this parser is the only one.
 * No form parser: no route takes a form (there is no HTML client; the uploads read their
 * multipart body themselves), and with one a body sent without `application/json` was read as a
 * form and answered with its JSON text as the name of an unknown field.
 */
export function configureHttp(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  // The usual browser protections (nosniff, frame denial, a content security policy the OpenAPI
  // page lives within, no referrer across origins); and no answer of the API kept in a cache, for
  // it carries tokens, figures and evidence of one office (a handler may still set its own).
  // Not `upgrade-insecure-requests`: served over plain HTTP (the quick start, a LAN install behind
  // no TLS), it would send the OpenAPI page's own scripts to https and break it.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use(`/${API_PREFIX}`, noStore);
  // `verify` is kept out of Nest's typings because Nest uses it for `rawBody: true`, which Kinerja
  // does not set: here it is the only one.
  app.useBodyParser('json', { verify: refuseInvalidUtf8, limit: JSON_BODY_LIMIT_BYTES } as NestExpressBodyParserOptionsFor<'json'>);
  app.use(limitBodyDepth);
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.ALL }] });
  // Guards, not interceptors: they only refuse, and one interceptor would put every request through
  // Nest's rxjs pipeline (1.6 % of a submission's CPU). They run after AccessGuard (APP_GUARD, bound
  // when the app is created): a caller who is not signed in gets 401 before anything about the body.
  app.useGlobalGuards(new MediaTypeGuard(), new UndeclaredQueryGuard());
  app.useGlobalPipes(new RejectUnstorableTextPipe(), createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  const document = createOpenApiDocument(
    app,
    'SAKIP: Perjanjian Kinerja, realisasi bulanan, capaian dan Laporan Kinerja. ' +
      'Every error is `{ code, message, details }` with a stable code; messages are in Bahasa Indonesia. ' +
      'Bodies are JSON (`Content-Type: application/json`), uploads `multipart/form-data`; any other body is ' +
      '`415 REQUEST.UNSUPPORTED_MEDIA_TYPE`. Whole numbers in a path or a query are plain digits (`6`, not `06`, `6.0` or `1e1`); ' +
      'a query parameter a route does not list is refused like an unknown field (`400 VALIDATION.FAILED`). ' +
      'A path asked with a method it does not take is `405 REQUEST.METHOD_NOT_ALLOWED` with `Allow` (before authentication); an unknown path `404 ROUTE.NOT_FOUND`. ' +
      'Authenticate with `POST /api/v1/auth/login` and send `Authorization: Bearer <accessToken>`; a 401 carries `WWW-Authenticate: Bearer realm="kinerja"`. ' +
      'A versioned resource answers its version in `ETag` (`"3"`): send it back in `If-Match` with the next command.',
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
}

/**
 * A JSON body is UTF-8 (RFC 8259); bytes that are not would be decoded into U+FFFD and stored as if
 * the person had typed it. Refused as a malformed body (error-response.ts reads the mark).
 */
function refuseInvalidUtf8(_request: unknown, _response: unknown, body: Buffer): void {
  if (!isUtf8(body)) throw Object.assign(new SyntaxError('request body is not valid UTF-8'), { status: 400, invalidUtf8: true });
}

function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
