import { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { ProjectionRegistry, ProjectionRunner } from '@kinerja/projections';
import { AuditTrailProjection } from '@kinerja/projections/audit-trail/audit-trail.projection';
import { createOffice, type FixtureOffice, loginFirstAdmin } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const DINKES = 'dinkes-kab-kupang';
const PATH = `/api/v1/satker/${DINKES}/profile`;
const PROFILE = {
  institutionKind: 'LAINNYA',
  institutionName: 'Dinas Kesehatan Kabupaten Kupang',
  headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang',
  signingPlace: 'Oelamasi',
  tasks: ['Melaksanakan urusan pemerintahan daerah di bidang kesehatan.'],
  subbagian: [{ code: 'PDI', duties: ['Menyusun rencana program.'] }],
  staff: { educationLevels: ['D3', 'S1'], rows: [{ status: 'PNS', counts: [12, 30] }] },
};

/** An office's profile for its LKj over HTTP: who may read and set it, what is refused, and what the trail tells. */
describe('PUT and GET satker/{satker}/profile', () => {
  let t: TestApp;
  let root: string;
  let dinkes: FixtureOffice;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function profileEvents(): Promise<number> {
    const [row] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM events WHERE tenant_id = $1 AND type = 'SatkerProfileChanged'`, [DINKES]);
    return row.n;
  }

  beforeAll(async () => {
    t = await createTestApp();
    root = await loginFirstAdmin(t);
    const parent = await t.http.post('/api/v1/satker').set(as(root)).send({ code: 'pemkab-kupang', name: 'Pemerintah Kabupaten Kupang', parentCode: t.config.ROOT_SATKER_CODE });
    expect(parent.status).toBe(201);
    dinkes = await createOffice(t, root, { code: DINKES, name: 'Dinas Kesehatan Kabupaten Kupang', parentCode: 'pemkab-kupang' });
  });
  afterAll(() => t?.close());

  it('reads a profile nobody set as a KPU office with nothing recorded, ETag "0", for the office\'s people', async () => {
    const response = await t.http.get(PATH).set(as(dinkes.users.KASUBBAG.token));
    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"0"');
    expect(response.body).toMatchObject({ code: DINKES, version: 0, institutionKind: 'KPU', institutionName: null, tasks: [], staff: null });
  });

  it('lets only an ADMIN set it (403 AUTH.FORBIDDEN for the Sekretaris), nothing recorded', async () => {
    const response = await t.http.put(PATH).set(as(dinkes.users.SEKRETARIS.token)).send(PROFILE);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('AUTH.FORBIDDEN');
    expect(await profileEvents()).toBe(0);
  });

  it.each([
    [{ ...PROFILE, warna: 'merah' }, 'warna', 'whitelistValidation'],
    [{ ...PROFILE, institutionKind: 'DINAS' }, 'institutionKind', 'isIn'],
    [{ ...PROFILE, headTitle: '   ' }, 'headTitle', 'isNotBlank'],
    [{ ...PROFILE, signingPlace: 'x'.repeat(101) }, 'signingPlace', 'maxLength'],
    [{ ...PROFILE, tasks: ['Baik', 'a\u202Eb'] }, 'tasks.1', 'isFreeText'],
    [{ ...PROFILE, staff: { educationLevels: ['S1'], rows: [{ status: 'PNS', counts: [-1] }] } }, 'staff.rows.0.counts.0', 'min'],
    [{ ...PROFILE, subbagian: [{ code: 'pdi', duties: [] }] }, 'subbagian.0.code', 'matches'],
  ])('refuses input it cannot take with 400 VALIDATION.FAILED naming the field (%#), nothing recorded', async (body, field, constraint) => {
    const response = await t.http.put(PATH).set(as(root)).send(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION.FAILED');
    expect(response.body.details.fields).toContainEqual(expect.objectContaining({ field, constraint }));
    expect(await profileEvents()).toBe(0);
  });

  it('refuses a subbagian the office does not have and a staff row that does not fit its columns with 422, nothing recorded', async () => {
    const unknown = await t.http.put(PATH).set(as(root)).send({ ...PROFILE, subbagian: [{ code: 'TPH', duties: ['x'] }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'SATKER_PROFILE.SUBBAGIAN_NOT_FOUND', details: { subbagianCodes: ['KUL', 'PDI'] } });
    const staff = await t.http.put(PATH).set(as(root)).send({ ...PROFILE, staff: { educationLevels: ['D3', 'S1'], rows: [{ status: 'PNS', counts: [1] }] } });
    expect(staff.status).toBe(422);
    expect(staff.body.code).toBe('SATKER_PROFILE.STAFF_COUNTS_MISMATCH');
    expect(await profileEvents()).toBe(0);
  });

  it('sets it with If-Match and Idempotency-Key: ETag "1", a retry replayed, a stale version 409; the Kasubbag reads it', async () => {
    const first = await t.http.put(PATH).set(as(root)).set('If-Match', '"0"').set('Idempotency-Key', 'profil-dinkes-1').send({ ...PROFILE, reason: 'Peraturan Bupati Kupang Nomor 12 Tahun 2026' });
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"1"');
    expect(first.body).toMatchObject({ version: 1, institutionKind: 'LAINNYA', signingPlace: 'Oelamasi', subbagian: PROFILE.subbagian, staff: PROFILE.staff });
    const retry = await t.http.put(PATH).set(as(root)).set('If-Match', '"0"').set('Idempotency-Key', 'profil-dinkes-1').send({ ...PROFILE, reason: 'Peraturan Bupati Kupang Nomor 12 Tahun 2026' });
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const stale = await t.http.put(PATH).set(as(root)).set('If-Match', '"0"').send({ ...PROFILE, signingPlace: 'Kupang' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('IDENTITY.VERSION_CONFLICT');
    expect(await profileEvents()).toBe(1);
    const read = await t.http.get(PATH).set(as(dinkes.users.KASUBBAG.token));
    expect(read.body).toMatchObject({ version: 1, headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang' });
  });

  it('is told in the audit trail in Indonesian, naming what changed, with the reason', async () => {
    await new ProjectionRunner(t.app.get(DataSource), t.app.get(EventStore), new ProjectionRegistry([new AuditTrailProjection()])).drain();
    const response = await t.http.get(`/api/v1/satker/${DINKES}/audit/trail?type=SatkerProfileChanged`).set(as(dinkes.users.INSPEKTORAT.token));
    expect(response.status).toBe(200);
    const [row] = response.body.items;
    expect(row).toMatchObject({
      summary: 'Mengubah profil satker dinkes-kab-kupang untuk Laporan Kinerja (versi 1): jenis instansi, nama instansi, jabatan pimpinan, tempat penandatanganan, tugas, tabel SDM, tugas subbagian PDI.',
      reason: 'Peraturan Bupati Kupang Nomor 12 Tahun 2026',
    });
    expect(row.changes).toContainEqual(expect.objectContaining({ field: 'jenis instansi', before: 'KPU', after: 'instansi lain (bukan KPU)' }));
  });
});
