import { loginFirstAdmin } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The operators' access log: one line per request, saying who asked what and how it was answered,
 * so that a complaint ("my report vanished at 10:02") can be traced without a debugger. It never
 * carries a query string, a body or a token.
 */
describe('the access log', () => {
  describe('on (the default)', () => {
    let t: TestApp;
    const lines: Array<Record<string, any>> = [];
    const access = () => lines.filter((l) => l.context === 'Access');

    beforeAll(async () => {
      t = await createTestApp({ env: { LOG_LEVEL: 'info' }, logLines: lines });
    });

    afterAll(() => t?.close());

    it('logs each request once with method, path, route, status, time, user and correlation id', async () => {
      const token = await loginFirstAdmin(t);
      const root = t.config.ROOT_SATKER_CODE;
      lines.length = 0;

      const seen = await t.http.get(`/api/v1/satker/${root}`).set('Authorization', `Bearer ${token}`).set('X-Correlation-Id', 'trace-akses-0001');
      expect(seen.status).toBe(200);
      const missing = await t.http.get('/api/v1/satker/tidak-ada-kantor').set('Authorization', `Bearer ${token}`);
      expect(missing.status).toBe(404);
      const anonymous = await t.http.get(`/api/v1/satker/${root}?rahasia=nama-yang-diketik`);
      expect(anonymous.status).toBe(401);
      expect((await t.http.get('/health')).status).toBe(200);

      const logged = access();
      expect(logged.map((l) => [l.method, l.path, l.status, l.code ?? null, l.username ?? null])).toEqual([
        ['GET', `/api/v1/satker/${root}`, 200, null, t.config.ADMIN_USERNAME],
        ['GET', '/api/v1/satker/tidak-ada-kantor', 404, 'SATKER.NOT_FOUND', t.config.ADMIN_USERNAME],
        ['GET', `/api/v1/satker/${root}`, 401, 'AUTH.UNAUTHENTICATED', null],
      ]);
      expect(logged[0]).toMatchObject({
        level: 30,
        event: 'http.request',
        route: '/api/v1/satker/:satker',
        role: 'ADMIN',
        satker: root,
        userId: expect.any(String),
        correlationId: 'trace-akses-0001',
        durationMs: expect.any(Number),
        bytes: Number(seen.headers['content-length']),
      });
      expect(logged[2].correlationId).toBe(anonymous.headers['x-correlation-id']);
      expect(JSON.stringify(logged)).not.toMatch(/rahasia|nama-yang-diketik|Bearer|eyJ/);
    });

    it('a sign-in is logged without its body, beside the security log', async () => {
      lines.length = 0;
      expect((await t.http.post('/api/v1/auth/login').send({ username: 'budi', password: 'sandi-rahasia-1' })).status).toBe(401);
      expect(access()).toEqual([expect.objectContaining({ method: 'POST', path: '/api/v1/auth/login', status: 401, code: 'AUTH.INVALID_CREDENTIALS' })]);
      expect(JSON.stringify(access())).not.toMatch(/sandi-rahasia/);
    });

    it('a body that is not JSON is logged with the code it was refused with', async () => {
      lines.length = 0;
      const broken = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username": ');
      expect(broken.status).toBe(400);
      expect(access()).toEqual([expect.objectContaining({ method: 'POST', status: 400, code: broken.body.code })]);
    });
  });

  it('ACCESS_LOG=false leaves it out', async () => {
    const lines: Array<Record<string, any>> = [];
    const t = await createTestApp({ env: { LOG_LEVEL: 'info', ACCESS_LOG: 'false' }, logLines: lines });
    try {
      expect((await t.http.get(`/api/v1/satker/${t.config.ROOT_SATKER_CODE}`)).status).toBe(401);
      expect(lines.filter((l) => l.context === 'Access')).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
