import { Client } from 'pg';
import { createTestApp, TestApp } from '../support/test-app';
import { createOffice, loginFirstAdmin } from '../support/identity-fixtures';

const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The database goes away under a running API (closed to new connections, every session of the
 * API's ended, as a restart or a failover does) and comes back. Meanwhile a person gets a 503 with
 * a stable code, a message in Bahasa Indonesia and Retry-After, never a 500, and the process stays
 * up; afterwards the same requests simply work again.
 */
describe('the API while its database is out of reach', () => {
  let t: TestApp;
  let admin: Client;

  async function cutOff(open: boolean): Promise<void> {
    await admin.query(`ALTER DATABASE ${t.db.name} WITH ALLOW_CONNECTIONS ${open ? 'true' : 'false'}`);
    if (!open) {
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [t.db.name]);
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = new Client({ connectionString: adminUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await cutOff(true).catch(() => undefined);
    await admin.end();
    await t.close();
  });

  it('answers 503 DATABASE.UNAVAILABLE while it is gone, and serves and records again once it is back', async () => {
    const token = await loginFirstAdmin(t);
    const auth = { Authorization: `Bearer ${token}` };
    await t.http.get('/api/v1/satker').set(auth).expect(200);

    await cutOff(false);
    const unavailable = [
      await t.http.get('/api/v1/satker').set(auth),
      await t.http.post('/api/v1/satker').set(auth).send({ code: 'kpu-kab-lumajang', name: 'KPU Kabupaten Lumajang', parentCode: t.config.ROOT_SATKER_CODE }),
      await t.http.post('/api/v1/auth/login').send({ username: t.config.ADMIN_USERNAME, password: t.config.ADMIN_PASSWORD }),
    ];
    for (const response of unavailable) {
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body).toMatchObject({ code: 'DATABASE.UNAVAILABLE', message: expect.stringMatching(/Basis data Kinerja sedang tidak dapat dijangkau/) });
    }
    const health = await t.http.get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ database: { status: 'down' } });

    await cutOff(true);
    await t.http.get('/api/v1/satker').set(auth).expect(200);
    // Nothing of the refused command was written: the same office can be created now, once.
    const office = await createOffice(t, token, { code: 'kpu-kab-lumajang', name: 'KPU Kabupaten Lumajang', parentCode: t.config.ROOT_SATKER_CODE });
    expect(office.users.SEKRETARIS.token).toEqual(expect.any(String));
    const offices = await t.http.get('/api/v1/satker').set(auth).expect(200);
    expect(JSON.stringify(offices.body).match(/kpu-kab-lumajang/g)?.length).toBeGreaterThanOrEqual(1);
  });
});
