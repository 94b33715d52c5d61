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
