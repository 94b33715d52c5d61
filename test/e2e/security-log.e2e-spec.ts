import { createTestApp, TestApp } from '../support/test-app';

/**
 * The operators' security log: every sign-in and every refusal, with the name tried and the
 * client's address, so that guessing shows up in the log system (never the password tried).
 */
describe('the security log of sign-ins', () => {
  let t: TestApp;
  const lines: Array<Record<string, any>> = [];
  const auth = () => lines.filter((l) => l.context === 'Auth');

  beforeAll(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: 'info', LOGIN_RATE_PER_MINUTE: '2' }, logLines: lines });
  });

  afterAll(() => t?.close());

  it('logs a sign-in at info, a wrong password at info and the rate limit at warn, with name and address, never the password', async () => {
    const login = (username: string, password: string, address: string) =>
      t.http.post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ username, password });
    expect((await login(t.config.ADMIN_USERNAME, t.config.ADMIN_PASSWORD!, '198.51.100.7')).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await login('budi', `sandi-salah-${i}`, '198.51.100.9')).status).toBe(401);
    expect((await login('budi', 'sandi-salah-2', '198.51.100.9')).status).toBe(429);

    expect(auth().map((l) => [l.level, l.event, l.code ?? null, l.username, l.address])).toEqual([
      [30, 'auth.login', null, t.config.ADMIN_USERNAME, '198.51.100.7'],
      [30, 'auth.login_refused', 'AUTH.INVALID_CREDENTIALS', 'budi', '198.51.100.9'],
      [30, 'auth.login_refused', 'AUTH.INVALID_CREDENTIALS', 'budi', '198.51.100.9'],
      [40, 'auth.login_refused', 'AUTH.RATE_LIMITED', 'budi', '198.51.100.9'],
    ]);
    expect(auth()[0]).toMatchObject({ msg: 'Signed in', satker: t.config.ROOT_SATKER_CODE, userId: expect.any(String) });
    expect(JSON.stringify(lines)).not.toMatch(/sandi-salah|admin-password-for-tests/);
  });
});
