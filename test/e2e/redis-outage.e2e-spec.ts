import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrivateRedis, startPrivateRedis } from '@kinerja/platform';
import { freePort, waitFor } from '../support/processes';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens } from './workflow/jember-office.fixture';

/**
 * Redis goes away under a running API and comes back. Logins cannot be counted against guessing
 * then, so they are refused at once with 503 (not left hanging on a client that queues commands);
 * people already signed in keep working; once Redis is back, logins work again by themselves.
 */
describe('the API while Redis is out of reach', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-redis-outage-'));
  let redis: PrivateRedis | undefined;
  let url: string;
  let t: TestApp;
  let tokens: JemberTokens;

  beforeAll(async () => {
    url = `redis://127.0.0.1:${await freePort()}`;
    redis = await startPrivateRedis(url, dataDir);
    t = await createTestApp({ redisUrl: url, env: { DATA_DIR: dataDir } });
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024);
  });
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses logins with 503 AUTH.LOGIN_UNAVAILABLE while it is gone, keeps sessions and commands, and recovers', async () => {
    const token = tokens.sekretaris;
    const credentials = { username: t.config.ADMIN_USERNAME, password: t.config.ADMIN_PASSWORD };

    await redis!.stop();
    redis = undefined;
    for (const password of [credentials.password, 'a-wrong-password']) {
      const refused = await t.http.post('/api/v1/auth/login').send({ ...credentials, password });
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.body).toMatchObject({ code: 'AUTH.LOGIN_UNAVAILABLE', message: expect.stringMatching(/Layanan masuk sedang terganggu/) });
    }
    await t.http.get(`/api/v1/satker/${JEMBER}`).set({ Authorization: `Bearer ${token}` }).expect(200);
    // A command whose job cannot be queued now is still accepted: it is recorded in PostgreSQL,
    // and the worker's reconciliation queues it once Redis is back.
    const lkj = await t.http.post(`/api/v1/satker/${JEMBER}/lkj/2024?draft=true`).set({ Authorization: `Bearer ${token}` }).send({});
    expect(lkj.status).toBe(202);
    expect(lkj.body).toMatchObject({ version: 1, status: 'pending' });
    const health = await t.http.get('/health');
    // The workers' beats are kept in Redis: their number is unknown then, not null and not NONE.
    expect(health.body).toMatchObject({
      status: 'degraded', redis: { status: 'down' },
      workers: { status: 'UNKNOWN', alive: null, lastBeatSecondsAgo: null, message: expect.stringMatching(/^Jumlah worker tidak dapat diketahui/) },
    });

    redis = await startPrivateRedis(url, dataDir);
    const again = await waitFor(async () => {
      const response = await t.http.post('/api/v1/auth/login').send(credentials);
      return response.status === 200 ? response : undefined;
    }, 30_000, () => 'login did not work again after Redis came back');
    expect(again.body.accessToken).toEqual(expect.any(String));
  }, 60_000);
});
