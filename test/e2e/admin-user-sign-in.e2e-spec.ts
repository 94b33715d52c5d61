import { createTestApp, TestApp } from '../support/test-app';
import { createTwoOffices, FixtureOffice, FIXTURE_PASSWORD } from '../support/identity-fixtures';

/**
 * The ADMIN's user list and detail say how each account stands with signing in: locked until when,
 * its failed sign-ins, and whether its owner must still choose a password, read from the users row
 * where the account lock lives. Only an ADMIN reads them (and the ADMIN above, for INSPEKTORAT).
 */
describe('the lock state in the administrator’s view of users', () => {
  let t: TestApp;
  let own: FixtureOffice;
  let rootAdmin: string;
  const LOCK_MINUTES = 15;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_ACCOUNT_MAX_FAILURES: '4', LOGIN_LOCK_MINUTES: String(LOCK_MINUTES) } });
    ({ own, rootAdminToken: rootAdmin } = await createTwoOffices(t));
  });
  afterAll(() => t?.close());

  const failLogins = async (username: string, count: number, firstAddress: number) => {
    for (let i = 0; i < count; i++) {
      await t.http.post('/api/v1/auth/login').set('X-Forwarded-For', `10.8.0.${firstAddress + i}`).send({ username, password: 'salah-ketik' });
    }
  };
  const asAdmin = (token: string) => ({ Authorization: `Bearer ${token}` });
  const listed = async (token: string, userId: string) =>
    (await t.http.get(`/api/v1/satker/${own.code}/users`).set(asAdmin(token)).expect(200)).body.find((u: { id: string }) => u.id === userId);

  it('shows an account with no failures as unlocked, and a new account as still to change its password', async () => {
    const admin = own.users.ADMIN.token;
    expect(await listed(admin, own.users.KASUBBAG.id)).toMatchObject({ lockedUntil: null, failedAttempts: 0, lastFailedLoginAt: null, mustChangePassword: false });
    const created = await t.http.post(`/api/v1/satker/${own.code}/users`).set(asAdmin(admin))
      .send({ username: 'staf.baru', fullName: 'Staf Baru', role: 'KETUA', password: 'staf-baru-kopi-susu-3' }).expect(201);
    const detail = await t.http.get(`/api/v1/satker/${own.code}/users/${created.body.id}`).set(asAdmin(admin)).expect(200);
    expect(detail.body).toMatchObject({ username: 'staf.baru', lockedUntil: null, failedAttempts: 0, lastFailedLoginAt: null, mustChangePassword: true });
  });

  it('after failed sign-ins shows their count and the last one; once locked, until when; after unlock, nothing', async () => {
    const admin = own.users.ADMIN.token;
    const kasubbag = own.users.KASUBBAG;
    const detailPath = `/api/v1/satker/${own.code}/users/${kasubbag.id}`;

    const before = Date.now();
    await failLogins(kasubbag.username, 2, 1);
    expect(await listed(admin, kasubbag.id)).toMatchObject({ lockedUntil: null, failedAttempts: 2, lastFailedLoginAt: expect.any(String) });

    await failLogins(kasubbag.username, 2, 3);
    const after = Date.now();
    const refused = await t.http.post('/api/v1/auth/login').set('X-Forwarded-For', '10.8.0.50').send({ username: kasubbag.username, password: FIXTURE_PASSWORD });
    expect(refused.body).toMatchObject({ code: 'AUTH.LOCKED', details: { lock: 'account' } });

    const detail = (await t.http.get(detailPath).set(asAdmin(admin)).expect(200)).body;
    expect(detail).toMatchObject({ failedAttempts: 4, mustChangePassword: false });
    expect(detail.lockedUntil).toBe(refused.body.details.lockedUntil);
    const lockedUntil = Date.parse(detail.lockedUntil);
    expect(lockedUntil).toBeGreaterThanOrEqual(before + LOCK_MINUTES * 60_000);
    expect(lockedUntil).toBeLessThanOrEqual(after + LOCK_MINUTES * 60_000);
    expect(Date.parse(detail.lastFailedLoginAt)).toBe(lockedUntil - LOCK_MINUTES * 60_000);
    expect(await listed(admin, kasubbag.id)).toMatchObject({ lockedUntil: detail.lockedUntil, failedAttempts: 4, lastFailedLoginAt: detail.lastFailedLoginAt });

    await t.http.post(`${detailPath}/unlock`).set(asAdmin(admin)).send({}).expect(200);
    expect((await t.http.get(detailPath).set(asAdmin(admin)).expect(200)).body).toMatchObject({ lockedUntil: null, failedAttempts: 0, lastFailedLoginAt: null });
  });

  it('shows the ADMIN of the office above the lock of an INSPEKTORAT account it manages', async () => {
    const inspektorat = own.users.INSPEKTORAT;
    await failLogins(inspektorat.username, 4, 10);
    const seen = await listed(rootAdmin, inspektorat.id);
    expect(seen).toMatchObject({ failedAttempts: 4, lockedUntil: expect.any(String) });
  });

  it('does not show the office’s own ADMIN the sign-ins of its INSPEKTORAT account, managed from the office above', async () => {
    const inspektorat = own.users.INSPEKTORAT;
    await failLogins(inspektorat.username, 2, 20);
    const admin = own.users.ADMIN.token;
    const detail = (await t.http.get(`/api/v1/satker/${own.code}/users/${inspektorat.id}`).set(asAdmin(admin)).expect(200)).body;
    const inList = await listed(admin, inspektorat.id);
    for (const seen of [detail, inList]) {
      expect(seen).toMatchObject({ id: inspektorat.id, role: 'INSPEKTORAT', active: true });
      for (const field of ['lockedUntil', 'failedAttempts', 'lastFailedLoginAt', 'mustChangePassword', 'addressLockedUntil']) expect(seen).not.toHaveProperty(field);
    }
    // The same ADMIN still sees every other account's, and the ADMIN above sees the auditor's.
    expect(await listed(admin, own.users.KASUBBAG.id)).toHaveProperty('failedAttempts');
    expect(await listed(rootAdmin, inspektorat.id)).toMatchObject({ failedAttempts: expect.any(Number), lastFailedLoginAt: expect.any(String) });
    const fromAbove = (await t.http.get(`/api/v1/satker/${own.code}/users/${inspektorat.id}`).set(asAdmin(rootAdmin)).expect(200)).body;
    expect(fromAbove).toHaveProperty('lockedUntil');
  });

  it('never answers 304 to a view whose lock state changed, while If-Match still takes the version', async () => {
    const admin = own.users.ADMIN.token;
    const ketua = own.users.KETUA;
    const detailPath = `/api/v1/satker/${own.code}/users/${ketua.id}`;
    const first = await t.http.get(detailPath).set(asAdmin(admin)).expect(200);
    const etag = first.headers.etag as string;
    await t.http.get(detailPath).set(asAdmin(admin)).set('If-None-Match', etag).expect(304);

    await failLogins(ketua.username, 1, 30);
    for (const tag of [etag, `"${first.body.version}"`]) {
      const after = await t.http.get(detailPath).set(asAdmin(admin)).set('If-None-Match', tag);
      expect({ status: after.status, failedAttempts: after.body.failedAttempts, version: after.body.version })
        .toEqual({ status: 200, failedAttempts: first.body.failedAttempts + 1, version: first.body.version });
    }

    // The ETag of the read names the version an update expects: an update with the current one
    // goes through, a stale one is refused.
    const current = (await t.http.get(detailPath).set(asAdmin(admin)).expect(200)).headers.etag as string;
    await t.http.patch(detailPath).set(asAdmin(admin)).set('If-Match', current).send({ fullName: 'Ketua KPU Baru' }).expect(200);
    const stale = await t.http.patch(detailPath).set(asAdmin(admin)).set('If-Match', current).send({ fullName: 'Ketua KPU Lama' });
    expect(stale.status).toBe(409);
  });

  it('shows the lock of one address (the owner at their own computer) and lifts it with unlock', async () => {
    const admin = own.users.ADMIN.token;
    const sekretaris = own.users.SEKRETARIS;
    const detailPath = `/api/v1/satker/${own.code}/users/${sekretaris.id}`;
    const fromDesk = (password: string) => t.http.post('/api/v1/auth/login').set('X-Forwarded-For', '10.8.1.7').send({ username: sekretaris.username, password });
    expect((await t.http.get(detailPath).set(asAdmin(admin)).expect(200)).body).toMatchObject({ addressLockedUntil: null });

    const before = Date.now();
    for (let i = 0; i < 3; i++) await fromDesk('salah-ketik');
    const refused = await fromDesk(FIXTURE_PASSWORD);
    expect(refused.body).toMatchObject({ code: 'AUTH.LOCKED', details: { lock: 'pair' } });
    const detail = (await t.http.get(detailPath).set(asAdmin(admin)).expect(200)).body;
    expect(detail).toMatchObject({ lockedUntil: null, failedAttempts: 3, addressLockedUntil: refused.body.details.lockedUntil });
    expect(Date.parse(detail.addressLockedUntil)).toBeGreaterThanOrEqual(before + LOCK_MINUTES * 60_000);
    expect(await listed(admin, sekretaris.id)).toMatchObject({ addressLockedUntil: detail.addressLockedUntil });

    const unlocked = await t.http.post(`${detailPath}/unlock`).set(asAdmin(admin)).send({}).expect(200);
    // The answer says the address lock was lifted, not only that the account itself was not locked.
    expect(unlocked.body).toEqual({ failedAttempts: 3, lockedUntil: null, addressLocksLifted: 1 });
    expect((await t.http.get(detailPath).set(asAdmin(admin)).expect(200)).body).toMatchObject({ lockedUntil: null, failedAttempts: 0, addressLockedUntil: null });
    expect((await fromDesk(FIXTURE_PASSWORD)).status).toBe(200);
    expect((await t.http.post(`${detailPath}/unlock`).set(asAdmin(admin)).send({}).expect(200)).body).toEqual({ failedAttempts: 0, lockedUntil: null, addressLocksLifted: 0 });
  });

  it('gives no other role the users, nor their lock state', async () => {
    for (const role of ['SEKRETARIS', 'KETUA', 'KASUBBAG', 'INSPEKTORAT'] as const) {
      const token = own.users[role].token;
      const list = await t.http.get(`/api/v1/satker/${own.code}/users`).set(asAdmin(token));
      const detail = await t.http.get(`/api/v1/satker/${own.code}/users/${own.users.KASUBBAG.id}`).set(asAdmin(token));
      expect([list.status, detail.status, JSON.stringify([list.body, detail.body])]).toEqual([403, 403, expect.not.stringMatching(/lockedUntil|failedAttempts/)]);
    }
  });
});
