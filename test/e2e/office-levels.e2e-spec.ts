import { createTwoOffices } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The tree of offices has OFFICE_LEVELS levels (3 for KPU: KPU RI, provinsi, kabupaten/kota): a
 * kabupaten is neither created nor moved under another kabupaten, whose ADMIN and INSPEKTORAT would
 * then manage it (security test); a province with its kabupaten is not moved under another province.
 */
describe('the levels of the office tree', () => {
  let t: TestApp;
  let root: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    ({ rootAdminToken: root } = await createTwoOffices(t));
  });

  afterAll(() => t?.close());

  it('refuses an office under a kabupaten (422 SATKER.TOO_DEEP), naming the levels, and creates nothing', async () => {
    const refused = await t.http.post('/api/v1/satker').set(as(root)).send({ code: 'kpu-kab-bawahan', name: 'KPU Kabupaten Bawahan', parentCode: 'kpu-kab-jember' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'SATKER.TOO_DEEP' });
    expect(refused.body.details).toEqual({ satker: 'kpu-kab-bawahan', parentCode: 'kpu-kab-jember', levels: 3, parentLevel: 3, setting: 'OFFICE_LEVELS' });
    expect(refused.body.message).toContain('paling banyak 3 tingkat');
    // The setting is the operator's: an office ADMIN reads what to do, not an environment variable.
    expect(refused.body.message).not.toContain('OFFICE_LEVELS');
    expect((await t.http.get('/api/v1/satker/kpu-kab-bawahan').set(as(root))).status).toBe(404);
  });

  it('refuses moving a kabupaten under another, and a province with its kabupaten under another province; a kabupaten moves between provinces', async () => {
    const intoKabupaten = await t.http.patch('/api/v1/satker/kpu-kab-banyuwangi').set(as(root)).send({ parentCode: 'kpu-kab-jember' });
    expect({ status: intoKabupaten.status, code: intoKabupaten.body.code }).toEqual({ status: 422, code: 'SATKER.TOO_DEEP' });

    expect((await t.http.post('/api/v1/satker').set(as(root)).send({ code: 'kpu-prov-bali', name: 'KPU Provinsi Bali', parentCode: t.config.ROOT_SATKER_CODE })).status).toBe(201);
    const provinceUnderProvince = await t.http.patch('/api/v1/satker/kpu-prov-jawa-timur').set(as(root)).send({ parentCode: 'kpu-prov-bali' });
    expect({ status: provinceUnderProvince.status, code: provinceUnderProvince.body.code }).toEqual({ status: 422, code: 'SATKER.TOO_DEEP' });
    expect(provinceUnderProvince.body.details).toMatchObject({ levels: 3, parentLevel: 2 });

    const moved = await t.http.patch('/api/v1/satker/kpu-kab-banyuwangi').set(as(root)).send({ parentCode: 'kpu-prov-bali' });
    expect({ status: moved.status, parentCode: moved.body.parentCode }).toEqual({ status: 200, parentCode: 'kpu-prov-bali' });
    expect((await t.http.get('/api/v1/satker/kpu-kab-jember').set(as(root))).body.parentCode).toBe('kpu-prov-jawa-timur');
  });
});
