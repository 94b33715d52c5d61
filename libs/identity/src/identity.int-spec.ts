import { EventStore } from '@kinerja/event-store';
import { createIdentityTestContext, IdentityTestContext, refusal } from '../../../test/support/identity-test-context';
import { CredentialsService } from './auth/credentials.service';
import { FirstAdminService } from './bootstrap/first-admin.service';
import type { AuthenticatedUser } from './identity.types';
import { SatkerService } from './satker/satker.service';
import { SatkerScopeService } from './scope/satker-scope.service';
import { SubbagianService } from './subbagian/subbagian.service';
import { UserService } from './users/user.service';

describe('offices, subbagian and users against the real PostgreSQL and event store', () => {
  let context: IdentityTestContext;
  let store: EventStore;
  let satker: SatkerService;
  let subbagian: SubbagianService;
  let users: UserService;
  let credentials: CredentialsService;
  let scope: SatkerScopeService;
  let rootAdmin: AuthenticatedUser;
  const streamTypes = (code: string) => context.streamTypes(code);

  beforeAll(async () => {
    context = await createIdentityTestContext();
    ({ store, rootAdmin } = context);
    satker = context.module.get(SatkerService);
    subbagian = context.module.get(SubbagianService);
    users = context.module.get(UserService);
    credentials = context.module.get(CredentialsService);
    scope = context.module.get(SatkerScopeService);
  });

  afterAll(() => context?.close());

  it('creates the first administrator once: a second start finds users and does nothing', async () => {
    const again = await context.module.get(FirstAdminService).ensure({
      rootSatkerCode: 'kpu-ri',
      rootSatkerName: 'x x x',
      username: 'admin2',
      password: 'admin-password-2',
    });
    expect(again).toBe('users-exist');
    expect(rootAdmin).toMatchObject({ username: 'admin', role: 'ADMIN', satker: 'kpu-ri', subbagian: null });
    expect(await streamTypes('kpu-ri')).toEqual(['SatkerCreated', 'UserCreated']);
  });

  it('records each office in its own identity stream, with the office as tenant and the admin as actor', async () => {
    await satker.create(rootAdmin, { code: 'kpu-prov-jatim', name: 'KPU Provinsi Jawa Timur', parentCode: 'kpu-ri' });
    const { view: jember } = await satker.create(rootAdmin, {
      code: 'kpu-kab-jember',
      name: 'Sekretariat KPU Kabupaten Jember',
      parentCode: 'kpu-prov-jatim',
    });
    expect(jember).toMatchObject({ parentCode: 'kpu-prov-jatim', timeZone: 'Asia/Jakarta', reportDeadlineDay: 5, version: 1 });
    const [created] = await store.readStream('identity:kpu-kab-jember');
    expect(created).toMatchObject({ type: 'SatkerCreated', tenantId: 'kpu-kab-jember', metadata: { actorId: rootAdmin.id, actorRole: 'ADMIN' } });
  });

  it('creates an office requiring the Ketua\'s LKj signature when told so, recorded on SatkerCreated; left out, it is not required', async () => {
    const { view: signs } = await satker.create(rootAdmin, { code: 'kpu-prov-ntt', name: 'KPU Provinsi Nusa Tenggara Timur', parentCode: 'kpu-ri', ketuaSignsLkj: true });
    expect(signs).toMatchObject({ ketuaSignsLkj: true, version: 1 });
    expect(await satker.get('kpu-prov-ntt')).toMatchObject({ ketuaSignsLkj: true });
    const [created] = await store.readStream('identity:kpu-prov-ntt');
    expect(created.data).toMatchObject({ code: 'kpu-prov-ntt', ketuaSignsLkj: true });
    expect((await satker.get('kpu-kab-jember')).ketuaSignsLkj).toBe(false);
    const [plain] = await store.readStream('identity:kpu-kab-jember');
    expect(plain.data).toMatchObject({ ketuaSignsLkj: false });
  });

  it('follows the parent chain for scope: up for ancestors, down for what an admin manages', async () => {
    await satker.create(rootAdmin, { code: 'kpu-prov-bali', name: 'KPU Provinsi Bali', parentCode: 'kpu-ri', timeZone: 'Asia/Makassar' });
    expect(await scope.ancestorsOf('kpu-kab-jember')).toEqual(['kpu-prov-jatim', 'kpu-ri']);
    expect(await scope.ancestorsOf('nowhere')).toBeNull();
    expect(await scope.codesInScope({ role: 'ADMIN', satker: 'kpu-prov-jatim' })).toEqual(['kpu-prov-jatim', 'kpu-kab-jember']);
    expect(await scope.codesInScope({ role: 'SEKRETARIS', satker: 'kpu-prov-jatim' })).toEqual(['kpu-prov-jatim']);
    expect(await scope.isInScope({ role: 'INSPEKTORAT', satker: 'kpu-prov-bali' }, 'kpu-kab-jember')).toBe(false);
  });

  it('refuses a parent outside the admin’s scope as not found, and a duplicate code as a conflict', async () => {
    const baliAdmin = { ...rootAdmin, id: '00000000-0000-4000-8000-000000000001', satker: 'kpu-prov-bali' };
    expect((await refusal(satker.create(baliAdmin, { code: 'kpu-kab-x', name: 'X x x', parentCode: 'kpu-prov-jatim' }))).code).toBe(
      'SATKER.NOT_FOUND',
    );
    expect((await refusal(satker.create(rootAdmin, { code: 'kpu-prov-bali', name: 'Bali', parentCode: 'kpu-ri' }))).code).toBe(
      'SATKER.ALREADY_EXISTS',
    );
  });

  it('commits a row and its event together or not at all', async () => {
    context.failNextAppend();
    await expect(subbagian.create(rootAdmin, 'kpu-kab-jember', { code: 'GHOST', name: 'Tidak jadi' })).rejects.toThrow(
      'append failed after writing',
    );
    expect(await subbagian.list('kpu-kab-jember')).toEqual([]);
    expect(await streamTypes('kpu-kab-jember')).toEqual(['SatkerCreated']);
  });

  it('manages subbagian: duplicate refused, stale version refused, deactivation recorded', async () => {
    await subbagian.create(rootAdmin, 'kpu-kab-jember', { code: 'PDI', name: 'Sub. Bagian Perencanaan, Data dan Informasi' });
    await subbagian.create(rootAdmin, 'kpu-kab-jember', { code: 'KUL', name: 'Sub. Bagian Keuangan, Umum dan Logistik' });
    expect((await refusal(subbagian.create(rootAdmin, 'kpu-kab-jember', { code: 'PDI', name: 'Lagi' }))).code).toBe('SUBBAGIAN.ALREADY_EXISTS');
    const { view: renamed } = await subbagian.update(rootAdmin, 'kpu-kab-jember', 'KUL', { name: 'Sub. Bagian KUL', expectedVersion: 1 });
    expect(renamed.version).toBe(2);
    expect((await refusal(subbagian.update(rootAdmin, 'kpu-kab-jember', 'KUL', { active: false, expectedVersion: 1 }))).code).toBe(
      'IDENTITY.VERSION_CONFLICT',
    );
    await subbagian.update(rootAdmin, 'kpu-kab-jember', 'KUL', { active: false, expectedVersion: 2 });
    expect(await streamTypes('kpu-kab-jember')).toEqual([
      'SatkerCreated',
      'SubbagianCreated',
      'SubbagianCreated',
      'SubbagianUpdated',
      'SubbagianDeactivated',
    ]);
  });

  it('keeps KASUBBAG and subbagian together: required for them, refused for others, must be active', async () => {
    const base = { fullName: 'Kasubbag', password: 'kunci-lemari-tua' };
    // The role as the administrator reads it, not its code.
    expect(await refusal(users.create(rootAdmin, 'kpu-kab-jember', { ...base, username: 'k1', role: 'KASUBBAG' }))).toMatchObject({
      code: 'USER.SUBBAGIAN_REQUIRED',
      message: 'Pengguna dengan peran Kepala Subbagian harus memiliki subbagian.',
    });
    expect(await refusal(users.create(rootAdmin, 'kpu-kab-jember', { ...base, username: 'k1', role: 'KETUA', subbagian: 'PDI' }))).toMatchObject({
      code: 'USER.SUBBAGIAN_NOT_ALLOWED',
      message: 'Hanya pengguna dengan peran Kepala Subbagian yang dapat memiliki subbagian.',
    });
    expect(
      (await refusal(users.create(rootAdmin, 'kpu-kab-jember', { ...base, username: 'k1', role: 'KASUBBAG', subbagian: 'KUL' }))).code,
    ).toBe('SUBBAGIAN.INACTIVE');
    // A mistyped code is told with the office's active subbagian to choose from (KUL is closed).
    const missing = await refusal(users.create(rootAdmin, 'kpu-kab-jember', { ...base, username: 'k1', role: 'KASUBBAG', subbagian: 'NOPE' }));
    expect(missing).toMatchObject({
      code: 'SUBBAGIAN.NOT_FOUND',
      message: 'Subbagian "NOPE" tidak ditemukan pada satker "kpu-kab-jember". Subbagian aktif satker ini: PDI. Periksa kode subbagian yang diisi.',
      details: { satker: 'kpu-kab-jember', subbagian: 'NOPE', subbagianCodes: ['PDI'] },
    });
    const none = await refusal(users.create(rootAdmin, 'kpu-prov-jatim', { ...base, username: 'k2', role: 'KASUBBAG', subbagian: 'PDI' }));
    expect(none.message).toContain('Satker ini belum memiliki subbagian aktif');
    const { view: pdi } = await users.create(rootAdmin, 'kpu-kab-jember', { ...base, username: 'Kasubbag.PDI', role: 'KASUBBAG', subbagian: 'PDI' });
    expect(pdi).toMatchObject({ username: 'kasubbag.pdi', role: 'KASUBBAG', subbagian: 'PDI', active: true });
    const moved = await refusal(users.update(rootAdmin, 'kpu-kab-jember', pdi.id, { subbagian: 'HSDM' }));
    expect(moved).toMatchObject({ code: 'SUBBAGIAN.NOT_FOUND', details: { subbagian: 'HSDM', subbagianCodes: ['PDI'] } });
    expect((await refusal(users.create(rootAdmin, 'kpu-prov-jatim', { ...base, username: 'kasubbag.pdi', role: 'KETUA' }))).code).toBe(
      'USER.USERNAME_TAKEN',
    );
  });

  it('drops the subbagian when a KASUBBAG becomes SEKRETARIS, and ends their sessions', async () => {
    const [pdi] = (await users.list('kpu-kab-jember')).filter((u) => u.username === 'kasubbag.pdi');
    const before = await credentials.sessionUser(pdi.id);
    const { view: after } = await users.update(rootAdmin, 'kpu-kab-jember', pdi.id, { role: 'SEKRETARIS' });
    expect(after).toMatchObject({ role: 'SEKRETARIS', subbagian: null, version: 2 });
    expect((await credentials.sessionUser(pdi.id))?.tokenVersion).toBe(before!.tokenVersion + 1);
    const [event] = (await store.readStream('identity:kpu-kab-jember')).filter((e) => e.type === 'UserUpdated');
    expect(event.data).toEqual({ userId: pdi.id, satker: 'kpu-kab-jember', changes: { role: 'SEKRETARIS', subbagian: null } });
  });

  it('answers another office’s user as not found, and refuses to let an admin demote or deactivate themselves', async () => {
    const [jemberUser] = await users.list('kpu-kab-jember');
    expect((await refusal(users.get('kpu-prov-jatim', jemberUser.id))).code).toBe('USER.NOT_FOUND');
    expect((await refusal(users.update(rootAdmin, 'kpu-ri', rootAdmin.id, { active: false }))).code).toBe('USER.CANNOT_CHANGE_OWN_ACCESS');
    expect((await refusal(users.update(rootAdmin, 'kpu-ri', rootAdmin.id, { role: 'KETUA' }))).code).toBe('USER.CANNOT_CHANGE_OWN_ACCESS');
  });

  it('honours an Idempotency-Key: a retry returns the first answer and records nothing more', async () => {
    const input = { username: 'sekretaris', fullName: 'Sekretaris', role: 'SEKRETARIS' as const, password: 'pena-biru-meja-1' };
    const count = async () => (await streamTypes('kpu-kab-jember')).filter((t) => t === 'UserCreated').length;
    const before = await count();
    const first = await users.create(rootAdmin, 'kpu-kab-jember', input, { idempotencyKey: 'buat-sekretaris' });
    const retry = await users.create(rootAdmin, 'kpu-kab-jember', input, { idempotencyKey: 'buat-sekretaris' });
    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await count()).toBe(before + 1);
    const reused = await refusal(subbagian.create(rootAdmin, 'kpu-kab-jember', { code: 'TPH', name: 'Teknis' }, { idempotencyKey: 'buat-sekretaris' }));
    expect(reused.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('refuses a key sent again with another request (its fingerprint), records nothing, and replays the same request', async () => {
    const input = { username: 'sekretaris.dua', fullName: 'Sekretaris Kedua', role: 'SEKRETARIS' as const, password: 'pena-merah-meja-2' };
    const count = async () => (await streamTypes('kpu-kab-jember')).filter((t) => t === 'UserCreated').length;
    const first = await users.create(rootAdmin, 'kpu-kab-jember', input, { idempotencyKey: 'buat-sekretaris-dua', requestFingerprint: 'f'.repeat(64) });
    const before = await count();
    const other = await refusal(users.create(rootAdmin, 'kpu-kab-jember', input, { idempotencyKey: 'buat-sekretaris-dua', requestFingerprint: 'e'.repeat(64) }));
    expect(other.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await count()).toBe(before);
    const retry = await users.create(rootAdmin, 'kpu-kab-jember', input, { idempotencyKey: 'buat-sekretaris-dua', requestFingerprint: 'f'.repeat(64) });
    expect(retry).toEqual({ ...first, replayed: true });
    // A key recorded without a fingerprint (before they were kept) still replays.
    expect((await users.create(rootAdmin, 'kpu-kab-jember', { ...input, username: 'sekretaris' }, { idempotencyKey: 'buat-sekretaris', requestFingerprint: 'e'.repeat(64) })).replayed).toBe(true);
  });

  it('lets exactly one of two concurrent requests with the same key act; the other replays its answer', async () => {
    const create = () =>
      subbagian.create(rootAdmin, 'kpu-kab-jember', { code: 'TPH', name: 'Sub. Bagian Teknis' }, { idempotencyKey: 'buat-tph' });
    const [a, b] = await Promise.all([create(), create()]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(a.view).toEqual(b.view);
    expect((await streamTypes('kpu-kab-jember')).filter((t) => t === 'SubbagianCreated')).toHaveLength(3);
  });

  it('records nothing and keeps the version when an update sets what is there, or null where nothing can be emptied', async () => {
    const [sekretaris] = (await users.list('kpu-kab-jember')).filter((u) => u.username === 'sekretaris');
    const office = await satker.get('kpu-kab-jember');
    const [tph] = (await subbagian.list('kpu-kab-jember')).filter((s) => s.code === 'TPH');
    const events = (await streamTypes('kpu-kab-jember')).length;
    const tokenVersion = (await credentials.sessionUser(sekretaris.id))!.tokenVersion;
    // null is what @IsOptional() let through before the HTTP layer refused it; the types forbid it.
    const nulls = <T>(fields: string[]) => Object.fromEntries(fields.map((f) => [f, null])) as T;

    const same = await satker.update(rootAdmin, 'kpu-kab-jember', {
      name: office.name, timeZone: office.timeZone, reportDeadlineDay: office.reportDeadlineDay, parentCode: office.parentCode!, active: office.active,
    });
    const nullOffice = await satker.update(rootAdmin, 'kpu-kab-jember', nulls(['name', 'timeZone', 'reportDeadlineDay', 'parentCode', 'active', 'expectedVersion']));
    expect([same.view, nullOffice.view]).toEqual([office, office]);

    const sameUser = await users.update(rootAdmin, 'kpu-kab-jember', sekretaris.id, { fullName: sekretaris.fullName, role: sekretaris.role, active: true, email: sekretaris.email });
    const nullUser = await users.update(rootAdmin, 'kpu-kab-jember', sekretaris.id, nulls(['fullName', 'role', 'active', 'expectedVersion']));
    expect([sameUser.view, nullUser.view]).toEqual([sekretaris, sekretaris]);
    expect((await credentials.sessionUser(sekretaris.id))!.tokenVersion).toBe(tokenVersion);

    const sameSubbagian = await subbagian.update(rootAdmin, 'kpu-kab-jember', 'TPH', { name: tph.name, active: tph.active });
    const nullSubbagian = await subbagian.update(rootAdmin, 'kpu-kab-jember', 'TPH', nulls(['name', 'active', 'expectedVersion']));
    expect([sameSubbagian.view, nullSubbagian.view]).toEqual([tph, tph]);

    expect((await streamTypes('kpu-kab-jember')).length).toBe(events);
  });

  it('keeps the identity chain intact', async () => {
    expect(await store.verify('kpu-kab-jember')).toMatchObject({ intact: true });
  });
});
