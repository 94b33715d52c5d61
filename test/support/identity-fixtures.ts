import { ROLES } from '@kinerja/domain';
import type { Role } from '@kinerja/domain';
import type { TestApp } from './test-app';

/** Password of every user the fixtures create. */
export const FIXTURE_PASSWORD = 'fixture-password-1';

export interface FixtureUser {
  id: string;
  username: string;
  role: Role;
  token: string;
}

export interface FixtureOffice {
  code: string;
  /** One signed-in user per role; the KASUBBAG heads subbagian PDI. */
  users: Record<Role, FixtureUser>;
}

/**
 * Signs in and returns the bearer token; fails the test with the answer when refused. A password
 * an administrator set must be changed before anything else (AUTH.PASSWORD_CHANGE_REQUIRED): the
 * fixtures' users are taken to have done so, by clearing the mark in the database (the tests of the
 * mark itself sign in with `t.http`).
 */
export async function login(t: TestApp, username: string, password: string): Promise<string> {
  const response = await t.http.post('/api/v1/auth/login').send({ username, password });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  if (response.body.passwordChangeRequired) await passwordChosenByOwner(t, response.body.user.id);
  return response.body.accessToken;
}

/** As if the user had changed the password an administrator gave them, without changing it. */
export async function passwordChosenByOwner(t: TestApp, userId: string): Promise<void> {
  await t.db.dataSource.query(`UPDATE users SET must_change_password = false WHERE id = $1`, [userId]);
}

export function loginFirstAdmin(t: TestApp): Promise<string> {
  return login(t, t.config.ADMIN_USERNAME, t.config.ADMIN_PASSWORD!);
}

async function expectStatus(response: { status: number; body: unknown }, status: number, what: string) {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
}

/**
 * An office under `parentCode`, with subbagian PDI and KUL, and one user per role (usernames
 * `<role>.<office code>` in lower case), each signed in. Created over HTTP by `adminToken`.
 */
export async function createOffice(
  t: TestApp,
  adminToken: string,
  office: { code: string; name: string; parentCode: string },
): Promise<FixtureOffice> {
  const auth = { Authorization: `Bearer ${adminToken}` };
  await expectStatus(await t.http.post('/api/v1/satker').set(auth).send(office), 201, `create satker ${office.code}`);
  for (const [code, name] of [
    ['PDI', 'Sub. Bagian Perencanaan, Data dan Informasi'],
    ['KUL', 'Sub. Bagian Keuangan, Umum dan Logistik'],
  ]) {
    await expectStatus(
      await t.http.post(`/api/v1/satker/${office.code}/subbagian`).set(auth).send({ code, name }),
      201,
      `create subbagian ${code}`,
    );
  }
  const users = {} as Record<Role, FixtureUser>;
  for (const role of ROLES) {
    const username = `${role.toLowerCase()}.${office.code}`;
    const created = await t.http
      .post(`/api/v1/satker/${office.code}/users`)
      .set(auth)
      .send({ username, fullName: `${role} ${office.name}`, role, subbagian: role === 'KASUBBAG' ? 'PDI' : undefined, password: FIXTURE_PASSWORD });
    await expectStatus(created, 201, `create user ${username}`);
    users[role] = { id: created.body.id, username, role, token: await login(t, username, FIXTURE_PASSWORD) };
  }
  return { code: office.code, users };
}

/**
 * Two sibling offices under one province under the root: `own` (KPU Kabupaten Jember) and `other`
 * (KPU Kabupaten Banyuwangi), each with a user per role.
 */
export async function createTwoOffices(t: TestApp): Promise<{ rootAdminToken: string; own: FixtureOffice; other: FixtureOffice }> {
  const rootAdminToken = await loginFirstAdmin(t);
  const auth = { Authorization: `Bearer ${rootAdminToken}` };
  await expectStatus(
    await t.http.post('/api/v1/satker').set(auth).send({ code: 'kpu-prov-jawa-timur', name: 'KPU Provinsi Jawa Timur', parentCode: t.config.ROOT_SATKER_CODE }),
    201,
    'create province',
  );
  const own = await createOffice(t, rootAdminToken, { code: 'kpu-kab-jember', name: 'KPU Kabupaten Jember', parentCode: 'kpu-prov-jawa-timur' });
  const other = await createOffice(t, rootAdminToken, { code: 'kpu-kab-banyuwangi', name: 'KPU Kabupaten Banyuwangi', parentCode: 'kpu-prov-jawa-timur' });
  return { rootAdminToken, own, other };
}
