import { identityErrors } from '../identity.errors';
import { PASSWORD_MIN_LENGTH } from '../identity.types';

/** At most this many characters added, removed or replaced (after normalising) is the same password. */
const MAX_EDIT_DISTANCE = 2;

/**
 * One's own change (the only one that has the current password in clear): the new password must
 * not be the current one in other clothes. After an administrator's reset the administrator knows
 * the current one, and `" Tulip-Orbit-9472"` or `tulip-orbit-9473` would leave it as good as known.
 * Refused (422 USER.PASSWORD_TOO_SIMILAR): equal once trimmed, case-folded (NFKC) or with spaces and
 * symbols left out; at most MAX_EDIT_DISTANCE characters apart (Levenshtein); or the current one
 * with fewer than PASSWORD_MIN_LENGTH letters or digits around it.
 */
export function assertNotLikeCurrent(newPassword: string, currentPassword: string): void {
  const forms = (password: string) => {
    const folded = password.normalize('NFKC').trim().toLowerCase();
    return [folded, folded.replace(/[^\p{L}\p{N}]+/gu, '')];
  };
  const [newFolded, newBare] = forms(newPassword);
  const [oldFolded, oldBare] = forms(currentPassword);
  const close =
    editDistance(newFolded, oldFolded) <= MAX_EDIT_DISTANCE ||
    editDistance(newBare, oldBare) <= MAX_EDIT_DISTANCE ||
    (oldBare.length > 0 && newBare.includes(oldBare) && newBare.length - oldBare.length < PASSWORD_MIN_LENGTH);
  if (close) throw identityErrors.passwordTooSimilar();
}

/** Levenshtein distance, by code point. */
export function editDistance(a: string, b: string): number {
  const [x, y] = [[...a], [...b]];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
}
