import { Global, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { DomainError } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import { AppConfig, Clock, ControllableClock, loadConfig } from '@kinerja/platform';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { CredentialsService } from './auth/credentials.service';
import { FirstAdminService } from './bootstrap/first-admin.service';
import { IdentityEventLog } from './events/identity-event-log';
import { EventStoreIdentityLog } from './events/event-store-identity-log';
import { IdentityModule } from './identity.module';
import type { AuthenticatedUser } from './identity.types';
import { SatkerService } from './satker/satker.service';
import { SatkerScopeService } from './scope/satker-scope.service';
import { SubbagianService } from './subbagian/subbagian.service';
import { UserPasswordService } from './users/user-password.service';
import { UserService } from './users/user.service';

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('identity against the real PostgreSQL and event store', () => {
  let db: TestDatabase;
  let module: TestingModule;
  let store: EventStore;
  let satker: SatkerService;
  let subbagian: SubbagianService;
  let users: UserService;
  let passwords: UserPasswordService;
  let credentials: CredentialsService;
  let scope: SatkerScopeService;
  let failNextAppend = false;
  const clock = new ControllableClock(new Date('2026-02-02T01:00:00Z'));
  let rootAdmin: AuthenticatedUser;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '10' });
    @Global()
    @Module({
      providers: [
        { provide: DataSource, useValue: db.dataSource },
        { provide: AppConfig, useValue: config },
        { provide: Clock, useValue: clock },
      ],
      exports: [DataSource, AppConfig, Clock],
    })
    class TestPlatformModule {}
    module = await Test.createTestingModule({ imports: [TestPlatformModule, IdentityModule] })
      .overrideProvider(IdentityEventLog)
      .useFactory({
        factory: (eventStore: EventStore) => {
          const real = new EventStoreIdentityLog(eventStore);
          // Appends for real, then fails when asked: shows that rows and events commit together.
          return {
            async append(...args: Parameters<EventStoreIdentityLog['append']>) {
              await real.append(...args);
              if (failNextAppend) {
                failNextAppend = false;
                throw new Error('append failed after writing');
              }
            },
          };
        },
        inject: [EventStore],
      })
      .compile();
    store = module.get(EventStore);
    satker = module.get(SatkerService);
    subbagian = module.get(SubbagianService);
    users = module.get(UserService);
    passwords = module.get(UserPasswordService);
    credentials = module.get(CredentialsService);
    scope = module.get(SatkerScopeService);
    await module.get(FirstAdminService).ensure({
      rootSatkerCode: 'kpu-ri',
      rootSatkerName: 'Sekretariat Jenderal KPU RI',
      username: 'admin',
      password: 'admin-password-1',
    });
    rootAdmin = (await credentials.verify('admin', 'admin-password-1')).user;
  });

  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  const streamTypes = async (code: string) => (await store.readStream(`identity:${code}`)).map((e) => e.type);

  it('creates the first administrator once: a second start finds users and does nothing', async () => {
    const again = await module.get(FirstAdminService).ensure({
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
    failNextAppend = true;
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
    const base = { fullName: 'Kasubbag', password: 'rahasia-123' };
    expect((await refusal(users.create(rootAdmin, 'kpu-kab-jember', { ...base, username: 'k1', role: 'KASUBBAG' }))).code).toBe(
      'USER.SUBBAGIAN_REQUIRED',
    );
    expect(
      (await refusal(users.create(rootAdmin, 'kpu-kab-jember', { ...base, username: 'k1', role: 'KETUA', subbagian: 'PDI' }))).code,
    ).toBe('USER.SUBBAGIAN_NOT_ALLOWED');
    expect(
      (await refusal(users.create(rootAdmin, 'kpu-kab-jember', { ...base, username: 'k1', role: 'KASUBBAG', subbagian: 'KUL' }))).code,
    ).toBe('SUBBAGIAN.INACTIVE');
    expect(
      (await refusal(users.create(rootAdmin, 'kpu-kab-jember', { ...base, username: 'k1', role: 'KASUBBAG', subbagian: 'NOPE' }))).code,
    ).toBe('SUBBAGIAN.NOT_FOUND');
    const { view: pdi } = await users.create(rootAdmin, 'kpu-kab-jember', { ...base, username: 'Kasubbag.PDI', role: 'KASUBBAG', subbagian: 'PDI' });
    expect(pdi).toMatchObject({ username: 'kasubbag.pdi', role: 'KASUBBAG', subbagian: 'PDI', active: true });
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

  it('locks an account after the configured failures, refuses even the right password, then lets it in', async () => {
    const { view: ketua } = await users.create(rootAdmin, 'kpu-kab-jember', { username: 'ketua', fullName: 'Ketua', role: 'KETUA', password: 'ketua-rahasia' });
    for (let i = 0; i < 3; i++) expect((await refusal(credentials.verify('ketua', 'salah-sandi'))).code).toBe('AUTH.INVALID_CREDENTIALS');
    const locked = await refusal(credentials.verify('ketua', 'ketua-rahasia'));
    expect(locked.code).toBe('AUTH.LOCKED');
    expect(locked.details.retryAfterSeconds).toBe(600);
    const [lockout] = (await store.readStream('identity:kpu-kab-jember')).filter((e) => e.type === 'UserLockedOut');
    expect(lockout.data).toMatchObject({ userId: ketua.id, failedAttempts: 3 });
    clock.advance(10 * 60_000);
    expect((await credentials.verify('ketua', 'ketua-rahasia')).user.id).toBe(ketua.id);
  });

  it('answers an unknown user and a deactivated user exactly like a wrong password', async () => {
    expect((await refusal(credentials.verify('tidak-ada', 'apa-saja-123'))).code).toBe('AUTH.INVALID_CREDENTIALS');
    const [ketua] = (await users.list('kpu-kab-jember')).filter((u) => u.username === 'ketua');
    await users.update(rootAdmin, 'kpu-kab-jember', ketua.id, { active: false });
    expect((await refusal(credentials.verify('ketua', 'ketua-rahasia'))).code).toBe('AUTH.INVALID_CREDENTIALS');
    expect((await credentials.sessionUser(ketua.id))?.active).toBe(false);
  });

  it('changes a password: the old one stops working, the token version moves, no hash enters the log', async () => {
    const { view: user } = await users.create(rootAdmin, 'kpu-kab-jember', { username: 'inspektorat', fullName: 'Inspektorat', role: 'INSPEKTORAT', password: 'lama-sekali' });
    const me = (await credentials.verify('inspektorat', 'lama-sekali')).user;
    expect((await refusal(passwords.changeOwn(me, 'keliru-sekali', 'baru-sekali'))).code).toBe('AUTH.CURRENT_PASSWORD_WRONG');
    expect((await refusal(passwords.changeOwn(me, 'lama-sekali', 'pendek'))).code).toBe('USER.PASSWORD_TOO_WEAK');
    await passwords.changeOwn(me, 'lama-sekali', 'baru-sekali');
    expect((await refusal(credentials.verify('inspektorat', 'lama-sekali'))).code).toBe('AUTH.INVALID_CREDENTIALS');
    expect((await credentials.verify('inspektorat', 'baru-sekali')).tokenVersion).toBe(2);
    const events = await store.readStream('identity:kpu-kab-jember');
    const changed = events.filter((e) => e.type === 'UserPasswordChanged');
    expect(changed.map((e) => e.data)).toEqual([{ userId: user.id, satker: 'kpu-kab-jember', by: 'self' }]);
    expect(JSON.stringify(events)).not.toContain('$argon2');
  });

  it('honours an Idempotency-Key: a retry returns the first answer and records nothing more', async () => {
    const input = { username: 'sekretaris', fullName: 'Sekretaris', role: 'SEKRETARIS' as const, password: 'sekretaris-123' };
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

  it('lets exactly one of two concurrent requests with the same key act; the other replays its answer', async () => {
    const create = () =>
      subbagian.create(rootAdmin, 'kpu-kab-jember', { code: 'TPH', name: 'Sub. Bagian Teknis' }, { idempotencyKey: 'buat-tph' });
    const [a, b] = await Promise.all([create(), create()]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(a.view).toEqual(b.view);
    expect((await streamTypes('kpu-kab-jember')).filter((t) => t === 'SubbagianCreated')).toHaveLength(3);
  });

  it('keeps the identity chain intact', async () => {
    expect(await store.verify('kpu-kab-jember')).toMatchObject({ intact: true });
  });
});
