import { loginFirstAdmin } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Signing out ends every session of the caller (a token left on a shared computer at the office, a
 * lost telephone): each token issued so far stops working at once, and the security log says so.
 */
describe('POST /api/v1/auth/logout', () => {
  let t: TestApp;
  const lines: Array<Record<string, any>> = [];

  beforeAll(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: 'info' }, logLines: lines });
  });

  afterAll(() => t?.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('ends every session of the caller: both of their tokens answer 401 AUTH.TOKEN_REVOKED afterwards; signing in again works', async () => {
    const office = await loginFirstAdmin(t);
    const laptop = await loginFirstAdmin(t);
    expect((await t.http.get('/api/v1/auth/me').set(as(laptop))).status).toBe(200);

    const out = await t.http.post('/api/v1/auth/logout').set(as(office));
    expect(out.status).toBe(204);

    for (const token of [office, laptop]) {
      const refused = await t.http.get('/api/v1/auth/me').set(as(token));
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 401, code: 'AUTH.TOKEN_REVOKED' });
    }
    const again = await t.http.post('/api/v1/auth/logout').set(as(office));
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 401, code: 'AUTH.TOKEN_REVOKED' });

    const fresh = await loginFirstAdmin(t);
    expect((await t.http.get('/api/v1/auth/me').set(as(fresh))).status).toBe(200);
    expect(lines.filter((l) => l.event === 'auth.logout')).toEqual([
      expect.objectContaining({ context: 'Auth', level: 30, username: t.config.ADMIN_USERNAME, userId: expect.any(String), satker: t.config.ROOT_SATKER_CODE }),
    ]);
  });

  it('is refused without a token (401), and changes nothing', async () => {
    const token = await loginFirstAdmin(t);
    const anonymous = await t.http.post('/api/v1/auth/logout');
    expect({ status: anonymous.status, code: anonymous.body.code }).toEqual({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
    expect((await t.http.get('/api/v1/auth/me').set(as(token))).status).toBe(200);
  });
});
