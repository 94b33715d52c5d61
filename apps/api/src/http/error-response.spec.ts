import { BadRequestException, HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { DomainError } from '@kinerja/domain';
import { AppendOutcomeUnknownError, ConcurrencyError } from '@kinerja/event-store';
import { toErrorResponse } from './error-response';

describe('anything thrown, as the answer a client gets', () => {
  it.each([
    ['validation', 422],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['unavailable', 503],
  ] as const)('given a DomainError of kind %s, then the status is %i and the body is its code, message and details', (kind, status) => {
    const answer = toErrorResponse(new DomainError('X.Y', 'Pesan.', kind, { a: 1 }));
    const headers = status === 401 ? { 'WWW-Authenticate': 'Bearer realm="kinerja"' } : {};
    expect(answer).toEqual({ status, body: { code: 'X.Y', message: 'Pesan.', details: { a: 1 } }, headers, unexpected: false });
  });

  it('given any 401, then a Bearer challenge (RFC 6750), with error="invalid_token" only for a token sent and refused', () => {
    const challenge = (code: string) => toErrorResponse(new DomainError(code, 'x', 'unauthenticated')).headers['WWW-Authenticate'];
    expect(['AUTH.UNAUTHENTICATED', 'AUTH.INVALID_CREDENTIALS'].map(challenge)).toEqual(['Bearer realm="kinerja"', 'Bearer realm="kinerja"']);
    expect(['AUTH.TOKEN_INVALID', 'AUTH.TOKEN_EXPIRED', 'AUTH.TOKEN_REVOKED'].map(challenge)).toEqual(Array(3).fill('Bearer realm="kinerja", error="invalid_token"'));
    expect(toErrorResponse(new HttpException('x', 401)).headers).toEqual({ 'WWW-Authenticate': 'Bearer realm="kinerja"' });
    // A lockout or a rate limit is not a 401 and asks for no credentials.
    expect(toErrorResponse(new DomainError('AUTH.LOCKED', 'x', 'unauthenticated', { retryAfterSeconds: 5 })).headers).toEqual({ 'Retry-After': '5' });
  });

  it('given malformed input (VALIDATION.FAILED), then 400 rather than the 422 of a broken rule', () => {
    expect(toErrorResponse(new DomainError('VALIDATION.FAILED', 'x', 'validation')).status).toBe(400);
  });

  it('given a pagination cursor Kinerja did not issue (AUDIT.INVALID_CURSOR), then 400: a malformed request, not a broken rule', () => {
    expect(toErrorResponse(new DomainError('AUDIT.INVALID_CURSOR', 'x', 'validation')).status).toBe(400);
    expect(toErrorResponse(new DomainError('AUDIT.REASON_REQUIRED', 'x', 'validation')).status).toBe(422);
  });

  it('given a lockout or a rate limit, then 423 or 429 with Retry-After from the details', () => {
    const locked = toErrorResponse(new DomainError('AUTH.LOCKED', 'x', 'unauthenticated', { retryAfterSeconds: 899.2 }));
    expect([locked.status, locked.headers]).toEqual([423, { 'Retry-After': '900' }]);
    expect(toErrorResponse(new DomainError('AUTH.RATE_LIMITED', 'x', 'unauthenticated', { retryAfterSeconds: 30 })).status).toBe(429);
  });

  it.each([
    ['EVIDENCE.TOO_LARGE', 413],
    ['CAPAIAN_TAHUN_LALU.FILE_TOO_LARGE', 413],
    ['EVIDENCE.TYPE_NOT_ALLOWED', 415],
    ['EVIDENCE.MALFORMED_UPLOAD', 400],
    ['CAPAIAN_TAHUN_LALU.MALFORMED_UPLOAD', 400],
    ['REQUEST.UNSUPPORTED_MEDIA_TYPE', 415],
  ])('given the refusal %s of what was sent, then %i, whichever route it comes from', (code, status) => {
    expect(toErrorResponse(new DomainError(code, 'x', 'validation')).status).toBe(status);
  });

  it('given the event store’s stale-writer error, then 409 EVENT_STORE.CONCURRENCY with the versions', () => {
    const answer = toErrorResponse(new ConcurrencyError('pk:kpu-kab-jember:2024', 3, 4));
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'EVENT_STORE.CONCURRENCY', details: { expectedVersion: 3, actualVersion: 4 } });
  });

  it('given an error that only carries the concurrency code, then 409 as well', () => {
    const error = Object.assign(new Error('stale'), { code: 'EVENT_STORE.CONCURRENCY' });
    expect(toErrorResponse(error).status).toBe(409);
  });

  it('given Nest’s own exceptions, then the same shape with a stable code', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /x')).body).toEqual({
      code: 'ROUTE.NOT_FOUND',
      message: 'Alamat yang diminta tidak ditemukan.',
      details: {},
    });
    expect(toErrorResponse(new PayloadTooLargeException()).body.code).toBe('REQUEST.TOO_LARGE');
    expect(toErrorResponse(new BadRequestException('x', { cause: new SyntaxError('Unexpected token') })).body.code).toBe('REQUEST.MALFORMED');
    expect(toErrorResponse(new HttpException('teapot', 418)).body.code).toBe('HTTP.418');
  });

  it('given a body the JSON parser will not read (charset=latin1), then 415 REQUEST.UNSUPPORTED_MEDIA_TYPE saying what to send', () => {
    const charset = Object.assign(new Error('unsupported charset "LATIN1"'), { status: 415, type: 'charset.unsupported' });
    expect(toErrorResponse(new HttpException('unsupported charset "LATIN1"', 415, { cause: charset }))).toEqual({
      status: 415,
      body: { code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('application/json'), details: {} },
      headers: {},
      unexpected: false,
    });
  });

  it('given anything unexpected, then 500 INTERNAL that leaks nothing but the correlation id, and is flagged for the log', () => {
    const answer = toErrorResponse(new TypeError('Cannot read properties of undefined (reading "password_hash")'), 'corr-123');
    expect(answer).toEqual({
      status: 500,
      body: {
        code: 'INTERNAL',
        message: 'Terjadi kesalahan pada server. Silakan coba lagi atau hubungi administrator.',
        details: { correlationId: 'corr-123' },
      },
      headers: {},
      unexpected: true,
    });
    expect(toErrorResponse(new HttpException('db down at 10.0.0.5', 503)).body.code).toBe('INTERNAL');
    expect(toErrorResponse('a string').status).toBe(500);
  });

  it('given an append whose outcome is unknown, then 503 EVENT_STORE.OUTCOME_UNKNOWN telling the person how to retry safely', () => {
    const answer = toErrorResponse(new AppendOutcomeUnknownError('realisasi:kpu-kab-jember:2024:3:PDI', new Error('Connection terminated unexpectedly')));
    expect(answer).toMatchObject({ status: 503, headers: { 'Retry-After': '5' }, unexpected: false });
    expect(answer.body.code).toBe('EVENT_STORE.OUTCOME_UNKNOWN');
    expect(answer.body.message).toMatch(/Idempotency-Key yang sama/);
    expect(JSON.stringify(answer.body)).not.toMatch(/Connection terminated/); // the cause is for the log only
  });

  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a pool that found no connection in time', new Error('timeout exceeded when trying to connect')],
    ['a connection dropped under the query', new Error('Connection terminated unexpectedly')],
    ['the server shutting down (TypeORM-wrapped)', Object.assign(new Error('terminating connection due to administrator command'), { driverError: { code: '57P01' } })],
    ['too many connections', Object.assign(new Error('too many connections for database "kinerja"'), { code: '53300' })],
  ])('given %s, then 503 DATABASE.UNAVAILABLE with Retry-After, not a 500', (_what, error) => {
    const answer = toErrorResponse(error, 'corr-9');
    expect(answer).toEqual({
      status: 503,
      body: {
        code: 'DATABASE.UNAVAILABLE',
        message: 'Basis data Kinerja sedang tidak dapat dijangkau. Coba lagi beberapa saat lagi; bila masalah berlanjut, hubungi administrator.',
        details: { correlationId: 'corr-9' },
      },
      headers: { 'Retry-After': '5' },
      unexpected: false,
    });
  });

  it('given a database error that is about the query, not the connection, then still 500 INTERNAL', () => {
    const answer = toErrorResponse(Object.assign(new Error('column "x" does not exist'), { driverError: { code: '42703', severity: 'ERROR' } }));
    expect(answer.status).toBe(500);
  });
});
