import { ArgumentsHost, Logger } from '@nestjs/common';
import { DomainError } from '@kinerja/domain';
import { StorageError } from '@kinerja/platform';
import { HttpExceptionFilter } from './http-exception.filter';

function fakeHost() {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const response = {
    headersSent: false,
    locals: {} as Record<string, unknown>,
    setHeader: (name: string, value: string | number) => (sent.headers[name] = String(value)),
    removeHeader: (name: string) => delete sent.headers[name],
    status(code: number) {
      sent.status = code;
      return this;
    },
    end: (text: string) => (sent.body = JSON.parse(text)),
  };
  const request = { method: 'POST', originalUrl: '/api/v1/x' };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }) } as unknown as ArgumentsHost;
  return { host, sent, locals: response.locals };
}

describe('the one exception filter', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers an unexpected error with 500 INTERNAL, hides it from the client and logs it with its stack', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { host, sent } = fakeHost();
    const secret = new Error('password authentication failed for user "kinerja" at 10.0.0.5');
    new HttpExceptionFilter().catch(secret, host);
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('10.0.0.5');
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0][0]).toMatchObject({ err: secret, method: 'POST', path: '/api/v1/x' });
  });

  it('answers a refusal without logging it as an error, with Retry-After when the details carry one', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { host, sent, locals } = fakeHost();
    new HttpExceptionFilter().catch(new DomainError('AUTH.RATE_LIMITED', 'Terlalu banyak.', 'unauthenticated', { retryAfterSeconds: 42 }), host);
    expect(sent).toEqual({
      status: 429,
      body: { code: 'AUTH.RATE_LIMITED', message: 'Terlalu banyak.', details: { retryAfterSeconds: 42 } },
      headers: { 'Retry-After': '42', 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': '91' },
    });
    expect(locals).toEqual({ errorCode: 'AUTH.RATE_LIMITED' }); // for the access log
    expect(logged).not.toHaveBeenCalled();
  });

  it('answers a data folder that cannot be written with 503 STORAGE.UNAVAILABLE and Retry-After, telling the operator the path and errno', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { host, sent, locals } = fakeHost();
    const cause = Object.assign(new Error("EPERM: operation not permitted, open '/data/evidence/kpu/ab/.tmp-ab'"), { code: 'EPERM' });
    new HttpExceptionFilter().catch(new StorageError('write', '/data/evidence/kpu/ab/.tmp-ab', 'EPERM', cause), host);
    expect(sent.status).toBe(503);
    expect(sent.headers['Retry-After']).toBe('30');
    expect(sent.body).toEqual({
      code: 'STORAGE.UNAVAILABLE',
      message: 'Penyimpanan berkas sedang tidak dapat ditulis, sehingga berkas tidak disimpan; coba lagi nanti atau hubungi Admin.',
      details: { operation: 'write', errno: 'EPERM', retryAfterSeconds: 30 },
    });
    expect(JSON.stringify(sent.body)).not.toContain('/data');
    expect(locals).toEqual({ errorCode: 'STORAGE.UNAVAILABLE' });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0][0]).toMatchObject({
      code: 'STORAGE.UNAVAILABLE', operation: 'write', errno: 'EPERM', storagePath: '/data/evidence/kpu/ab/.tmp-ab', method: 'POST', path: '/api/v1/x',
    });
  });

  it('answers a full data folder with 507 STORAGE.FULL, without Retry-After: only freeing space helps', () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { host, sent } = fakeHost();
    new HttpExceptionFilter().catch(new StorageError('write', '/data/evidence/kpu/ab/.tmp-ab', 'ENOSPC'), host);
    expect(sent.status).toBe(507);
    expect(sent.headers).not.toHaveProperty('Retry-After');
    expect(sent.body).toMatchObject({ code: 'STORAGE.FULL', details: { operation: 'write', errno: 'ENOSPC' } });
  });

  it('answers without an ETag, also one a controller set before the error: elsewhere an ETag is a version, for If-Match', () => {
    const { host, sent } = fakeHost();
    sent.headers.ETag = '"7"';
    new HttpExceptionFilter().catch(new DomainError('REALISASI.NOT_FOUND', 'Laporan realisasi tidak ditemukan.', 'not_found'), host);
    expect(sent.status).toBe(404);
    expect(sent.headers).not.toHaveProperty('ETag');
  });
});
