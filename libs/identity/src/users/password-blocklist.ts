import { dictionary } from '@zxcvbn-ts/language-common';
import { INDONESIAN_COMMON_PASSWORDS } from './password-blocklist.id';

let blocklist: ReadonlySet<string> | undefined;

/**
 * Commonly used and breached passwords, lower case: the ~49,000 of @zxcvbn-ts/language-common
 * (compiled from breach corpora) and the Indonesian ones it lacks. Built on first use (~50 ms).
 */
export function commonPasswords(): ReadonlySet<string> {
  blocklist ??= new Set([...dictionary['passwords-common'], ...INDONESIAN_COMMON_PASSWORDS].map((p) => String(p).toLowerCase()));
  return blocklist;
}
