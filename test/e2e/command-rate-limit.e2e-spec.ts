import { randomUUID } from 'node:crypto';
import { DEFAULT_RATING_SCALE } from '@kinerja/domain';
import { evidencePdf } from '@kinerja/workflow/evidence/evidence-files.testing';
import { createTestApp, TestApp } from '../support/test-app';
import { FIXTURE_PASSWORD, login, loginFirstAdmin } from '../support/identity-fixtures';

/**
 * Commands per account (CommandRateGuard) through HTTP with the real Redis: a burst of 4, then one
 * command per 2 seconds, so that the wait is short and no command of the burst is let through by
 * time passing (the burst takes well under the 2 seconds).
 */
const BURST = 4;
const INTERVAL_MS = 2000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const OFFICE = 'kpu-kab-ratelimit';

describe('commands per account', () => {
  let t: TestApp;
  let admin: string;
  let other: { id: string; token: string };
  let sekretaris: string;

  const events = async (): Promise<number> => Number((await t.db.dataSource.query(`SELECT count(*) AS n FROM events`))[0].n);
  const rename = (token: string, fullName: string, key?: string) => {
    const r = t.http.patch(`/api/v1/satker/${OFFICE}/users/${other.id}`).set('Authorization', `Bearer ${token}`);
    return (key ? r.set('Idempotency-Key', key) : r).send({ fullName });
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { COMMAND_RATE_BURST: String(BURST), COMMAND_RATE_PER_WINDOW: '1', COMMAND_RATE_WINDOW_SECONDS: String(INTERVAL_MS / 1000) } });
    admin = await loginFirstAdmin(t);
    const auth = { Authorization: `Bearer ${admin}` };
    await t.http.post('/api/v1/satker').set(auth).send({ code: OFFICE, name: 'KPU Kabupaten Batas', parentCode: t.config.ROOT_SATKER_CODE }).expect(201);
    const created = await t.http.post(`/api/v1/satker/${OFFICE}/users`).set(auth)
      .send({ username: 'admin.batas', fullName: 'Admin Batas', role: 'ADMIN', password: 'batas-awal-kopi-jahe-1' }).expect(201);
    const signedIn = await t.http.post('/api/v1/auth/login').send({ username: 'admin.batas', password: 'batas-awal-kopi-jahe-1' }).expect(200);
    other = { id: created.body.id, token: signedIn.body.accessToken };
    await t.http.post(`/api/v1/satker/${OFFICE}/users`).set(auth)
      .send({ username: 'sekretaris.batas', fullName: 'Sekretaris Batas', role: 'SEKRETARIS', password: FIXTURE_PASSWORD }).expect(201);
    sekretaris = await login(t, 'sekretaris.batas', FIXTURE_PASSWORD);
    // The three commands above took three of the first administrator's burst: the count starts afresh.
    await sleep(3 * INTERVAL_MS + 200);
  }, 30_000);
  afterAll(() => t?.close());

  it('refuses the command after the burst with 429 RATE_LIMIT.COMMANDS and Retry-After, writing nothing; reads, logins, retries and other accounts go on; after the wait commands go through', async () => {
    for (let i = 0; i < 5; i++) await t.http.get(`/api/v1/satker/${OFFICE}/users`).set('Authorization', `Bearer ${admin}`).expect(200);
    const answeredKey = randomUUID();
    await rename(admin, 'Admin Batas 1', answeredKey).expect(200);
    for (let i = 2; i <= BURST; i++) await rename(admin, `Admin Batas ${i}`).expect(200);

    const before = await events();
    const refusedKey = randomUUID();
    const refused = await rename(admin, 'Admin Batas lebih', refusedKey);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      code: 'RATE_LIMIT.COMMANDS',
      message: expect.stringMatching(/terlalu banyak perintah.*Tunggu \d detik, lalu kirim ulang/),
      details: { burst: BURST, perWindow: 1, windowSeconds: INTERVAL_MS / 1000, retryAfterSeconds: expect.any(Number) },
    });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(INTERVAL_MS / 1000);
    expect(await events()).toBe(before);
    const [{ full_name: name }] = await t.db.dataSource.query(`SELECT full_name FROM users WHERE id = $1`, [other.id]);
    expect(name).toBe(`Admin Batas ${BURST}`);

    // Reads and sign-ins are not commands; a retry of an answered command gets its first answer.
    await t.http.get(`/api/v1/satker/${OFFICE}/users/${other.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    await t.http.post('/api/v1/auth/login').send({ username: t.config.ADMIN_USERNAME, password: t.config.ADMIN_PASSWORD }).expect(200);
    const replay = await rename(admin, 'Admin Batas 1', answeredKey).expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await events()).toBe(before);
    // The used key lets through only that request again: not a new body under it (a new command),
    // nor a command on a route that ignores keys.
    const newBody = await rename(admin, 'Admin Batas diam-diam', answeredKey);
    expect({ status: newBody.status, code: newBody.body.code }).toEqual({ status: 429, code: 'RATE_LIMIT.COMMANDS' });
    const readAll = await t.http.post('/api/v1/me/notifications/read-all').set('Authorization', `Bearer ${admin}`).set('Idempotency-Key', answeredKey);
    expect({ status: readAll.status, code: readAll.body.code }).toEqual({ status: 429, code: 'RATE_LIMIT.COMMANDS' });
    expect(await events()).toBe(before);
    // Another account's commands are counted apart.
    await t.http.post('/api/v1/auth/password').set('Authorization', `Bearer ${other.token}`)
      .send({ currentPassword: 'batas-awal-kopi-jahe-1', newPassword: 'batas-baru-teh-tarik-22' }).expect(204);

    await sleep(retryAfter * 1000);
    // The refused request's key was not used: sent again, it is carried out, not replayed.
    const again = await rename(admin, 'Admin Batas lebih', refusedKey).expect(200);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await events()).toBeGreaterThan(before);
    await rename(admin, 'Admin Batas lagi').expect(429);
  }, 30_000);

  it('over the limit, answers a retry of an event-store command with its first answer, and refuses a new body under its key', async () => {
    await sleep(BURST * INTERVAL_MS + 200); // the burst refilled
    const auth = { Authorization: `Bearer ${admin}` };
    const scale = (label: string, key: string) =>
      t.http.put(`/api/v1/satker/${OFFICE}/rating-scale`).set(auth).set('Idempotency-Key', key).send({ label, rows: DEFAULT_RATING_SCALE.rows });
    const key = randomUUID();
    await scale('skala-batas-1', key).expect(200);
    for (let i = 1; i < BURST; i++) await t.http.post('/api/v1/me/notifications/read-all').set(auth).expect(200);
    const before = await events();
    const replay = await scale('skala-batas-1', key).expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const other = await scale('skala-batas-2', key);
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 429, code: 'RATE_LIMIT.COMMANDS' });
    expect(await events()).toBe(before);
  }, 30_000);

  it('does not count, nor refuse, evidence uploads, which have limits of their own', async () => {
    const auth = { Authorization: `Bearer ${sekretaris}` };
    for (let i = 0; i < BURST; i++) await t.http.post('/api/v1/me/notifications/read-all').set(auth).expect(200);
    await t.http.post('/api/v1/me/notifications/read-all').set(auth).expect(429);
    const upload = await t.http.post(`/api/v1/satker/${OFFICE}/evidence`).set(auth)
      .attach('file', evidencePdf('bukti'), { filename: 'bukti.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(201);
  });
});
