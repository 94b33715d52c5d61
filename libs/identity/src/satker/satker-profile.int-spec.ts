import { createIdentityTestContext, IdentityTestContext, refusal } from '../../../../test/support/identity-test-context';
import { SubbagianService } from '../subbagian/subbagian.service';
import { SatkerProfileService } from './satker-profile.service';
import { SatkerService } from './satker.service';

const DINKES = 'dinkes-kab-kupang';

/** An office's profile for its LKj: set as a whole by its ADMIN, kept with its version, told by one event per change. */
describe('the office profile command against the real PostgreSQL and event store', () => {
  let context: IdentityTestContext;
  let profiles: SatkerProfileService;
  const events = async () => (await context.store.readStream(`identity:${DINKES}`)).filter((e) => e.type === 'SatkerProfileChanged');

  beforeAll(async () => {
    context = await createIdentityTestContext();
    profiles = context.module.get(SatkerProfileService);
    await context.module.get(SatkerService).create(context.rootAdmin, { code: 'pemkab-kupang', name: 'Pemerintah Kabupaten Kupang', parentCode: 'kpu-ri' });
    await context.module.get(SatkerService).create(context.rootAdmin, { code: DINKES, name: 'Dinas Kesehatan Kabupaten Kupang', parentCode: 'pemkab-kupang' });
    await context.module.get(SubbagianService).create(context.rootAdmin, DINKES, { code: 'UMPEG', name: 'Subbagian Umum dan Kepegawaian' });
  });
  afterAll(() => context?.close());

  it('reads an office nobody described as a KPU office with nothing recorded, at version 0', async () => {
    expect(await profiles.get(DINKES)).toEqual({
      code: DINKES, version: 0, updatedAt: null, institutionKind: 'KPU', institutionName: null, shortName: null, headTitle: null,
      signingPlace: null, address: null, region: null, tasks: [], functions: [], subbagian: [], staff: null,
    });
    expect((await refusal(profiles.get('tidak-ada'))).code).toBe('SATKER.NOT_FOUND');
  });

  it('sets the profile as people read it and records what changed, with the reason, in one event', async () => {
    const { view, version, replayed } = await profiles.set(context.rootAdmin, DINKES, {
      institutionKind: 'LAINNYA', institutionName: '  Dinas  Kesehatan Kabupaten Kupang ', headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang',
      signingPlace: 'Oelamasi', tasks: ['Melaksanakan urusan kesehatan;', '   '], subbagian: [{ code: 'UMPEG', duties: ['Mengelola kepegawaian.'] }],
      staff: { educationLevels: ['D3', 'S1'], rows: [{ status: 'PNS', counts: [1, 2] }] }, reason: 'Peraturan Bupati Kupang tentang susunan organisasi',
    });
    expect({ version, replayed }).toEqual({ version: 1, replayed: false });
    expect(view).toMatchObject({ institutionKind: 'LAINNYA', institutionName: 'Dinas Kesehatan Kabupaten Kupang', tasks: ['Melaksanakan urusan kesehatan;'], address: null });
    expect(await profiles.get(DINKES)).toMatchObject({ version: 1, signingPlace: 'Oelamasi', subbagian: [{ code: 'UMPEG', duties: ['Mengelola kepegawaian.'] }] });
    const [event] = await events();
    expect(event).toMatchObject({ tenantId: DINKES, metadata: { actorId: context.rootAdmin.id, actorRole: 'ADMIN' } });
    expect(event.data).toEqual({
      code: DINKES, version: 1, reason: 'Peraturan Bupati Kupang tentang susunan organisasi',
      changes: {
        institutionKind: 'LAINNYA', institutionName: 'Dinas Kesehatan Kabupaten Kupang', headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang', signingPlace: 'Oelamasi',
        tasks: ['Melaksanakan urusan kesehatan;'], subbagian: [{ code: 'UMPEG', duties: ['Mengelola kepegawaian.'] }],
        staff: { educationLevels: ['D3', 'S1'], rows: [{ status: 'PNS', counts: [1, 2] }] },
      },
    });
  });

  it('records nothing for the same profile again; a field left out is no longer recorded, and only that is told', async () => {
    const same = { institutionKind: 'LAINNYA' as const, institutionName: 'Dinas Kesehatan Kabupaten Kupang', headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang',
      signingPlace: 'Oelamasi', tasks: ['Melaksanakan urusan kesehatan;'], subbagian: [{ code: 'UMPEG', duties: ['Mengelola kepegawaian.'] }],
      staff: { educationLevels: ['D3', 'S1'], rows: [{ status: 'PNS', counts: [1, 2] }] } };
    expect((await profiles.set(context.rootAdmin, DINKES, same)).version).toBe(1);
    expect(await events()).toHaveLength(1);
    const { version } = await profiles.set(context.rootAdmin, DINKES, { ...same, staff: null }, { expectedVersion: 1 });
    expect(version).toBe(2);
    expect((await events())[1].data).toEqual({ code: DINKES, version: 2, changes: { staff: null } });
  });

  it('refuses a stale version, an unknown or repeated subbagian, a staff table that is no table, and a blank reason, writing nothing', async () => {
    const admin = context.rootAdmin;
    expect(await refusal(profiles.set(admin, DINKES, { institutionKind: 'KPU' }, { expectedVersion: 1 })))
      .toMatchObject({ code: 'IDENTITY.VERSION_CONFLICT', details: { expectedVersion: 1, actualVersion: 2 } });
    expect(await refusal(profiles.set(admin, DINKES, { subbagian: [{ code: 'TPH', duties: ['x'] }] }))).toMatchObject({
      code: 'SATKER_PROFILE.SUBBAGIAN_NOT_FOUND', message: 'Subbagian "TPH" tidak ada pada satker "dinkes-kab-kupang". Subbagian satker ini: UMPEG. Periksa kode subbagian yang diisi.',
    });
    expect((await refusal(profiles.set(admin, DINKES, { subbagian: [{ code: 'UMPEG', duties: ['a'] }, { code: 'UMPEG', duties: ['b'] }] }))).code).toBe('SATKER_PROFILE.SUBBAGIAN_TWICE');
    expect(await refusal(profiles.set(admin, DINKES, { staff: { educationLevels: ['D3', 'S1'], rows: [{ status: 'PNS', counts: [1] }] } }))).toMatchObject({
      code: 'SATKER_PROFILE.STAFF_COUNTS_MISMATCH',
      message: 'Tabel SDM baris ke-1 berisi 1 angka, sedangkan jenjang pendidikannya 2; isi satu angka untuk setiap jenjang pendidikan, sesuai urutannya.',
    });
    expect((await refusal(profiles.set(admin, DINKES, { staff: { educationLevels: ['S1', 'S1'], rows: [{ status: 'PNS', counts: [1, 2] }] } }))).code).toBe('SATKER_PROFILE.STAFF_DUPLICATE');
    expect((await refusal(profiles.set(admin, DINKES, { institutionKind: 'KPU', reason: '  ' }))).code).toBe('IDENTITY.REASON_INVALID');
    expect(await events()).toHaveLength(2);
    expect(await profiles.get(DINKES)).toMatchObject({ version: 2, institutionKind: 'LAINNYA' });
  });

  it('answers a retry of the same Idempotency-Key with the first answer, recording once', async () => {
    const options = { idempotencyKey: 'profil-kupang-1', requestFingerprint: 'fp-1' };
    const first = await profiles.set(context.rootAdmin, DINKES, { institutionKind: 'LAINNYA', signingPlace: 'Oelamasi' }, options);
    const again = await profiles.set(context.rootAdmin, DINKES, { institutionKind: 'LAINNYA', signingPlace: 'Oelamasi' }, options);
    expect(first).toMatchObject({ version: 3, replayed: false });
    expect(again).toMatchObject({ version: 3, replayed: true });
    expect(await events()).toHaveLength(3);
  });
});
