import { EventStore } from '@kinerja/event-store';
import { ControllableClock } from '@kinerja/platform';
import { createIdentityTestContext, IdentityTestContext, refusal } from '../../../../test/support/identity-test-context';
import type { AuthenticatedUser } from '../identity.types';
import { SatkerService } from '../satker/satker.service';
import { UserPasswordService } from '../users/user-password.service';
import { UserService } from '../users/user.service';
import { CredentialsService } from './credentials.service';

describe('credentials: lockout, refusals that look alike, password changes', () => {
  let context: IdentityTestContext;
  let store: EventStore;
  let clock: ControllableClock;
  let users: UserService;
  let passwords: UserPasswordService;
  let credentials: CredentialsService;
  let rootAdmin: AuthenticatedUser;

  beforeAll(async () => {
    // Without an origin (no address, no Redis) only the account lock applies: these specs are about it.
    context = await createIdentityTestContext({ LOGIN_MAX_FAILURES: '3', LOGIN_ACCOUNT_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '10' });
    ({ store, clock, rootAdmin } = context);
    users = context.module.get(UserService);
    passwords = context.module.get(UserPasswordService);
    credentials = context.module.get(CredentialsService);
    await context.module.get(SatkerService).create(rootAdmin, { code: 'kpu-kab-jember', name: 'KPU Kabupaten Jember', parentCode: 'kpu-ri' });
  });

  afterAll(() => context?.close());

  it('locks an account after the configured failures, refuses even the right password from an unknown address, then lets it in', async () => {
    const { view: ketua } = await users.create(rootAdmin, 'kpu-kab-jember', { username: 'ketua', fullName: 'Ketua', role: 'KETUA', password: 'kunci-gembok-tua' });
    for (let i = 0; i < 3; i++) expect((await refusal(credentials.verify('ketua', 'salah-sandi'))).code).toBe('AUTH.INVALID_CREDENTIALS');
    const locked = await refusal(credentials.verify('ketua', 'kunci-gembok-tua'));
    expect(locked.code).toBe('AUTH.LOCKED');
    expect(locked.details).toMatchObject({ retryAfterSeconds: 600, lock: 'account' });
    const [lockout] = (await store.readStream('identity:kpu-kab-jember')).filter((e) => e.type === 'UserLockedOut');
    expect(lockout.data).toMatchObject({ userId: ketua.id, failedAttempts: 3 });
    clock.advance(10 * 60_000);
    expect((await credentials.verify('ketua', 'kunci-gembok-tua')).user.id).toBe(ketua.id);
  });

  it('answers an unknown user like a wrong password, and tells a deactivated user so only after the right password', async () => {
    expect((await refusal(credentials.verify('tidak-ada', 'apa-saja-123'))).code).toBe('AUTH.INVALID_CREDENTIALS');
    const [ketua] = (await users.list('kpu-kab-jember')).filter((u) => u.username === 'ketua');
    await users.update(rootAdmin, 'kpu-kab-jember', ketua.id, { active: false });
    expect((await refusal(credentials.verify('ketua', 'bukan-sandinya'))).code).toBe('AUTH.INVALID_CREDENTIALS');
    const inactive = await refusal(credentials.verify('ketua', 'kunci-gembok-tua'));
    expect({ code: inactive.code, message: inactive.message }).toEqual({
      code: 'AUTH.ACCOUNT_INACTIVE', message: 'Akun Anda telah dinonaktifkan. Hubungi Admin satker Anda bila Anda masih memerlukan akses.',
    });
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

  it('counts wrong current passwords like failed logins: the account locks for login and for changing alike', async () => {
    await users.create(rootAdmin, 'kpu-kab-jember', { username: 'sekretaris', fullName: 'Sekretaris', role: 'SEKRETARIS', password: 'sandi-lama-sekali' });
    const me = (await credentials.verify('sekretaris', 'sandi-lama-sekali')).user;
    for (let i = 0; i < 2; i++) expect((await refusal(passwords.changeOwn(me, 'tebakan-keliru', 'sandi-baru-sekali'))).code).toBe('AUTH.CURRENT_PASSWORD_WRONG');
    expect((await refusal(credentials.verify('sekretaris', 'tebakan-keliru'))).code).toBe('AUTH.INVALID_CREDENTIALS');
    const locked = await refusal(passwords.changeOwn(me, 'sandi-lama-sekali', 'sandi-baru-sekali'));
    expect({ code: locked.code, retryAfterSeconds: locked.details.retryAfterSeconds }).toEqual({ code: 'AUTH.LOCKED', retryAfterSeconds: 600 });
    expect((await refusal(credentials.verify('sekretaris', 'sandi-lama-sekali'))).code).toBe('AUTH.LOCKED');
    clock.advance(10 * 60_000);
    // Two failures, then a change clears them as a login does: two more do not lock.
    for (let i = 0; i < 2; i++) expect((await refusal(passwords.changeOwn(me, 'tebakan-keliru', 'sandi-baru-sekali'))).code).toBe('AUTH.CURRENT_PASSWORD_WRONG');
    await passwords.changeOwn(me, 'sandi-lama-sekali', 'sandi-baru-sekali');
    for (let i = 0; i < 2; i++) expect((await refusal(credentials.verify('sekretaris', 'tebakan-keliru'))).code).toBe('AUTH.INVALID_CREDENTIALS');
    expect((await credentials.verify('sekretaris', 'sandi-baru-sekali')).user.id).toBe(me.id);
  });
});
