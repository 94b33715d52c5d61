import { createIdentityTestContext, IdentityTestContext, refusal } from '../../../../test/support/identity-test-context';
import { CredentialsService } from '../auth/credentials.service';
import type { AuthenticatedUser } from '../identity.types';
import { SatkerService } from '../satker/satker.service';
import { UserPasswordService } from './user-password.service';
import { UserService } from './user.service';

/** The office's code (`kpu-3599`) does not spell its town: its name and its province's do. */
describe('a password that names the office, against the real PostgreSQL', () => {
  let context: IdentityTestContext;
  let users: UserService;
  let passwords: UserPasswordService;
  let rootAdmin: AuthenticatedUser;

  beforeAll(async () => {
    context = await createIdentityTestContext();
    ({ rootAdmin } = context);
    users = context.module.get(UserService);
    passwords = context.module.get(UserPasswordService);
    const satker = context.module.get(SatkerService);
    await satker.create(rootAdmin, { code: 'kpu-prov-35', name: 'KPU Provinsi Jawa Timur', parentCode: 'kpu-ri' });
    await satker.create(rootAdmin, { code: 'kpu-3599', name: 'Sekretariat KPU Kabupaten Sukamaju', parentCode: 'kpu-prov-35' });
  });

  afterAll(() => context?.close());

  it('refuses it when an administrator sets it, for a new account or a reset, naming the word', async () => {
    const account = { username: 'budi.s', fullName: 'Budi Santoso', role: 'SEKRETARIS' as const };
    const created = await refusal(users.create(rootAdmin, 'kpu-3599', { ...account, password: 'Sukamaju2026!!' }));
    expect(created).toMatchObject({ code: 'USER.PASSWORD_CONTAINS_SERVICE_NAME', details: { word: 'sukamaju' } });
    const { view: budi } = await users.create(rootAdmin, 'kpu-3599', { ...account, password: 'tulip-orbit-9472' });
    const reset = await refusal(passwords.reset(rootAdmin, 'kpu-3599', budi.id, { newPassword: 'JawaTimur-2026' }));
    expect(reset).toMatchObject({ code: 'USER.PASSWORD_CONTAINS_SERVICE_NAME', details: { word: 'jawatimur' } });
  });

  it('refuses it on the owner’s own change', async () => {
    const budi = (await context.module.get(CredentialsService).verify('budi.s', 'tulip-orbit-9472')).user;
    const own = await refusal(passwords.changeOwn(budi, 'tulip-orbit-9472', 'sukamaju-jaya-77'));
    expect(own).toMatchObject({ code: 'USER.PASSWORD_CONTAINS_SERVICE_NAME', details: { word: 'sukamaju' } });
    expect(await passwords.changeOwn(budi, 'tulip-orbit-9472', 'sukamaju-jeruk-sepeda-biru')).toEqual({ replayed: false });
  });
});
