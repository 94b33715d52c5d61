import { createTwoOffices, FIXTURE_PASSWORD, FixtureOffice, loginFirstAdmin } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The overseer is not appointed by the overseen (security test F1): an office's own ADMIN cannot
 * make an INSPEKTORAT of its own, reset one's password to sign in as it, change or deactivate it;
 * an ADMIN of an office above can. The root office, with nobody above it, manages its own.
 */
describe('INSPEKTORAT accounts are managed from an office above', () => {
  let t: TestApp;
  let own: FixtureOffice;
  let root: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const users = (office = own.code) => `/api/v1/satker/${office}/users`;
  const refusedAsManagedAbove = (response: { status: number; body: { code?: string } }) =>
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'USER.AUDITOR_MANAGED_ABOVE' });

  beforeAll(async () => {
    t = await createTestApp();
    ({ own, rootAdminToken: root } = await createTwoOffices(t));
  });

  afterAll(() => t?.close());

  it("refuses the office's own ADMIN every way of making or taking over its auditor, and records nothing", async () => {
    const admin = own.users.ADMIN.token;
    const inspektorat = own.users.INSPEKTORAT.id;
    const before = (await t.http.get(users()).set(as(admin))).body;

    const created = await t.http.post(users()).set(as(admin)).send({ username: 'auditor.sendiri', fullName: 'Auditor Sendiri', role: 'INSPEKTORAT', password: FIXTURE_PASSWORD });
    refusedAsManagedAbove(created);
    // Says whom to ask: the office above, by name and code.
    expect(created.body.message).toContain('KPU Provinsi Jawa Timur (kpu-prov-jawa-timur)');
    expect(created.body.details).toEqual({ satker: own.code, parentCode: 'kpu-prov-jawa-timur' });
    refusedAsManagedAbove(await t.http.post(`${users()}/${inspektorat}/password`).set(as(admin)).send({ newPassword: 'kunci-gembok-baru-9' }));
    refusedAsManagedAbove(await t.http.patch(`${users()}/${inspektorat}`).set(as(admin)).send({ active: false }));
    refusedAsManagedAbove(await t.http.patch(`${users()}/${inspektorat}`).set(as(admin)).send({ email: 'admin-sendiri@kpu.go.id' }));
    refusedAsManagedAbove(await t.http.patch(`${users()}/${own.users.KETUA.id}`).set(as(admin)).send({ role: 'INSPEKTORAT' }));

    expect((await t.http.get(users()).set(as(admin))).body).toEqual(before);
    expect((await t.http.get('/api/v1/auth/me').set(as(own.users.INSPEKTORAT.token))).status).toBe(200);
  });

  it("still lets the office's own ADMIN manage its other accounts", async () => {
    const created = await t.http.post(users()).set(as(own.users.ADMIN.token)).send({ username: 'ketua.plh', fullName: 'Plh Ketua', role: 'KETUA', password: FIXTURE_PASSWORD });
    expect(created.status).toBe(201);
  });

  it('lets an ADMIN of an office above create, reset and change the INSPEKTORAT of an office below', async () => {
    const created = await t.http.post(users()).set(as(root)).send({ username: 'inspektorat.kedua', fullName: 'Inspektorat Kedua', role: 'INSPEKTORAT', password: FIXTURE_PASSWORD });
    expect(created.status).toBe(201);
    expect((await t.http.post(`${users()}/${created.body.id}/password`).set(as(root)).send({ newPassword: 'kunci-gembok-baru-9' })).status).toBe(204);
    expect((await t.http.patch(`${users()}/${created.body.id}`).set(as(root)).send({ active: false })).status).toBe(200);
  });

  it('lets the root office, with nobody above it, manage its own INSPEKTORAT', async () => {
    const rootAdmin = await loginFirstAdmin(t);
    const created = await t.http.post(users(t.config.ROOT_SATKER_CODE)).set(as(rootAdmin)).send({ username: 'inspektorat.utama', fullName: 'Inspektorat Utama', role: 'INSPEKTORAT', password: FIXTURE_PASSWORD });
    expect(created.status).toBe(201);
  });
});
