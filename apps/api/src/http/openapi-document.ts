import type { INestApplication } from '@nestjs/common';
import { ApiExtension, DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { constraintNameOf, type ValidationMetadata } from './constraint-messages';
import { AUTH_REALM } from './error-response';
import { ErrorBody } from './error-body';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Responses = Operation['responses'];
type Schema = { type?: string; items?: Schema; properties?: Record<string, Schema> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Marks a route whose success answer carries `ETag: "<version>"` (set by `answer` or `withEtag`). */
const VERSION_ETAG = 'x-kinerja-version-etag';

/**
 * The route answers the resource's version in `ETag` (a command's `answer`, a read's `withEtag`):
 * documented on its success answers. `@CommandHeaders()` gives it to every command.
 */
export const VersionEtag = () => ApiExtension(VERSION_ETAG, true);

const ETAG_HEADER = {
  description: 'Versi sumber daya, mis. `"3"`: kirim kembali dalam `If-Match` (atau `expectedVersion`) pada perintah berikutnya; versi usang → 409.',
  schema: { type: 'string', example: '"3"' },
};

const CHALLENGE_HEADER = {
  description: `Tantangan RFC 6750: \`Bearer realm="${AUTH_REALM}"\`, ditambah \`error="invalid_token"\` bila token dikirim tetapi tidak sah, kedaluwarsa atau dicabut.`,
  schema: { type: 'string', example: `Bearer realm="${AUTH_REALM}", error="invalid_token"` },
};

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBody) } } } });

const SATKER_NOT_FOUND = 'SATKER.NOT_FOUND: satker tidak ada atau di luar cakupan Anda (jawabannya sama).';
const VALIDATION_FAILED =
  'VALIDATION.FAILED: parameter query yang tidak dikenal rute ini, atau parameter alamat, query atau isi permintaan yang tidak dapat dibaca '
  + '(tipe salah, di luar batas, field yang tidak dikenal); `details.fields`: `[{ field, constraint, message }]`.';
const unsupportedMediaType = (accepted: string[]) =>
  `REQUEST.UNSUPPORTED_MEDIA_TYPE: isi permintaan bukan ${accepted.join(' atau ')} (\`details.accepted\`).`;

/**
 * Kinerja's OpenAPI document (`/api/docs-json`): what the decorators say, completed by the rules
 * that hold for every route of a kind, so that no route can miss them:
 * - a route under `/satker/{satker}` may answer 404 SATKER.NOT_FOUND;
 * - every route may answer 400 VALIDATION.FAILED (a query parameter it does not list is refused: UndeclaredQueryGuard);
 * - a route with a body may answer 415 for another media type;
 * - a 401 carries `WWW-Authenticate`; a route marked `VersionEtag` answers `ETag`;
 * - a public route (`@Public()`: no `@Roles`, hence no bearer requirement of its own) asks for no token;
 * - a request field a DTO checks with `@IsInt()` is an integer, not a number.
 */
export function createOpenApiDocument(app: INestApplication, description: string): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kinerja API')
      .setDescription(description)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addSecurityRequirements('bearer')
      .build(),
  );
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) completeOperation(path, operation);
    }
  }
  integersOfValidatedFields(document);
  return document;
}

function completeOperation(path: string, operation: Operation & { [VERSION_ETAG]?: boolean }): void {
  const responses = operation.responses;
  const add = (status: string, response: ReturnType<typeof error>) => {
    responses[status] ??= response;
  };
  if (path.startsWith('/api/v1/satker/{satker}')) {
    const notFound = responses['404'] as { description?: string } | undefined;
    if (notFound && !notFound.description?.includes('SATKER.NOT_FOUND')) notFound.description = `${notFound.description ?? ''} ${SATKER_NOT_FOUND}`.trim();
    add('404', error(SATKER_NOT_FOUND));
  }
  const body = operation.requestBody && 'content' in operation.requestBody ? Object.keys(operation.requestBody.content) : null;
  add('400', error(VALIDATION_FAILED));
  if (body) add('415', error(unsupportedMediaType(body)));
  // An error is JSON whatever a route produces when it succeeds (`@ApiProduces` gives every answer its types).
  for (const [status, response] of Object.entries(responses) as Array<[string, { content?: Record<string, { schema?: { $ref?: string } }> }]>) {
    const refusal = Object.values(response.content ?? {}).find((c) => c.schema?.$ref === getSchemaPath(ErrorBody));
    if (Number(status) >= 400 && refusal) response.content = { 'application/json': refusal };
  }
  const unauthorized = responses['401'] as { headers?: Record<string, unknown> } | undefined;
  if (unauthorized) unauthorized.headers = { 'WWW-Authenticate': CHALLENGE_HEADER, ...unauthorized.headers };
  if (operation[VERSION_ETAG]) {
    delete operation[VERSION_ETAG];
    for (const [status, response] of Object.entries(responses) as Array<[string, { content?: unknown; headers?: Record<string, unknown> }]>) {
      if (/^2\d\d$/.test(status) && response.content) response.headers = { ETag: ETAG_HEADER, ...response.headers };
    }
  }
  operation.security ??= [];
}

/**
 * Whole numbers as the DTOs check them: `@IsInt()` makes a field an integer, which the property's
 * TypeScript type (`number`) does not tell the document. Read from the validation rules of every
 * DTO class (with what it inherits) whose schema the document holds under its name.
 */
function integersOfValidatedFields(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const storage = getMetadataStorage();
  const targets = (storage as unknown as { validationMetadatas?: Map<unknown, unknown> }).validationMetadatas;
  const byName = new Map<string, Function[]>();
  for (const target of targets?.keys() ?? []) {
    if (typeof target === 'function' && schemas[target.name]) byName.set(target.name, [...(byName.get(target.name) ?? []), target]);
  }
  for (const [name, [target, ...others]] of byName) {
    // Two classes of one name: which one the schema shows cannot be told.
    if (others.length > 0) continue;
    const rules: ValidationMetadata[] = storage.getTargetValidationMetadatas(target, '', true, false);
    for (const rule of rules.filter((r) => constraintNameOf(r) === 'isInt')) {
      const property = schemas[name].properties?.[rule.propertyName];
      const numbers = rule.each ? property?.items : property;
      if (numbers?.type === 'number') numbers.type = 'integer';
    }
  }
}
