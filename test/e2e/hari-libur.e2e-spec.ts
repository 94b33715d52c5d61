import { createTestApp, TestApp } from '../support/test-app';
import { createTwoOffices, FixtureOffice } from '../support/identity-fixtures';

/** What an administrator would type from an SKB (dates and names made up for the test: Kinerja ships none). */
const NATAL = { date: '2026-12-25', name: 'Hari Raya Natal', kind: 'LIBUR_NASIONAL' };
const CUTI_NATAL = { date: '2026-12-24', name: 'Cuti Bersama Hari Raya Natal', kind: 'CUTI_BERSAMA' };
const KEMERDEKAAN = { date: '2026-08-17', name: 'Hari Proklamasi Kemerdekaan RI', kind: 'LIBUR_NASIONAL' };

describe('national holidays and cuti bersama over HTTP (kept by the root office ADMIN)', () => {
  let t: TestApp;
  let own: FixtureOffice;
  let rootAdmin: { token: string; id: string; fullName: string };
  const url = '/api/v1/hari-libur/2026';
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const put = (token: string, body: unknown, headers: Record<string, string> = {}) => t.http.put(url).set(as(token)).set(headers).send(body as object);
  const versions = async () => (await t.http.get(`${url}/history`).set(as(own.users.KASUBBAG.token)).expect(200)).body.versions;

  beforeAll(async () => {
    t = await createTestApp();
    const offices = await createTwoOffices(t);
    own = offices.own;
    const me = await t.http.get('/api/v1/auth/me').set(as(offices.rootAdminToken)).expect(200);
    rootAdmin = { token: offices.rootAdminToken, id: me.body.id, fullName: me.body.fullName };
  });

  afterAll(() => t?.close());

  it('ships no date: a year nobody set reads empty, version 0, for any signed-in user', async () => {
    const response = await t.http.get(url).set(as(own.users.KASUBBAG.token)).expect(200);
    expect(response.headers.etag).toBe('"0"');
    expect(response.body).toEqual({ year: 2026, version: 0, holidays: [], changedBy: null, changedAt: null });
  });

  it("lets the root office's ADMIN set the year's list, answered sorted by date with who recorded it", async () => {
    const response = await put(rootAdmin.token, { holidays: [NATAL, KEMERDEKAAN, CUTI_NATAL] });
    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"1"');
    const by = { userId: rootAdmin.id, fullName: rootAdmin.fullName };
    expect(response.body).toMatchObject({ year: 2026, version: 1, changedBy: by });
    expect(response.body.holidays).toEqual([KEMERDEKAAN, CUTI_NATAL, NATAL].map((h) => ({ ...h, recordedBy: by, recordedAt: response.body.changedAt })));
    for (const role of ['KASUBBAG', 'SEKRETARIS', 'INSPEKTORAT', 'KETUA', 'ADMIN'] as const) {
      expect((await t.http.get(url).set(as(own.users[role].token)).expect(200)).body).toEqual(response.body);
    }
  });

  it('refuses a role other than ADMIN with 403 AUTH.FORBIDDEN, and the ADMIN of an office below the root with 403 HARI_LIBUR.ROOT_ADMIN_ONLY', async () => {
    const sekretaris = await put(own.users.SEKRETARIS.token, { holidays: [] });
    expect({ status: sekretaris.status, code: sekretaris.body.code }).toEqual({ status: 403, code: 'AUTH.FORBIDDEN' });
    const officeAdmin = await put(own.users.ADMIN.token, { holidays: [] });
    expect({ status: officeAdmin.status, code: officeAdmin.body.code }).toEqual({ status: 403, code: 'HARI_LIBUR.ROOT_ADMIN_ONLY' });
    expect(officeAdmin.body.message).toContain(`Admin ${t.config.ROOT_SATKER_NAME} (${t.config.ROOT_SATKER_CODE})`);
    // Told before the body is judged: not first asked to mend a list they may not send at all.
    const malformed = await put(own.users.ADMIN.token, { holidays: [{ date: '2026-02-30' }] });
    expect({ status: malformed.status, code: malformed.body.code }).toEqual({ status: 403, code: 'HARI_LIBUR.ROOT_ADMIN_ONLY' });
    expect((await t.http.get(url).set(as(rootAdmin.token))).body.version).toBe(1);
  });

  it.each([
    ['a date of another year', [KEMERDEKAAN, { ...NATAL, date: '2025-12-25' }], 'HARI_LIBUR.DATE_OUTSIDE_YEAR', { item: 2, date: '2025-12-25', year: 2026 }],
    ['a date twice', [NATAL, KEMERDEKAAN, { ...CUTI_NATAL, date: NATAL.date }], 'HARI_LIBUR.DUPLICATE_DATE', { item: 3, date: NATAL.date, sameAsItem: 1 }],
    ['a blank name', [{ ...NATAL, name: '   ' }], 'HARI_LIBUR.NAME_REQUIRED', { item: 1, field: 'name' }],
    ['a name with a zero-width space', [{ ...NATAL, name: 'Hari Raya\u200bNatal' }], 'HARI_LIBUR.HIDDEN_CHARACTERS', { item: 1, field: 'name' }],
    ['a name with a combining grapheme joiner', [{ ...NATAL, name: 'Hari Raya\u034fNatal' }], 'HARI_LIBUR.HIDDEN_CHARACTERS', { item: 1, field: 'name' }],
    ['a name stacking combining marks', [KEMERDEKAAN, { ...NATAL, name: 'Hari Raya N\u0338\u0322\u034e\u0317atal' }], 'HARI_LIBUR.STACKED_MARKS', { item: 2, field: 'name' }],
    ['a name over 200 characters once stored (NFKC)', [KEMERDEKAAN, { ...NATAL, name: 'ﷺ'.repeat(12) }], 'HARI_LIBUR.NAME_TOO_LONG', { item: 2, length: 216, maxLength: 200 }],
  ])('refuses %s with 422 and a stable code, and changes nothing', async (_, holidays, code, details) => {
    const response = await put(rootAdmin.token, { holidays });
    expect({ status: response.status, code: response.body.code }).toMatchObject({ status: 422, code });
    expect(response.body.details).toMatchObject(details);
    expect(response.body.message).toMatch(/Butir ke-\d|butir ke-\d/);
    expect(await versions()).toHaveLength(1);
  });

  it.each([
    ['an unknown field', { holidays: [{ ...NATAL, warna: 'merah' }] }, 'holidays.0.warna'],
    ['a day that does not exist', { holidays: [{ ...NATAL, date: '2026-02-30' }] }, 'holidays.0.date'],
    ['an unknown kind', { holidays: [{ ...NATAL, kind: 'LIBUR_DAERAH' }] }, 'holidays.0.kind'],
    ['no list', { daftar: [] }, 'holidays'],
    ['a list for an item', { holidays: [[]] }, 'holidays.0'],
    ['a list holding an item', { holidays: [NATAL, [KEMERDEKAAN]] }, 'holidays.1'],
  ])('refuses %s with 400 VALIDATION.FAILED naming the field', async (_, body, field) => {
    const response = await put(rootAdmin.token, body);
    expect(response.status).toBe(400);
    expect(await versions()).toHaveLength(1);
    expect(response.body.code).toBe('VALIDATION.FAILED');
    expect(response.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('names the wrong item in the message counted from 1, as its 422 refusals do ("butir ke-2"), while details keep the path from 0', async () => {
    const response = await put(rootAdmin.token, { holidays: [NATAL, { ...KEMERDEKAAN, date: '2026-02-30' }] });
    expect(response.status).toBe(400);
    expect(response.body.details.fields).toEqual([expect.objectContaining({ field: 'holidays.1.date' })]);
    expect(response.body.message).toMatch(/^Data yang dikirim tidak valid: hari libur butir ke-2, tanggal \(holidays\.1\.date\): .+\.$/);
  });

  it.each(['1999', '2101', 'dua-ribu', '2026.5'])('refuses the year %s with 400, as other year paths do', async (year) => {
    const response = await t.http.get(`/api/v1/hari-libur/${year}`).set(as(rootAdmin.token));
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
  });

  it('refuses a stale If-Match or expectedVersion with 409, and takes the current one', async () => {
    const stale = await put(rootAdmin.token, { holidays: [NATAL] }, { 'If-Match': '"0"' });
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'IDENTITY.VERSION_CONFLICT' });
    const staleBody = await put(rootAdmin.token, { holidays: [NATAL], expectedVersion: 0 });
    expect(staleBody.status).toBe(409);
    const current = await put(rootAdmin.token, { holidays: [KEMERDEKAAN, NATAL, CUTI_NATAL] }, { 'If-Match': '"1"' });
    expect([current.status, current.body.version]).toEqual([200, 1]);
  });

  it('changes nothing when the list in force is sent again, and a date kept keeps who recorded it and when', async () => {
    const before = (await t.http.get(url).set(as(rootAdmin.token))).body;
    const again = await put(rootAdmin.token, { holidays: [CUTI_NATAL, NATAL, KEMERDEKAAN] }).expect(200);
    expect(again.body).toEqual(before);
    const moved = await put(rootAdmin.token, { holidays: [KEMERDEKAAN, { ...CUTI_NATAL, date: '2026-12-26' }, NATAL] }).expect(200);
    expect(moved.body.version).toBe(2);
    const kept = moved.body.holidays.find((h: { date: string }) => h.date === NATAL.date);
    expect(kept.recordedAt).toBe(before.changedAt);
    const added = moved.body.holidays.find((h: { date: string }) => h.date === '2026-12-26');
    expect(added.recordedAt).toBe(moved.body.changedAt);
    expect(moved.body.holidays.map((h: { date: string }) => h.date)).toEqual(['2026-08-17', '2026-12-25', '2026-12-26']);
  });

  it('honours Idempotency-Key: the same request replays its answer, another request under the key is refused', async () => {
    const key = { 'Idempotency-Key': 'hari-libur-2026-kosongkan' };
    const first = await put(rootAdmin.token, { holidays: [] }, key);
    const retry = await put(rootAdmin.token, { holidays: [] }, key);
    expect([first.status, first.headers.etag, first.headers['idempotent-replayed']]).toEqual([200, '"3"', undefined]);
    expect([retry.status, retry.headers.etag, retry.headers['idempotent-replayed']]).toEqual([200, '"3"', 'true']);
    expect(retry.body).toEqual(first.body);
    expect(first.body).toMatchObject({ version: 3, holidays: [] });
    const other = await put(rootAdmin.token, { holidays: [NATAL] }, key);
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
  });

  it('keeps every list the year was given, with who changed it and when, oldest first', async () => {
    const history = await versions();
    expect(history.map((v: { version: number; holidays: unknown[] }) => [v.version, v.holidays.length])).toEqual([[1, 3], [2, 3], [3, 0]]);
    for (const v of history) expect(v.changedBy).toEqual({ userId: rootAdmin.id, fullName: rootAdmin.fullName });
    expect(history[0].holidays).toEqual([KEMERDEKAAN, CUTI_NATAL, NATAL]);
    expect(new Date(history[2].changedAt).getTime()).toBeGreaterThanOrEqual(new Date(history[1].changedAt).getTime());
    const otherYear = await t.http.get('/api/v1/hari-libur/2027/history').set(as(own.users.KETUA.token)).expect(200);
    expect(otherYear.body).toEqual({ year: 2027, versions: [] });
  });
});
