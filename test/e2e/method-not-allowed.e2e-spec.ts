import { createTestApp, TestApp } from '../support/test-app';
import { loginFirstAdmin } from '../support/identity-fixtures';

/**
 * A path the API has, asked with a method it does not take, is 405 with `Allow` (RFC 9110
 * §15.5.6), not the 404 that would tell a client integrator the path is wrong. The methods come
 * from the router's own routes. Answered before authentication, as the 404 was.
 */
describe('a method a known path does not take', () => {
  let t: TestApp;
  let token: string;
  const as = () => ({ Authorization: `Bearer ${token}` });
  type Method = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';
  const send = (method: Method, path: string) => t.http[method](path);

  beforeAll(async () => {
    t = await createTestApp();
    token = await loginFirstAdmin(t);
  });
  afterAll(() => t?.close());

  describe('given a route with path parameters or a static one', () => {
    it.each([
      ['DELETE', '/api/v1/satker/kpu-kab-jember/pk/2024', 'GET, HEAD, POST'],
      ['PATCH', '/api/v1/satker/kpu-kab-jember/pk/2024', 'GET, HEAD, POST'],
      ['DELETE', '/api/v1/satker/kpu-kab-jember', 'GET, HEAD, PATCH'],
      ['PUT', '/api/v1/satker/kpu-kab-jember/pk/2024/submit', 'POST'],
      ['PATCH', '/api/v1/satker', 'GET, HEAD, POST'],
      ['DELETE', '/api/v1/satker', 'GET, HEAD, POST'],
      ['GET', '/api/v1/auth/login', 'POST'],
      ['HEAD', '/api/v1/auth/login', 'POST'],
      ['OPTIONS', '/api/v1/satker', 'GET, HEAD, POST'],
      ['POST', '/health', 'GET, HEAD'],
      ['DELETE', '/api/docs-json', 'GET, HEAD'],
    ] as const)('when %s %s is sent, then it is 405 with Allow: %s', async (method, path, allow) => {
      const response = await send(method.toLowerCase() as Method, path).set(as());
      expect({ status: response.status, allow: response.headers.allow }).toEqual({ status: 405, allow });
      if (method === 'HEAD') return;
      expect({ type: response.type, body: response.body }).toEqual({
        type: 'application/json',
        body: {
          code: 'REQUEST.METHOD_NOT_ALLOWED',
          message: `Metode ${method} tidak didukung untuk alamat ini; alamat ini hanya menerima ${allow}.`,
          details: { method, allowedMethods: allow.split(', ') },
        },
      });
    });

    it('when the method is wrong and no token is sent, then it is still 405, not 401', async () => {
      const response = await t.http.delete('/api/v1/satker/kpu-kab-jember/pk/2024');
      expect({ status: response.status, code: response.body.code, allow: response.headers.allow })
        .toEqual({ status: 405, code: 'REQUEST.METHOD_NOT_ALLOWED', allow: 'GET, HEAD, POST' });
    });

    it('when the path has a trailing slash or another case, then it is matched as Express matches it', async () => {
      const response = await t.http.delete('/api/v1/Satker/kpu-kab-jember/PK/2024/').set(as());
      expect({ status: response.status, allow: response.headers.allow }).toEqual({ status: 405, allow: 'GET, HEAD, POST' });
    });
  });

  describe('given a method the path takes', () => {
    it('when HEAD is sent on a GET route, then Express answers it as a GET without a body, not 405', async () => {
      const get = await t.http.get('/api/v1/satker').set(as());
      const head = await t.http.head('/api/v1/satker').set(as());
      expect({ status: head.status, allow: head.headers.allow, body: head.text }).toEqual({ status: get.status, allow: undefined, body: undefined });
      expect(get.status).toBe(200);
    });

    it('when a GET route answers not found itself, then it stays its own 404', async () => {
      const response = await t.http.get('/api/v1/satker/tidak-ada').set(as());
      expect({ status: response.status, code: response.body.code, allow: response.headers.allow })
        .toEqual({ status: 404, code: 'SATKER.NOT_FOUND', allow: undefined });
    });
  });

  describe('given a path no route takes', () => {
    it.each([
      ['DELETE', '/api/v1/tidak-ada'],
      ['GET', '/api/v1/satker/kpu-kab-jember/pk/2024/tidak-ada'],
      ['OPTIONS', '/api/v1/tidak-ada'],
      ['DELETE', '//api/v1/satker'],
      ['POST', '/tidak-ada'],
    ] as const)('when %s %s is sent, then it is 404 ROUTE.NOT_FOUND as before', async (method, path) => {
      const response = await send(method.toLowerCase() as Method, path).set(as());
      expect({ status: response.status, allow: response.headers.allow, body: response.body }).toEqual({
        status: 404,
        allow: undefined,
        body: { code: 'ROUTE.NOT_FOUND', message: 'Alamat yang diminta tidak ditemukan.', details: {} },
      });
    });
  });
});
