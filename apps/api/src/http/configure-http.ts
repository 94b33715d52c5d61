import { INestApplication, RequestMethod, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { HttpExceptionFilter } from './http-exception.filter';
import { RejectNulPipe } from './reject-nul.pipe';
import { requestValidationError } from './validation-errors';

export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';

/** DTO validation for bodies, queries and parameters: unknown fields are refused, values converted. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: requestValidationError,
  });
}

/**
 * The HTTP conventions of Kinerja, installed once on the application (by the entry points and by
 * the test app alike): `/api/v1` prefix (health stays at `/health`), validation, the one error
 * filter, and the OpenAPI document at `/api/docs` (JSON at `/api/docs-json`).
 */
export function configureHttp(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.ALL }] });
  app.useGlobalPipes(new RejectNulPipe(), createValidationPipe());
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
