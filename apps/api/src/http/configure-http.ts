import { RequestMethod, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { limitBodyDepth, MAX_BODY_DEPTH } from './body-depth';
import { HttpExceptionFilter } from './http-exception.filter';
import { RejectUnstorableTextPipe } from './reject-unstorable-text.pipe';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { requestValidationError } from './validation-errors';

export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';

/** DTO validation for bodies, queries and parameters: unknown fields are refused, values converted. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // Kept in the errors for requestValidationError (never answered): the value tells a missing
    // field from a wrong one, the target whether the DTO gave a failed rule a message of its own.
    validationError: { target: true, value: true },
    exceptionFactory: requestValidationError,
  });
}

/**
 * The HTTP conventions of Kinerja, installed once on the application (by the entry points and by
 * the test app alike), before it is initialised: the body parsers (JSON and forms, nested at most
 * {@link MAX_BODY_DEPTH} levels), `/api/v1` prefix (health stays at `/health`), validation, the one
 * error filter, and the OpenAPI document at `/api/docs` (JSON at `/api/docs-json`). The app is
 * created with `bodyParser: false`: these parsers are the only ones.
 */
export function configureHttp(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  // The usual browser protections (nosniff, frame denial, a content security policy the OpenAPI
  // page lives within, no referrer across origins); and no answer of the API kept in a cache, for
  // it carries tokens, figures and evidence of one office (a handler may still set its own).
  app.use(helmet());
  app.use(`/${API_PREFIX}`, noStore);
  app.useBodyParser('json');
  // A form nested deeper than the limit is refused by qs itself (answered like a JSON body);
  // body-parser 2 takes `depth` (qs counts the levels below the body), its typings do not know it.
  const form = { extended: true, depth: MAX_BODY_DEPTH - 1 };
  app.useBodyParser('urlencoded', form);
  app.use(limitBodyDepth);
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.ALL }] });
  app.useGlobalPipes(new RejectUnstorableTextPipe(), createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kinerja API')
      .setDescription(
        'SAKIP: Perjanjian Kinerja, realisasi bulanan, capaian dan Laporan Kinerja. ' +
          'Every error is `{ code, message, details }` with a stable code; messages are in Bahasa Indonesia. ' +
          'Authenticate with `POST /api/v1/auth/login` and send `Authorization: Bearer <accessToken>`.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
}

function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
