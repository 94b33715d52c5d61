import { validationFailed } from '@kinerja/domain';

/**
 * An e-mail address as Kinerja accepts it: printable ASCII only, local part and domain. A
 * zero-width space, a fullwidth or dotless letter, a control character or an internationalised
 * domain would make an address that looks like another one and is not equal to it, and "one
 * address, one person" would no longer hold (security test F5). Government addresses are ASCII.
 */
export const PLAIN_EMAIL_PATTERN = /^[\x21-\x7E]+$/;

/** What is wrong, for the field `email` (the HTTP layer and the service both say it). */
export const PLAIN_EMAIL_MESSAGE =
  'alamat e-mail hanya boleh berisi huruf a–z, angka dan tanda baca biasa (ASCII): tanpa spasi, huruf beraksen, ' +
  'huruf lebar (seperti "ｂ") atau karakter tak terlihat';

/**
 * An address as stored: without surrounding spaces; empty is none. Refused unless plain ASCII
 * (400 VALIDATION.FAILED naming `email`, as the DTO would). Two addresses name the same person when
 * their `person_email()` (SQL, migration 1796130000000) is equal: lower case, and without a
 * `+tag` in the local part (`budi+sek@x` is `budi@x`'s mailbox on most mail systems).
 */
export function storedEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim();
  if (!trimmed) return null;
  if (!PLAIN_EMAIL_PATTERN.test(trimmed)) {
    throw validationFailed([{ field: 'email', constraint: 'isPlainEmail', message: PLAIN_EMAIL_MESSAGE }]);
  }
  return trimmed;
}
