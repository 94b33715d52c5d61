import { authErrors, identityErrors } from './identity.errors';

/** A person reads these: they name what to do in the application's words, never a route of its API. */
describe('messages about one\'s own password', () => {
  it.each([
    ['USER.CANNOT_RESET_OWN_PASSWORD', identityErrors.cannotResetOwnPassword()],
    ['AUTH.PASSWORD_CHANGE_REQUIRED', authErrors.passwordChangeRequired()],
  ])('%s names the Ubah Kata Sandi menu, not a route', (_code, error) => {
    expect(error.message).toContain('menu Ubah Kata Sandi');
    expect(error.message).not.toMatch(/\b(GET|POST|PUT|PATCH|DELETE)\b|\/api\//);
  });
});

describe('a refusal for one\'s role', () => {
  it('given a route for the Ketua and the Sekretaris, when another role calls it, then the message says who may act, in Indonesian role names', () => {
    const error = authErrors.forbiddenRole(['KETUA', 'SEKRETARIS']);
    expect(error.message).toBe('Peran Anda tidak berwenang melakukan tindakan ini. Tindakan ini hanya dapat dilakukan oleh Ketua atau Sekretaris.');
    expect(error.details).toEqual({ allowedRoles: ['KETUA', 'SEKRETARIS'] });
  });

  it('given three roles or one, then they are listed as a person writes them; given none known, then nothing is added', () => {
    expect(authErrors.forbiddenRole(['KASUBBAG', 'SEKRETARIS', 'ADMIN']).message).toMatch(/oleh Kasubbag, Sekretaris atau Administrator\.$/);
    expect(authErrors.forbiddenRole(['INSPEKTORAT']).message).toMatch(/oleh Inspektorat\.$/);
    expect(authErrors.forbiddenRole([]).message).toBe('Peran Anda tidak berwenang melakukan tindakan ini.');
  });
});
