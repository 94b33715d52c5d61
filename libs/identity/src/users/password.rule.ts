import { identityErrors } from '../identity.errors';
import { PASSWORD_MIN_LENGTH } from '../identity.types';

/** The password rule every new password meets (first admin, created users, resets, changes). */
export function assertAcceptablePassword(password: string, username: string): void {
  if ([...password].length < PASSWORD_MIN_LENGTH) throw identityErrors.passwordTooShort(PASSWORD_MIN_LENGTH);
  if (password.trim().toLowerCase() === username.toLowerCase()) throw identityErrors.passwordSameAsUsername();
}
