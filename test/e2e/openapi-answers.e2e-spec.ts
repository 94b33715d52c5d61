import { NOTIFICATION_KINDS } from '@kinerja/jobs';
import { OpenApi, problemsOf, Schema } from '../support/openapi-schema';
import { createTestApp, TestApp } from '../support/test-app';
import { Answer, AnswerLog, driveJember } from './openapi-answers.fixture';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

interface Operation {
  method: string;
  path: string;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }>; headers?: Record<string, unknown> }>;
  security?: Array<Record<string, string[]>>;
}

function operationsOf(doc: OpenApi): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((method) => ({ ...item[method], method, path })));
}

const name = (op: { method: string; path: string }) => `${op.method.toUpperCase()} ${op.path}`;

/**
 * Clients generated from `/api/docs-json` read the answers by the document alone. Real answers of
 * a whole office's year (every step of the PK and of a monthly report, uploads, the audit workbench,
 * notifications, the public routes and the usual refusals) are checked against the schema of the
 * status they came with, as closed objects: a field the document does not name is a failure.
 */
describe('the OpenAPI document against the answers it describes', () => {
  let t: TestApp;
  let doc: OpenApi;
  let answers: Answer[];
  let operations: Operation[];

  beforeAll(async () => {
    t = await createTestApp();
    const log = new AnswerLog(t);
    await driveJember(t, log);
    answers = log.answers;
    doc = (await t.http.get('/api/docs-json')).body as OpenApi;
    operations = operationsOf(doc);
  });

  afterAll(() => t?.close());

  it('documents the status of every answer, with a schema its body fits field for field', () => {
    const problems = answers.flatMap((a) => {
      const at = `${a.method.toUpperCase()} ${a.template} ${a.status}`;
      const documented = doc.paths[a.template]?.[a.method]?.responses?.[String(a.status)];
      if (!documented) return [`${at}: status not documented`];
      const schema = documented.content?.['application/json']?.schema as Schema | undefined;
      if (!schema) return [`${at}: no schema for its JSON body`];
      return problemsOf(doc, a.body, schema).map((p) => `${at}: ${p}`);
    });
    expect([...new Set(problems)]).toEqual([]);
    // The flow reached what it was meant to: notices of several kinds, a withdrawn PK Perubahan, a warning, an alert closed.
    const bodies = (method: string, template: string) => answers.filter((a) => a.method === method && a.template === template && a.status < 300).map((a) => a.body as any);
    expect(bodies('get', '/api/v1/me/notifications').flatMap((b) => b.items.map((n: { kind: string }) => n.kind)).sort()).toEqual(['BEFORE_DEADLINE', 'LKJ_PRODUCED', 'PK_APPROVED']);
    expect(bodies('get', '/api/v1/satker/{satker}/pk/{year}/versions')[0].versions.map((v: any) => [v.status, v.withdrawal?.reason ?? null]))
      .toEqual([['APPROVED', null], ['WITHDRAWN', 'Dibuka karena keliru.']]);
    expect(bodies('post', '/api/v1/satker/{satker}/realisasi/{year}/{month}/{subbagian}/submit')[1].warnings[0].code).toBe('REALISASI.VALUE_FAR_ABOVE_TARGET');
    expect(bodies('post', '/api/v1/satker/{satker}/audit/alerts/{alertId}/resolve')[0].alert.resolvedByUser.role).toBe('INSPEKTORAT');
  });

  it('documents the ETag header wherever an answer carries a version in it', () => {
    // `"3"` (a command's answer, a read of a versioned resource) or W/"3.<hash>" (a view whose lock state moves without its version);
    // not the weak ETag Express gives any other body.
    const version = /^(W\/)?"\d+(\.[0-9a-f]{16})?"$/;
    const undocumented = answers
      .filter((a) => a.status < 300 && version.test(a.headers.etag ?? ''))
      .filter((a) => !doc.paths[a.template][a.method].responses[String(a.status)].headers?.ETag)
      .map((a) => `${a.method.toUpperCase()} ${a.template} ${a.status}`);
    expect([...new Set(undocumented)]).toEqual([]);
  });

  it('gives every operation a success answer with a typed schema, not an example alone', () => {
    const untyped = operations.flatMap((op) => {
      const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) return [`${name(op)}: no success answer`];
      return success.flatMap(([status, r]) => {
        const schema = r.content?.['application/json']?.schema;
        if (r.content && !r.content['application/json']) return [];
        if (status === '204') return r.content ? [`${name(op)} 204 with content`] : [];
        return schema && (schema.$ref || schema.type || schema.allOf || schema.oneOf) ? [] : [`${name(op)} ${status}: ${schema ? 'example only' : 'no content'}`];
      });
    });
    expect(untyped).toEqual([]);
    // The published examples fit their schemas too.
    const examples = operations.flatMap((op) => Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status)).flatMap(([status, r]) => {
      const content = r.content?.['application/json'] as { schema?: Schema; example?: unknown } | undefined;
      if (!content?.schema || content.example === undefined) return [];
      return problemsOf(doc, content.example, content.schema).map((p) => `${name(op)} ${status} example: ${p}`);
    }));
    expect(examples).toEqual([]);
    const references = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect([...new Set(references)].filter((schema) => !doc.components.schemas[schema])).toEqual([]);
  });

  it('documents the refusals every operation of its kind may give', () => {
    const missing = operations.flatMap((op) => {
      const has = (status: number) => op.responses[String(status)] !== undefined;
      return [
        ...(op.path.startsWith('/api/v1/satker/{satker}') && !has(404) ? [`${name(op)}: 404 SATKER.NOT_FOUND`] : []),
        // Any route refuses a query parameter it does not list.
        ...(!has(400) ? [`${name(op)}: 400 VALIDATION.FAILED`] : []),
        ...(op.requestBody && !has(415) ? [`${name(op)}: 415 REQUEST.UNSUPPORTED_MEDIA_TYPE`] : []),
        ...(has(401) && !op.responses['401'].headers?.['WWW-Authenticate'] ? [`${name(op)}: WWW-Authenticate on 401`] : []),
        // Every refusal is `{ code, message, details }`; /health answers its own shape when degraded.
        ...Object.entries(op.responses).filter(([status]) => Number(status) >= 400 && op.path !== '/health')
          .filter(([, r]) => (r.content?.['application/json']?.schema as Schema | undefined)?.$ref !== '#/components/schemas/ErrorBody')
          .map(([status]) => `${name(op)}: ${status} not an ErrorBody`),
      ];
    });
    expect(missing).toEqual([]);
  });

  it('asks a bearer token of every operation but the public ones, which say they need none', () => {
    const open = operations.filter((op) => !op.security?.some((s) => 'bearer' in s));
    expect(open.map((op) => [name(op), op.security])).toEqual([
      ['GET /health', []], ['POST /api/v1/auth/login', []], ['GET /api/v1/audit/public-key', []], ['GET /api/v1/audit/public-keys', []],
    ]);
  });

  it('types every expected version as a whole number, and a notification\'s kind as every kind the code sends', () => {
    const versions = Object.entries(doc.components.schemas).filter(([, s]) => s.properties?.expectedVersion).map(([n, s]) => [n, s.properties!.expectedVersion.type]);
    expect(versions.length).toBeGreaterThan(5);
    expect(versions.filter(([, type]) => type !== 'integer')).toEqual([]);
    expect(doc.components.schemas.NotificationDto.properties!.kind.enum).toEqual([...NOTIFICATION_KINDS]);
  });
});
