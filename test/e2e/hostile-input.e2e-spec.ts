import { createTestApp, TestApp } from '../support/test-app';
import { createTwoOffices, FixtureOffice } from '../support/identity-fixtures';

/**
 * Input that PostgreSQL or the multipart parser cannot take must be refused as input (4xx with a
 * stable code), never reach a query and answer 500: the character U+0000 anywhere, a calendar day
 * that does not exist, a multipart body that cannot be read.
 */
describe('hostile input is refused with 400, never a 500', () => {
  let t: TestApp;
  let own: FixtureOffice;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    ({ own } = await createTwoOffices(t));
  });
  afterAll(() => t?.close());

  it.each([
    ['a path parameter', 'INSPEKTORAT', (s: string) => `/api/v1/satker/${s}/audit/figures/2024/3/K1.1%00`, 'indicator'],
    ['a query filter', 'INSPEKTORAT', (s: string) => `/api/v1/satker/${s}/audit/trail?actor=a%00b`, 'actor'],
    ['a query filter across offices', 'INSPEKTORAT', () => '/api/v1/audit/trail?subbagian=%00x', 'subbagian'],
    ['a report path', 'KASUBBAG', (s: string) => `/api/v1/satker/${s}/realisasi/2024/3/PDI%00/history`, 'subbagian'],
  ] as const)('refuses U+0000 in %s, naming the field', async (_what, role, path, field) => {
    const response = await t.http.get(path(own.code)).set(as(own.users[role].token));
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    expect(response.body.details.fields).toContainEqual(expect.objectContaining({ field, constraint: 'noNulCharacter' }));
  });

  it('refuses U+0000 in a body, in a value or in a key, and writes nothing', async () => {
    const created = await t.http
      .post(`/api/v1/satker/${own.code}/users`)
      .set(as(own.users.ADMIN.token))
      .send({ username: 'nul.user', fullName: 'Ketua\u0000Baru', role: 'KETUA', password: 'fixture-password-1' });
    expect({ status: created.status, code: created.body.code, fields: created.body.details.fields }).toEqual({
      status: 400, code: 'VALIDATION.FAILED', fields: [expect.objectContaining({ field: 'fullName', constraint: 'noNulCharacter' })],
    });
    const users = await t.http.get(`/api/v1/satker/${own.code}/users`).set(as(own.users.ADMIN.token));
    expect(users.body.map((u: { username: string }) => u.username)).not.toContain('nul.user');
    const key = await t.http.post('/api/v1/auth/login').send({ ['user\u0000name']: 'x', password: 'y' });
    expect({ status: key.status, code: key.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    const login = await t.http.post('/api/v1/auth/login').send({ username: 'admin\u0000', password: 'y' });
    expect({ status: login.status, code: login.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
  });

  it.each(['2024-02-30', '0000-00-00', '2024-13-01'])('refuses the digest of a day that is not in the calendar (%s)', async (day) => {
    const response = await t.http.get(`/api/v1/satker/${own.code}/audit/digests/${day}`).set(as(own.users.INSPEKTORAT.token));
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
  });

  it.each([
    ['a week date', (s: string) => `/api/v1/satker/${s}/audit/trail?from=2024-W05`, 'from'],
    ['an ordinal date', (s: string) => `/api/v1/satker/${s}/audit/trail/export?format=csv&to=2024-123`, 'to'],
    ['a day not in the calendar', () => '/api/v1/audit/trail?from=2024-02-30T00:00:00%2B07:00', 'from'],
    ['a date without a time and zone', (s: string) => `/api/v1/satker/${s}/audit/trail?to=2024-03-01`, 'to'],
    ['a time travel to a week date', (s: string) => `/api/v1/satker/${s}/kinerja/2024?asOf=2024-W05`, 'asOf'],
    ['a time travel to year 0', (s: string) => `/api/v1/satker/${s}/kinerja/2024?asOf=0000-01-01T00:00:00Z`, 'asOf'],
  ] as const)('refuses a moment JavaScript or PostgreSQL cannot read (%s) with 400, naming the field', async (_what, path, field) => {
    const response = await t.http.get(path(own.code)).set(as(own.users.INSPEKTORAT.token));
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    expect(response.body.details.fields).toContainEqual(expect.objectContaining({ field, constraint: 'isInstant' }));
    expect(response.body.details.fields[0].message).toMatch(/zona waktu/);
  });

  it('refuses a multipart body it cannot read with 400 EVIDENCE.MALFORMED_UPLOAD', async () => {
    const response = await t.http
      .post(`/api/v1/satker/${own.code}/evidence`)
      .set(as(own.users.KASUBBAG.token))
      .attach('file', Buffer.from('%PDF-1.4 bukti'), { filename: 'bukti\u0000.pdf', contentType: 'application/pdf' });
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'EVIDENCE.MALFORMED_UPLOAD' });
    const truncated = await t.http
      .post(`/api/v1/satker/${own.code}/evidence`)
      .set(as(own.users.KASUBBAG.token))
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4');
    expect({ status: truncated.status, code: truncated.body.code }).toEqual({ status: 400, code: 'EVIDENCE.MALFORMED_UPLOAD' });
  });
});
