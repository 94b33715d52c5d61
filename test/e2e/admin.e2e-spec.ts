import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../support/test-app';
import { createTwoOffices, FIXTURE_PASSWORD, FixtureOffice, login } from '../support/identity-fixtures';

describe('administration of offices, subbagian and users through HTTP', () => {
  let t: TestApp;
  let own: FixtureOffice;
  let rootAdminToken: string;
  let provinceAdminToken: string;

  beforeAll(async () => {
    // Room for the moves below (two provinces swapped under each other); the depth rule has its own spec.
    t = await createTestApp({ env: { OFFICE_LEVELS: '5' } });
    ({ own, rootAdminToken } = await createTwoOffices(t));
    const created = await as(rootAdminToken).post('/api/v1/satker/kpu-prov-jawa-timur/users').send({
      username: 'admin.jatim',
      fullName: 'Admin KPU Provinsi Jawa Timur',
      role: 'ADMIN',
      password: 'gunung-semeru-tinggi',
    });
    expect(created.status).toBe(201);
    provinceAdminToken = await login(t, 'admin.jatim', 'gunung-semeru-tinggi');
  });

  afterAll(() => t?.close());

  function as(token: string) {
    const auth = (request: ReturnType<TestApp['http']['get']>) => request.set('Authorization', `Bearer ${token}`);
    return {
      get: (path: string) => auth(t.http.get(path)),
      post: (path: string) => auth(t.http.post(path)),
      patch: (path: string) => auth(t.http.patch(path)),
    };
  }

  async function eventCount(tenant: string): Promise<number> {
    const [row] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM events WHERE tenant_id = $1`, [tenant]);
    return row.n;
  }

  describe('the error contract', () => {
    it('refuses an unknown field with 400 VALIDATION.FAILED naming it', async () => {
      const response = await as(rootAdminToken).post('/api/v1/satker/kpu-kab-jember/subbagian').send({ code: 'TPH', name: 'Teknis', warna: 'merah' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        code: 'VALIDATION.FAILED',
        message: 'Data yang dikirim tidak valid: warna: kolom ini tidak dikenal.',
        details: { fields: [{ field: 'warna', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' }] },
      });
    });

    it('refuses a value of the wrong type with 400 and the field and constraint', async () => {
      const response = await as(rootAdminToken).patch('/api/v1/satker/kpu-kab-jember').send({ reportDeadlineDay: 'lima' });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION.FAILED');
      expect(response.body.details.fields).toContainEqual({ field: 'reportDeadlineDay', constraint: 'isInt', message: 'harus berupa bilangan bulat dari 1 sampai 28' });
    });

    it('refuses malformed JSON with 400 REQUEST.MALFORMED', async () => {
      const response = await as(rootAdminToken).post('/api/v1/satker').set('Content-Type', 'application/json').send('{"code": ');
      expect({ status: response.status, code: response.body.code, message: response.body.message })
        .toEqual({ status: 400, code: 'REQUEST.MALFORMED', message: 'Isi permintaan bukan JSON yang sah.' });
    });

    it.each(['null', '5', '"kpu-kab-baru"', 'true'])('refuses valid JSON that is no object (%s) with 400 REQUEST.MALFORMED, saying an object is wanted', async (body) => {
      const response = await as(rootAdminToken).post('/api/v1/satker').set('Content-Type', 'application/json').send(body);
      expect({ status: response.status, code: response.body.code, message: response.body.message }).toEqual({
        status: 400, code: 'REQUEST.MALFORMED', message: 'Isi permintaan harus berupa objek JSON ({ … }); null, angka, teks atau true/false saja tidak diterima.',
      });
    });

    it('refuses a malformed user id with 400, not 404', async () => {
      const response = await as(rootAdminToken).get('/api/v1/satker/kpu-kab-jember/users/123');
      expect(response.status).toBe(400);
      expect(response.body.details.fields).toEqual([{ field: 'userId', constraint: 'isUuid', message: 'harus berupa UUID' }]);
    });

    it('answers an unknown route and an oversized body in the same shape', async () => {
      const missing = await as(rootAdminToken).get('/api/v1/tidak-ada');
      expect(missing.body).toEqual({ code: 'ROUTE.NOT_FOUND', message: 'Alamat yang diminta tidak ditemukan.', details: {} });
      const large = await as(rootAdminToken).post('/api/v1/satker').send({ name: 'x'.repeat(2_200_000) });
      expect({ status: large.status, code: large.body.code }).toEqual({ status: 413, code: 'REQUEST.TOO_LARGE' });
      expect(large.body.message).toMatch(/^Data yang dikirim terlalu besar: isi JSON paling besar 2 MB\. Perpendek teks/);
      expect(large.body.details).toEqual({ limitBytes: 2 * 1024 * 1024, receivedBytes: 2_200_011 });
    });

    it('answers a broken rule of the domain with 422 and a conflict with 409', async () => {
      const noSubbagian = await as(rootAdminToken)
        .post('/api/v1/satker/kpu-kab-jember/users')
        .send({ username: 'kasubbag.baru', fullName: 'Baru', role: 'KASUBBAG', password: 'cukup-panjang-1' });
      expect({ status: noSubbagian.status, code: noSubbagian.body.code }).toEqual({ status: 422, code: 'USER.SUBBAGIAN_REQUIRED' });
      const taken = await as(rootAdminToken)
        .post('/api/v1/satker/kpu-kab-jember/users')
        .send({ username: 'KETUA.kpu-kab-jember', fullName: 'Lagi', role: 'KETUA', password: 'cukup-panjang-1' });
      expect({ status: taken.status, code: taken.body.code }).toEqual({ status: 409, code: 'USER.USERNAME_TAKEN' });
    });

    it('serves the OpenAPI document with bearer authentication at /api/docs', async () => {
      expect((await t.http.get('/api/docs')).status).toBe(200);
      const document = (await t.http.get('/api/docs-json')).body;
      expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(Object.keys(document.paths)).toContain('/api/v1/auth/login');
    });
  });

  describe('offices', () => {
    it('lists what each one may see: the root admin everything, a province admin its province and below, others their own', async () => {
      const codes = async (token: string) => (await as(token).get('/api/v1/satker')).body.map((s: { code: string }) => s.code);
      expect(await codes(rootAdminToken)).toEqual(['kpu-kab-banyuwangi', 'kpu-kab-jember', 'kpu-prov-jawa-timur', 'kpu-ri']);
      expect(await codes(provinceAdminToken)).toEqual(['kpu-kab-banyuwangi', 'kpu-kab-jember', 'kpu-prov-jawa-timur']);
      expect(await codes(own.users.SEKRETARIS.token)).toEqual(['kpu-kab-jember']);
    });

    it('lets a province admin create an office under its province but not under the root', async () => {
      const created = await as(provinceAdminToken)
        .post('/api/v1/satker')
        .send({ code: 'kpu-kab-lumajang', name: 'KPU Kabupaten Lumajang', parentCode: 'kpu-prov-jawa-timur', reportDeadlineDay: 7 });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: 'kpu-kab-lumajang', parentCode: 'kpu-prov-jawa-timur', timeZone: 'Asia/Jakarta', reportDeadlineDay: 7, active: true, version: 1 });
      const outside = await as(provinceAdminToken).post('/api/v1/satker').send({ code: 'kpu-prov-bali', name: 'KPU Provinsi Bali', parentCode: 'kpu-ri' });
      expect({ status: outside.status, code: outside.body.code }).toEqual({ status: 404, code: 'SATKER.NOT_FOUND' });
    });

    it('changes an office with optimistic concurrency', async () => {
      const changed = await as(provinceAdminToken).patch('/api/v1/satker/kpu-kab-lumajang').send({ timeZone: 'Asia/Makassar', expectedVersion: 1 });
      expect(changed.body).toMatchObject({ timeZone: 'Asia/Makassar', version: 2 });
      const stale = await as(provinceAdminToken).patch('/api/v1/satker/kpu-kab-lumajang').send({ name: 'Lumajang', expectedVersion: 1 });
      expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'IDENTITY.VERSION_CONFLICT' });
    });

    it('takes the expected version from If-Match, answers ETag, and replays a retried Idempotency-Key', async () => {
      const path = '/api/v1/satker/kpu-kab-lumajang';
      const read = await as(provinceAdminToken).get(path);
      expect(read.headers.etag).toBe('"2"');
      const stale = await as(provinceAdminToken).patch(path).set('If-Match', '"1"').send({ name: 'KPU Lumajang' });
      expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'IDENTITY.VERSION_CONFLICT' });
      const send = () => as(provinceAdminToken).patch(path).set('If-Match', '"2"').set('Idempotency-Key', 'ubah-nama-lumajang').send({ name: 'KPU Kabupaten Lumajang (ubah)' });
      const first = await send();
      const retry = await send();
      expect([first.status, first.headers.etag, first.headers['idempotent-replayed']]).toEqual([200, '"3"', undefined]);
      expect([retry.status, retry.headers.etag, retry.headers['idempotent-replayed']]).toEqual([200, '"3"', 'true']);
      expect(retry.body).toEqual(first.body);
    });

    it('refuses the same Idempotency-Key with another body or for another command (422 IDEMPOTENCY.KEY_REUSED), changing nothing', async () => {
      const path = '/api/v1/satker/kpu-kab-lumajang';
      const other = await as(provinceAdminToken).patch(path).set('Idempotency-Key', 'ubah-nama-lumajang').send({ name: 'KPU Lumajang (lain)' });
      expect({ status: other.status, code: other.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
      const elsewhere = await as(provinceAdminToken).post(`${path}/subbagian`).set('Idempotency-Key', 'ubah-nama-lumajang').send({ code: 'TPH', name: 'Teknis' });
      expect({ status: elsewhere.status, code: elsewhere.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
      const read = await as(provinceAdminToken).get(path);
      expect({ etag: read.headers.etag, name: read.body.name }).toEqual({ etag: '"3"', name: 'KPU Kabupaten Lumajang (ubah)' });
    });

    it('moves an office under another parent: scope follows it; loops, the root and inactive parents are refused', async () => {
      const root = as(rootAdminToken);
      for (const [code, name, parentCode] of [
        ['kpu-prov-papua', 'KPU Provinsi Papua', 'kpu-ri'],
        ['kpu-prov-papua-selatan', 'KPU Provinsi Papua Selatan', 'kpu-ri'],
        ['kpu-kab-merauke', 'KPU Kabupaten Merauke', 'kpu-prov-papua'],
        ['kpu-prov-lama', 'KPU Provinsi Lama', 'kpu-ri'],
      ]) {
        expect((await root.post('/api/v1/satker').send({ code, name, parentCode })).status).toBe(201);
      }
      expect((await root.post('/api/v1/satker/kpu-prov-papua/users').send({ username: 'inspektorat.papua', fullName: 'Inspektorat Papua', role: 'INSPEKTORAT', password: FIXTURE_PASSWORD })).status).toBe(201);
      const papuaInspektorat = await login(t, 'inspektorat.papua', FIXTURE_PASSWORD);
      expect((await as(papuaInspektorat).get('/api/v1/satker/kpu-kab-merauke')).status).toBe(200);

      const outside = await as(provinceAdminToken).patch('/api/v1/satker/kpu-kab-jember').send({ parentCode: 'kpu-ri' });
      expect({ status: outside.status, code: outside.body.code }).toEqual({ status: 404, code: 'SATKER.NOT_FOUND' });

      const moved = await root.patch('/api/v1/satker/kpu-kab-merauke').send({ parentCode: 'kpu-prov-papua-selatan', expectedVersion: 1 });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ code: 'kpu-kab-merauke', parentCode: 'kpu-prov-papua-selatan', version: 2 });
      expect((await as(papuaInspektorat).get('/api/v1/satker/kpu-kab-merauke')).status).toBe(404);
      expect((await as(papuaInspektorat).get('/api/v1/satker')).body.map((s: { code: string }) => s.code)).toEqual(['kpu-prov-papua']);
      const [event] = await t.app.get(DataSource).query(
        `SELECT type, data FROM events WHERE tenant_id = 'kpu-kab-merauke' AND type = 'SatkerMoved'`,
      );
      expect(event).toEqual({ type: 'SatkerMoved', data: { code: 'kpu-kab-merauke', fromParentCode: 'kpu-prov-papua', toParentCode: 'kpu-prov-papua-selatan' } });

      for (const [code, parentCode, error] of [
        ['kpu-prov-papua-selatan', 'kpu-kab-merauke', 'SATKER.PARENT_CYCLE'],
        ['kpu-prov-papua-selatan', 'kpu-prov-papua-selatan', 'SATKER.PARENT_CYCLE'],
        ['kpu-ri', 'kpu-prov-papua', 'SATKER.ROOT_CANNOT_MOVE'],
      ]) {
        const refused = await root.patch(`/api/v1/satker/${code}`).send({ parentCode });
        expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: error });
      }
      expect((await root.patch('/api/v1/satker/kpu-prov-lama').send({ active: false })).status).toBe(200);
      const inactive = await root.patch('/api/v1/satker/kpu-kab-merauke').send({ parentCode: 'kpu-prov-lama' });
      expect({ status: inactive.status, code: inactive.body.code }).toEqual({ status: 422, code: 'SATKER.PARENT_INACTIVE' });
      const unchanged = await root.get('/api/v1/satker/kpu-kab-merauke');
      expect(unchanged.body).toMatchObject({ parentCode: 'kpu-prov-papua-selatan', version: 2 });

      // Two moves at once that would close a loop together: one wins, the other sees the loop.
      const [a, b] = await Promise.all([
        root.patch('/api/v1/satker/kpu-prov-papua').send({ parentCode: 'kpu-prov-papua-selatan' }),
        root.patch('/api/v1/satker/kpu-prov-papua-selatan').send({ parentCode: 'kpu-prov-papua' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 422]);
      expect([a.body.code, b.body.code]).toContain('SATKER.PARENT_CYCLE');
      const tree = await t.app.get(DataSource).query(
        `SELECT code, parent_code FROM satker WHERE code IN ('kpu-prov-papua', 'kpu-prov-papua-selatan') ORDER BY code`,
      );
      expect(tree.filter((r: { parent_code: string }) => r.parent_code === 'kpu-ri')).toHaveLength(1);
    });

    it.each([
      ['name', { name: null }],
      ['timeZone', { timeZone: null }],
      ['reportDeadlineDay', { reportDeadlineDay: null }],
      ['active', { active: null }],
      ['parentCode', { parentCode: null }],
      ['expectedVersion', { expectedVersion: null }],
      ['name', { name: null, timeZone: 'Asia/Jayapura' }],
    ])('refuses null for %s of an office with 400 and writes nothing', async (field, body) => {
      const path = '/api/v1/satker/kpu-kab-jember';
      const before = await as(rootAdminToken).get(path);
      const events = await eventCount('kpu-kab-jember');
      const response = await as(rootAdminToken).patch(path).send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
      expect(response.body.details.fields).toEqual([{ field, constraint: 'isNotNull', message: 'tidak boleh null; hilangkan kolom ini bila tidak diubah' }]);
      expect((await as(rootAdminToken).get(path)).body).toEqual(before.body);
      expect(await eventCount('kpu-kab-jember')).toBe(events);
    });

    it('records nothing and keeps the version when a change sets what is already there', async () => {
      const path = '/api/v1/satker/kpu-kab-jember';
      const before = await as(rootAdminToken).get(path);
      const events = await eventCount('kpu-kab-jember');
      const same = await as(rootAdminToken).patch(path).send({
        name: before.body.name, timeZone: before.body.timeZone, reportDeadlineDay: before.body.reportDeadlineDay,
        parentCode: before.body.parentCode, active: before.body.active,
      });
      expect(same.status).toBe(200);
      expect(same.body).toEqual(before.body);
      expect(await eventCount('kpu-kab-jember')).toBe(events);
    });

    it('closes offices from the bottom up and brings them back from the top down', async () => {
      const root = as(rootAdminToken);
      for (const [code, name, parentCode] of [
        ['kpu-prov-tutup', 'KPU Provinsi Tutup', 'kpu-ri'],
        ['kpu-kab-tutup-a', 'KPU Kabupaten Tutup A', 'kpu-prov-tutup'],
        ['kpu-kab-tutup-b', 'KPU Kabupaten Tutup B', 'kpu-prov-tutup'],
      ]) {
        expect((await root.post('/api/v1/satker').send({ code, name, parentCode })).status).toBe(201);
      }
      const events = await eventCount('kpu-prov-tutup');
      const refused = await root.patch('/api/v1/satker/kpu-prov-tutup').send({ active: false });
      expect({ status: refused.status, code: refused.body.code, details: refused.body.details }).toEqual({
        status: 409, code: 'SATKER.HAS_ACTIVE_CHILDREN', details: { satker: 'kpu-prov-tutup', children: ['kpu-kab-tutup-a', 'kpu-kab-tutup-b'] },
      });
      expect(refused.body.message).toBe(
        'Satker "kpu-prov-tutup" masih membawahi satker aktif ("kpu-kab-tutup-a", "kpu-kab-tutup-b"); nonaktifkan atau pindahkan satker tersebut terlebih dahulu.',
      );
      expect((await root.get('/api/v1/satker/kpu-prov-tutup')).body).toMatchObject({ active: true, version: 1 });
      expect(await eventCount('kpu-prov-tutup')).toBe(events);

      expect((await root.patch('/api/v1/satker/kpu-kab-tutup-a').send({ active: false })).status).toBe(200);
      expect((await root.patch('/api/v1/satker/kpu-kab-tutup-b').send({ parentCode: 'kpu-prov-jawa-timur' })).status).toBe(200);
      expect((await root.patch('/api/v1/satker/kpu-prov-tutup').send({ active: false })).body).toMatchObject({ active: false });

      const orphan = await root.patch('/api/v1/satker/kpu-kab-tutup-a').send({ active: true });
      expect({ status: orphan.status, code: orphan.body.code }).toEqual({ status: 422, code: 'SATKER.PARENT_INACTIVE' });
      expect((await root.patch('/api/v1/satker/kpu-prov-tutup').send({ active: true })).status).toBe(200);
      expect((await root.patch('/api/v1/satker/kpu-kab-tutup-a').send({ active: true })).body).toMatchObject({ active: true });

      // Closing the parent and reopening a child at the same moment: never both.
      for (let round = 0; round < 4; round++) {
        expect((await root.patch('/api/v1/satker/kpu-kab-tutup-a').send({ active: false })).status).toBe(200);
        const [parent, child] = await Promise.all([
          root.patch('/api/v1/satker/kpu-prov-tutup').send({ active: false }),
          root.patch('/api/v1/satker/kpu-kab-tutup-a').send({ active: true }),
        ]);
        expect([[200, 422], [409, 200]]).toContainEqual([parent.status, child.status]);
        const [a, p] = await Promise.all([root.get('/api/v1/satker/kpu-kab-tutup-a'), root.get('/api/v1/satker/kpu-prov-tutup')]);
        expect(a.body.active && !p.body.active).toBe(false);
        if (!p.body.active) expect((await root.patch('/api/v1/satker/kpu-prov-tutup').send({ active: true })).status).toBe(200);
      }
    });

    it('gives a new office its parent\'s time zone and deadline day unless told otherwise', async () => {
      const root = as(rootAdminToken);
      expect((await root.post('/api/v1/satker').send({ code: 'kpu-prov-papua-tengah', name: 'KPU Provinsi Papua Tengah', parentCode: 'kpu-ri', timeZone: 'Asia/Jayapura', reportDeadlineDay: 7 })).status).toBe(201);
      const inherited = await root.post('/api/v1/satker').send({ code: 'kpu-kab-nabire', name: 'KPU Kabupaten Nabire', parentCode: 'kpu-prov-papua-tengah' });
      expect(inherited.body).toMatchObject({ timeZone: 'Asia/Jayapura', reportDeadlineDay: 7 });
      const own = await root.post('/api/v1/satker').send({ code: 'kpu-kab-mimika', name: 'KPU Kabupaten Mimika', parentCode: 'kpu-prov-papua-tengah', timeZone: 'Asia/Makassar', reportDeadlineDay: 5 });
      expect(own.body).toMatchObject({ timeZone: 'Asia/Makassar', reportDeadlineDay: 5 });
    });

    it('takes the Ketua\'s LKj signature at creation: given true the office requires it from the start; left out it does not (nor from its parent); a non-boolean is 400 and creates nothing', async () => {
      const root = as(rootAdminToken);
      const signs = await root.post('/api/v1/satker').send({ code: 'kpu-kab-ttd', name: 'KPU Kabupaten Tanda Tangan', parentCode: 'kpu-prov-jawa-timur', ketuaSignsLkj: true });
      expect({ status: signs.status, ketuaSignsLkj: signs.body.ketuaSignsLkj }).toEqual({ status: 201, ketuaSignsLkj: true });
      expect((await root.get('/api/v1/satker/kpu-kab-ttd')).body).toMatchObject({ ketuaSignsLkj: true, version: 1 });
      // What the LKj job reads when it produces a final version (lkj-producer: signatureRequired).
      const db = t.app.get(DataSource);
      expect(await db.query(`SELECT ketua_signs_lkj FROM satker WHERE code = 'kpu-kab-ttd'`)).toEqual([{ ketua_signs_lkj: true }]);
      const [created] = await db.query(`SELECT data FROM events WHERE tenant_id = 'kpu-kab-ttd' AND type = 'SatkerCreated'`);
      expect(created.data).toMatchObject({ code: 'kpu-kab-ttd', ketuaSignsLkj: true });
      const under = await root.post('/api/v1/satker').send({ code: 'kpu-ttd-bawah', name: 'KPU Di Bawah Tanda Tangan', parentCode: 'kpu-kab-ttd' });
      expect({ status: under.status, ketuaSignsLkj: under.body.ketuaSignsLkj }).toEqual({ status: 201, ketuaSignsLkj: false });
      const plain = await root.post('/api/v1/satker').send({ code: 'kpu-kab-polos', name: 'KPU Kabupaten Polos', parentCode: 'kpu-prov-jawa-timur' });
      expect({ status: plain.status, ketuaSignsLkj: plain.body.ketuaSignsLkj }).toEqual({ status: 201, ketuaSignsLkj: false });
      for (const value of ['ya', 1, null]) {
        const refused = await root.post('/api/v1/satker').send({ code: 'kpu-kab-salah', name: 'KPU Kabupaten Salah', parentCode: 'kpu-prov-jawa-timur', ketuaSignsLkj: value });
        expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
      }
      expect((await root.get('/api/v1/satker/kpu-kab-salah')).status).toBe(404);
    });

    it('never deactivates the root office', async () => {
      const response = await as(rootAdminToken).patch('/api/v1/satker/kpu-ri').send({ active: false });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'SATKER.ROOT_CANNOT_BE_DEACTIVATED' });
    });
  });

  describe('subbagian and users', () => {
    it('lets the office admin add a subbagian and a Kasubbag who can then sign in', async () => {
      const admin = own.users.ADMIN.token;
      expect((await as(admin).post('/api/v1/satker/kpu-kab-jember/subbagian').send({ code: 'HSDM', name: 'Sub. Bagian Hukum dan SDM' })).status).toBe(201);
      const created = await as(admin)
        .post('/api/v1/satker/kpu-kab-jember/users')
        .send({ username: 'kasubbag.hsdm', fullName: 'Kasubbag HSDM', email: 'hsdm@kpu-jember.go.id', role: 'KASUBBAG', subbagian: 'HSDM', password: 'hsdm-kopi-pahit-1' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ username: 'kasubbag.hsdm', satker: 'kpu-kab-jember', subbagian: 'HSDM', active: true });
      expect(created.body).not.toHaveProperty('passwordHash');
      expect((await login(t, 'kasubbag.hsdm', 'hsdm-kopi-pahit-1')).length).toBeGreaterThan(20);
      const listed = await as(admin).get('/api/v1/satker/kpu-kab-jember/users');
      expect(listed.body.map((u: { username: string }) => u.username)).toContain('kasubbag.hsdm');
      expect(JSON.stringify(listed.body)).not.toContain('argon2');
    });

    it('moves a Kasubbag to another subbagian and refuses an inactive one', async () => {
      const admin = own.users.ADMIN.token;
      const path = `/api/v1/satker/kpu-kab-jember/users/${own.users.KASUBBAG.id}`;
      expect((await as(admin).patch(path).send({ subbagian: 'KUL' })).body).toMatchObject({ subbagian: 'KUL' });
      expect((await as(admin).patch('/api/v1/satker/kpu-kab-jember/subbagian/HSDM').send({ active: false })).body).toMatchObject({ active: false });
      const refused = await as(admin).patch(path).send({ subbagian: 'HSDM' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'SUBBAGIAN.INACTIVE' });
    });

    it('answers a user of another office as not found, even under an office the admin manages', async () => {
      const response = await as(rootAdminToken).get(`/api/v1/satker/kpu-kab-banyuwangi/users/${own.users.KETUA.id}`);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'USER.NOT_FOUND' });
    });

    it('keeps the office admin from deactivating themselves', async () => {
      const response = await as(own.users.ADMIN.token).patch(`/api/v1/satker/kpu-kab-jember/users/${own.users.ADMIN.id}`).send({ active: false });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'USER.CANNOT_CHANGE_OWN_ACCESS' });
    });

    it.each([
      ['fullName', { fullName: null }],
      ['role', { role: null }],
      ['active', { active: null }],
      ['expectedVersion', { expectedVersion: null }],
    ])('refuses null for %s of a user with 400 and writes nothing', async (field, body) => {
      const path = `/api/v1/satker/kpu-kab-jember/users/${own.users.KETUA.id}`;
      const before = await as(own.users.ADMIN.token).get(path);
      const events = await eventCount('kpu-kab-jember');
      const response = await as(own.users.ADMIN.token).patch(path).send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
      expect(response.body.details.fields).toEqual([expect.objectContaining({ field, constraint: 'isNotNull' })]);
      expect((await as(own.users.ADMIN.token).get(path)).body).toEqual(before.body);
      expect(await eventCount('kpu-kab-jember')).toBe(events);
    });

    it('still takes null for a user\'s e-mail address, which removes it', async () => {
      const path = `/api/v1/satker/kpu-kab-jember/users/${own.users.KETUA.id}`;
      expect((await as(own.users.ADMIN.token).patch(path).send({ email: 'ketua@kpu-jember.go.id' })).body).toMatchObject({ email: 'ketua@kpu-jember.go.id' });
      const removed = await as(own.users.ADMIN.token).patch(path).send({ email: null });
      expect({ status: removed.status, email: removed.body.email }).toEqual({ status: 200, email: null });
    });

    it.each([
      ['name', { name: null }],
      ['active', { active: null }],
    ])('refuses null for %s of a subbagian with 400 and writes nothing', async (field, body) => {
      const path = '/api/v1/satker/kpu-kab-jember/subbagian/PDI';
      const events = await eventCount('kpu-kab-jember');
      const before = (await as(own.users.ADMIN.token).get('/api/v1/satker/kpu-kab-jember/subbagian')).body;
      const response = await as(own.users.ADMIN.token).patch(path).send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
      expect(response.body.details.fields).toEqual([expect.objectContaining({ field, constraint: 'isNotNull' })]);
      expect((await as(own.users.ADMIN.token).get('/api/v1/satker/kpu-kab-jember/subbagian')).body).toEqual(before);
      expect(await eventCount('kpu-kab-jember')).toBe(events);
    });

    it.each([
      ['an office', 'post', '/api/v1/satker', { code: 'kpu-kab-kosong', name: '   ', parentCode: 'kpu-prov-jawa-timur' }, 'name'],
      ['a subbagian', 'patch', '/api/v1/satker/kpu-kab-jember/subbagian/PDI', { name: '    ' }, 'name'],
      ['a user', 'patch', 'USER', { fullName: '  \t ' }, 'fullName'],
      ['a subbagian (Hangul fillers)', 'patch', '/api/v1/satker/kpu-kab-jember/subbagian/PDI', { name: '\u3164\u3164\u3164' }, 'name'],
    ] as const)('refuses a name of %s made of spaces only, naming the field', async (_what, method, path, body, field) => {
      const target = path === 'USER' ? `/api/v1/satker/kpu-kab-jember/users/${own.users.KETUA.id}` : path;
      const response = await as(path === '/api/v1/satker' ? rootAdminToken : own.users.ADMIN.token)[method](target).send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
      expect(response.body.details.fields).toContainEqual({ field, constraint: 'isNotBlank', message: 'tidak boleh hanya berisi spasi atau karakter yang tidak terlihat' });
    });

    it('resets a password so that only the new one works', async () => {
      const path = `/api/v1/satker/kpu-kab-jember/users/${own.users.KETUA.id}/password`;
      expect((await as(own.users.ADMIN.token).post(path).send({ newPassword: 'jendela-kayu-baru-3' })).status).toBe(204);
      expect((await t.http.post('/api/v1/auth/login').send({ username: 'ketua.kpu-kab-jember', password: FIXTURE_PASSWORD })).status).toBe(401);
      expect((await login(t, 'ketua.kpu-kab-jember', 'jendela-kayu-baru-3')).length).toBeGreaterThan(20);
    });

    it('refuses an administrator resetting their own password (it would skip the current password) and changes nothing', async () => {
      const path = `/api/v1/satker/kpu-kab-jember/users/${own.users.ADMIN.id}/password`;
      const events = await eventCount('kpu-kab-jember');
      const response = await as(own.users.ADMIN.token).post(path).send({ newPassword: 'diambil-alih-123' });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'USER.CANNOT_RESET_OWN_PASSWORD' });
      expect(response.body.message).toContain('menu Ubah Kata Sandi');
      expect(await eventCount('kpu-kab-jember')).toBe(events);
      expect((await as(own.users.ADMIN.token).get('/api/v1/auth/me')).status).toBe(200);
      expect((await t.http.post('/api/v1/auth/login').send({ username: 'admin.kpu-kab-jember', password: 'diambil-alih-123' })).status).toBe(401);
    });
  });

  describe('names people read, and a closed office', () => {
    const users = '/api/v1/satker/kpu-kab-jember/users';
    const usernames = async () => ((await as(own.users.ADMIN.token).get(users)).body as Array<{ username: string }>).map((u) => u.username);

    it.each([
      ['a zero-width space', 'Agus\u200bSetiawan', 'berisi karakter tak terlihat U+200B yang tidak diizinkan: hanya huruf Latin'],
      ['a right-to-left override (U+202E)', 'Agus \u202eSetiawan', 'berisi karakter tak terlihat U+202E yang tidak diizinkan'],
      ['a Cyrillic letter that imitates a Latin one', 'Agus S\u0435tiawan', 'berisi karakter "\u0435" (U+0435) yang tidak diizinkan'],
      ['a single letter in brackets', '(a)', 'nama lengkap harus berisi sedikitnya dua huruf'],
      ['201 characters once stored', `Agus ${'S'.repeat(196)}`, 'nama lengkap 2–200 karakter setelah spasi dirapikan dan dinormalkan (NFKC); yang dikirim 201 karakter'],
    ])('refuses a full name with %s (400 naming fullName and the rule it breaks) and stores nothing', async (_what, fullName, message) => {
      const events = await eventCount('kpu-kab-jember');
      const response = await as(own.users.ADMIN.token).post(users).send({ username: 'agus.aneh', fullName, role: 'KETUA', password: 'meja-kursi-lemari' });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
      expect(response.body.details.fields).toEqual([expect.objectContaining({ field: 'fullName', constraint: 'isPersonName' })]);
      expect(response.body.details.fields[0].message).toContain(message);
      expect(await usernames()).not.toContain('agus.aneh');
      expect(await eventCount('kpu-kab-jember')).toBe(events);
      // Nor as a change of an existing account's name.
      const path = `${users}/${own.users.KETUA.id}`;
      const before = (await as(own.users.ADMIN.token).get(path)).body;
      const changed = await as(own.users.ADMIN.token).patch(path).send({ fullName });
      expect({ status: changed.status, fields: changed.body.details?.fields?.map((f: { field: string }) => f.field) }).toEqual({ status: 400, fields: ['fullName'] });
      expect(changed.body.details.fields[0].message).toContain(message);
      expect((await as(own.users.ADMIN.token).get(path)).body).toEqual(before);
      expect(await eventCount('kpu-kab-jember')).toBe(events);
    });

    it('judges a full name\'s length on the form it is stored in: "Ⅻ" is "XII"', async () => {
      const created = await as(own.users.ADMIN.token).post(users).send({ username: 'staf.duabelas', fullName: 'Ⅻ', role: 'KETUA', password: 'meja-kursi-lemari' });
      expect({ status: created.status, fullName: created.body.fullName }).toEqual({ status: 201, fullName: 'XII' });
    });

    it('stores a full name in NFKC with single spaces, and takes back unchanged a name stored before the rule', async () => {
      const created = await as(own.users.ADMIN.token).post(users)
        .send({ username: 'agus.spasi', fullName: '  Ａgus\u00a0\u00a0Setiawan,  S.Kom ', role: 'KETUA', password: 'meja-kursi-lemari' });
      expect({ status: created.status, fullName: created.body.fullName }).toEqual({ status: 201, fullName: 'Agus Setiawan, S.Kom' });
      // A name stored before the rule (double space, zero-width space) may be sent back as it is with another change.
      await t.app.get(DataSource).query(`UPDATE users SET full_name = $2 WHERE id = $1`, [created.body.id, 'Agus  Setia\u200bwan']);
      const path = `${users}/${created.body.id}`;
      const kept = await as(own.users.ADMIN.token).patch(path).send({ fullName: 'Agus  Setia\u200bwan', email: 'agus.spasi@kpu-jember.go.id' });
      expect({ status: kept.status, fullName: kept.body.fullName, email: kept.body.email })
        .toEqual({ status: 200, fullName: 'Agus  Setia\u200bwan', email: 'agus.spasi@kpu-jember.go.id' });
      const renamed = await as(own.users.ADMIN.token).patch(path).send({ fullName: 'Agus  Setiawan' });
      expect({ status: renamed.status, fullName: renamed.body.fullName }).toEqual({ status: 200, fullName: 'Agus Setiawan' });
    });

    it.each([
      ['an office', 'post', '/api/v1/satker', { code: 'kpu-kab-tersembunyi', name: 'KPU Kabupaten\u200b Jember', parentCode: 'kpu-prov-jawa-timur' }],
      ['an office (renamed)', 'patch', '/api/v1/satker/kpu-kab-jember', { name: 'KPU Kabupaten \u202eJember' }],
      ['a subbagian', 'post', '/api/v1/satker/kpu-kab-jember/subbagian', { code: 'ZW', name: 'Sub. Bagian\u200b Umum' }],
      ['a subbagian (renamed)', 'patch', '/api/v1/satker/kpu-kab-jember/subbagian/PDI', { name: 'Sub. Bagian Perencanaan\u200b' }],
    ] as const)('refuses the name of %s with a hidden character (400 naming name) and writes nothing', async (_what, method, path, body) => {
      const events = await eventCount('kpu-kab-jember');
      const response = await as(rootAdminToken)[method](path).send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
      expect(response.body.details.fields).toEqual([expect.objectContaining({ field: 'name', constraint: 'hasNoHiddenCharacters' })]);
      expect(await eventCount('kpu-kab-jember')).toBe(events);
      expect((await as(rootAdminToken).get('/api/v1/satker/kpu-kab-tersembunyi')).status).toBe(404);
      expect(((await as(rootAdminToken).get('/api/v1/satker/kpu-kab-jember/subbagian')).body as Array<{ code: string }>).map((b) => b.code)).not.toContain('ZW');
    });

    it.each([
      ['an office', 'post', '/api/v1/satker', { code: 'kpu-kab-tersembunyi', name: 'KPU Kabupaten J\u0338\u0322\u034e\u0317ember', parentCode: 'kpu-prov-jawa-timur' }],
      ['an office (renamed)', 'patch', '/api/v1/satker/kpu-kab-jember', { name: '\u0301KPU Kabupaten Jember' }],
      ['a subbagian', 'post', '/api/v1/satker/kpu-kab-jember/subbagian', { code: 'ZW', name: 'Sub. Bagian U\u0334\u0335\u0336\u0337mum' }],
      ['a subbagian (renamed)', 'patch', '/api/v1/satker/kpu-kab-jember/subbagian/PDI', { name: 'Sub. Bagian P\u0338\u0322\u034e\u0317erencanaan' }],
    ] as const)('refuses the name of %s stacking combining marks (400 naming name) and writes nothing', async (_what, method, path, body) => {
      const events = await eventCount('kpu-kab-jember');
      const response = await as(rootAdminToken)[method](path).send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
      expect(response.body.details.fields).toEqual([expect.objectContaining({ field: 'name', constraint: 'hasNoStackedMarks' })]);
      expect(response.body.details.fields[0].message).toContain('menumpuk tanda diakritik');
      expect(await eventCount('kpu-kab-jember')).toBe(events);
      expect((await as(rootAdminToken).get('/api/v1/satker/kpu-kab-tersembunyi')).status).toBe(404);
      expect(((await as(rootAdminToken).get('/api/v1/satker/kpu-kab-jember/subbagian')).body as Array<{ code: string }>).map((b) => b.code)).not.toContain('ZW');
    });

    it('stores office and subbagian names as people read them (spaces joined and trimmed), and refuses a second office of the same name (409 SATKER.NAME_TAKEN)', async () => {
      const root = as(rootAdminToken);
      const created = await root.post('/api/v1/satker').send({ code: 'kpu-kab-spasi', name: '  KPU   Kabupaten  Spasi ', parentCode: 'kpu-prov-jawa-timur' });
      expect({ status: created.status, name: created.body.name }).toEqual({ status: 201, name: 'KPU Kabupaten Spasi' });
      const sub = await root.post('/api/v1/satker/kpu-kab-spasi/subbagian').send({ code: 'HSDM', name: '  Sub. Bagian  Hukum dan SDM ' });
      expect({ status: sub.status, name: sub.body.name }).toEqual({ status: 201, name: 'Sub. Bagian Hukum dan SDM' });
      const events = await eventCount('kpu-kab-banyuwangi');
      const renamed = await root.patch('/api/v1/satker/kpu-kab-banyuwangi').send({ name: 'kpu kabupaten  JEMBER' });
      expect({ status: renamed.status, code: renamed.body.code, details: renamed.body.details })
        .toEqual({ status: 409, code: 'SATKER.NAME_TAKEN', details: { name: 'kpu kabupaten JEMBER', satker: 'kpu-kab-jember' } });
      expect(renamed.body.message).toContain('sudah dipakai satker "kpu-kab-jember"');
      expect(await eventCount('kpu-kab-banyuwangi')).toBe(events);
      const twin = await root.post('/api/v1/satker').send({ code: 'kpu-kab-kembar', name: 'KPU Kabupaten Spasi', parentCode: 'kpu-prov-jawa-timur' });
      expect({ status: twin.status, code: twin.body.code }).toEqual({ status: 409, code: 'SATKER.NAME_TAKEN' });
      expect((await root.get('/api/v1/satker/kpu-kab-kembar')).status).toBe(404);
      // Renaming an office to its own name written otherwise is no clash with itself.
      expect((await root.patch('/api/v1/satker/kpu-kab-spasi').send({ name: 'KPU Kabupaten Spasi ' })).status).toBe(200);
    });

    it('does not name an office outside the caller\'s scope whose name a new or renamed office would take', async () => {
      const admin = as(own.users.ADMIN.token);
      // Banyuwangi is outside the Jember admin's scope: every read of it answers 404.
      expect((await admin.get('/api/v1/satker/kpu-kab-banyuwangi')).status).toBe(404);
      const created = await admin.post('/api/v1/satker').send({ code: 'kpu-jember-cabang', name: 'KPU Kabupaten Banyuwangi', parentCode: 'kpu-kab-jember' });
      expect({ status: created.status, code: created.body.code, details: created.body.details })
        .toEqual({ status: 409, code: 'SATKER.NAME_TAKEN', details: { name: 'KPU Kabupaten Banyuwangi' } });
      expect(created.body.message).toMatch(/^Nama "KPU Kabupaten Banyuwangi" sudah dipakai satker lain di luar wilayah kewenangan Anda; .*Gunakan nama lain/);
      expect(created.body.message).not.toContain('banyuwangi');
      expect((await as(rootAdminToken).get('/api/v1/satker/kpu-jember-cabang')).status).toBe(404);
      // An office the caller may see is still named: they can go and look at it.
      const own2 = await admin.post('/api/v1/satker').send({ code: 'kpu-jember-cabang', name: 'KPU Kabupaten Jember', parentCode: 'kpu-kab-jember' });
      expect({ status: own2.status, details: own2.body.details }).toEqual({ status: 409, details: { name: 'KPU Kabupaten Jember', satker: 'kpu-kab-jember' } });
    });

    it.each(['--', '-kpu-', 'kpu-', '-kpu', '00', '2024', '0-0'])('refuses a new office code that is no code (%s): letters or digits at both ends, at least one letter', async (code) => {
      const response = await as(rootAdminToken).post('/api/v1/satker').send({ code, name: `KPU Kode ${code}`, parentCode: 'kpu-prov-jawa-timur' });
      expect({ status: response.status, fields: response.body.details?.fields }).toEqual({
        status: 400,
        fields: [{ field: 'code', constraint: 'matches', message: expect.stringContaining('diawali dan diakhiri huruf atau angka, dengan paling sedikit satu huruf') }],
      });
    });

    it('takes a new office code with digits and hyphens inside (kpu-kab-2, k9)', async () => {
      for (const code of ['kpu-kab-2', 'k9', '9k']) {
        const created = await as(rootAdminToken).post('/api/v1/satker').send({ code, name: `KPU Kode Sah ${code}`, parentCode: 'kpu-prov-jawa-timur' });
        expect({ code, status: created.status }).toEqual({ code, status: 201 });
      }
    });

    it('accepts an office name with the accents people write (Vietnamese, decomposed é), stored as typed', async () => {
      const created = await as(rootAdminToken).post('/api/v1/satker').send({ code: 'kpu-kab-aksen', name: 'Kantor Nguyễn Pe\u0301rez', parentCode: 'kpu-prov-jawa-timur' });
      expect(created.status).toBe(201);
    });

    it('refuses a new user or subbagian, and reopening one, in a deactivated office (409 SATKER.INACTIVE), until the office reopens', async () => {
      const root = as(rootAdminToken);
      const office = '/api/v1/satker/kpu-kab-ditutup';
      expect((await root.post('/api/v1/satker').send({ code: 'kpu-kab-ditutup', name: 'KPU Kabupaten Ditutup', parentCode: 'kpu-prov-jawa-timur' })).status).toBe(201);
      expect((await root.post(`${office}/subbagian`).send({ code: 'PDI', name: 'Sub. Bagian PDI' })).status).toBe(201);
      const staff = await root.post(`${office}/users`).send({ username: 'staf.ditutup', fullName: 'Staf Ditutup', role: 'KETUA', password: 'meja-kursi-lemari' });
      expect(staff.status).toBe(201);
      expect((await root.patch(`${office}/users/${staff.body.id}`).send({ active: false })).status).toBe(200);
      expect((await root.patch(`${office}/subbagian/PDI`).send({ active: false })).status).toBe(200);
      expect((await root.patch(office).send({ active: false })).status).toBe(200);
      const events = await eventCount('kpu-kab-ditutup');

      const user = await root.post(`${office}/users`).send({ username: 'staf.baru', fullName: 'Staf Baru', role: 'KETUA', password: 'meja-kursi-lemari' });
      expect({ status: user.status, code: user.body.code, details: user.body.details }).toEqual({ status: 409, code: 'SATKER.INACTIVE', details: { satker: 'kpu-kab-ditutup' } });
      expect(user.body.message).toContain('tidak aktif');
      const subbagian = await root.post(`${office}/subbagian`).send({ code: 'KUL', name: 'Sub. Bagian KUL' });
      expect({ status: subbagian.status, code: subbagian.body.code }).toEqual({ status: 409, code: 'SATKER.INACTIVE' });
      const reopenUser = await root.patch(`${office}/users/${staff.body.id}`).send({ active: true });
      expect({ status: reopenUser.status, code: reopenUser.body.code }).toEqual({ status: 409, code: 'SATKER.INACTIVE' });
      const reopenSubbagian = await root.patch(`${office}/subbagian/PDI`).send({ active: true });
      expect({ status: reopenSubbagian.status, code: reopenSubbagian.body.code }).toEqual({ status: 409, code: 'SATKER.INACTIVE' });
      expect(await eventCount('kpu-kab-ditutup')).toBe(events);
      expect((await t.http.post('/api/v1/auth/login').send({ username: 'staf.baru', password: 'meja-kursi-lemari' })).status).toBe(401);

      expect((await root.patch(office).send({ active: true })).status).toBe(200);
      expect((await root.post(`${office}/users`).send({ username: 'staf.baru', fullName: 'Staf Baru', role: 'KETUA', password: 'meja-kursi-lemari' })).status).toBe(201);
      expect((await root.patch(`${office}/users/${staff.body.id}`).send({ active: true })).body).toMatchObject({ active: true });
      expect((await root.patch(`${office}/subbagian/PDI`).send({ active: true })).body).toMatchObject({ active: true });
    });
  });
});
