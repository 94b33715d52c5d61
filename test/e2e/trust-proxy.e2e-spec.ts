import { createTestApp, TestApp } from '../support/test-app';

/**
 * The login rate limit counts failures per client address. Which proxy may say that address
 * (X-Forwarded-For) is TRUST_PROXY: a client cannot dodge the limit by writing the header itself
 * when its connection does not come from a trusted proxy.
 */
describe('TRUST_PROXY decides whose X-Forwarded-For names the client', () => {
  const failures = async (t: TestApp, count: number) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) {
      const response = await t.http.post('/api/v1/auth/login').set('X-Forwarded-For', `203.0.113.${i + 1}`).send({ username: `tebak.${i}`, password: 'tebakan-saja' });
      statuses.push(response.status);
    }
    return statuses;
  };

  it('with a proxy subnet that does not include the caller, the header is ignored and one address is limited', async () => {
    const t = await createTestApp({ env: { TRUST_PROXY: '10.0.0.0/8, 192.168.0.0/16', LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      expect(t.config.trustProxy).toEqual(['10.0.0.0/8', '192.168.0.0/16']);
      expect(await failures(t, 4)).toEqual([401, 401, 401, 429]);
    } finally {
      await t.close();
    }
  });

  it('with the default (a proxy on the same host), each forwarded address is counted on its own', async () => {
    const t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      expect(t.config.TRUST_PROXY).toBe('loopback');
      expect(await failures(t, 4)).toEqual([401, 401, 401, 401]);
    } finally {
      await t.close();
    }
  });
});
