/** What every reason of the workflow (return, revision, PK return, dispensasi) must hold: 3–2000 characters a reader can see. */
export const REASON_RULE_MESSAGE = 'Alasan wajib diisi (3–2000 karakter).';

const MIN_VISIBLE = 3;
const MAX_LENGTH = 2000;
// A character a reader sees: a letter, digit, punctuation mark or symbol. White space, format
// characters (Cf: zero-width space, joiners, BOM), combining marks on their own (Mn/Me) and
// controls print nothing. The Hangul fillers and the braille blank are letters/symbols by their
// category yet print as blank space, so they are left out by name.
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const BLANK_LOOKING = new Set(['\u115f', '\u1160', '\u3164', '\uffa0', '\u2800']);

/** How many characters of `text` a reader can see (see `VISIBLE` above). Every required text a person must read counts with it. */
export function visibleCharacterCount(text: string): number {
  let count = 0;
  for (const ch of text) if (VISIBLE.test(ch) && !BLANK_LOOKING.has(ch)) count += 1;
  return count;
}

/** The reason trimmed, or null when it breaks the rule above (`REASON_RULE_MESSAGE`). */
export function readableReason(reason: unknown): string | null {
  if (typeof reason !== 'string' || reason.length > MAX_LENGTH) return null;
  return visibleCharacterCount(reason) < MIN_VISIBLE ? null : reason.trim();
}
