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

// Characters that print nothing yet change what a reader sees or what a text equals: controls
// (Cc), format characters (Cf: zero-width space, joiners, BOM, soft hyphen, the bidi controls such
// as U+202E that reorder the text around them), line and paragraph separators, private-use,
// surrogate and unassigned code points, the blank-looking letters above, and every other code
// point Unicode says to render as nothing (Default_Ignorable_Code_Point: the combining grapheme
// joiner U+034F, variation selectors such as U+FE0F, the Khmer inherent vowels U+17B4–U+17B5).
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\p{Cn}\p{Default_Ignorable_Code_Point}\u115f\u1160\u3164\uffa0\u2800]/u;

/** Whether `text` holds a character a reader cannot see (`HIDDEN`): refused in a name people read (an office, a subbagian). */
export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN.test(text);
}

/**
 * A short text people read (a rating category, a holiday's name) as it is stored and shown: NFKC (a
 * fullwidth "Ｂ" is "B", "ﷺ" its 18 letters), runs of white space one space, trimmed.
 */
export function normalizedText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * A longer text people read (a PK name or sasaran, a rating row's meaning) on one line: every run of
 * white space — a line break or tab pasted from a document too — one space, trimmed. The byte order
 * mark, white space to JavaScript, is left for `hasHiddenCharacters` to refuse: it prints nothing.
 */
export function oneLineText(text: string): string {
  return text.replace(/[^\S\ufeff]+/g, ' ').trim();
}

/** Combining marks one character may carry: Vietnamese letters take two, Indic and Thai syllables two or three. */
export const MAX_MARKS_PER_CHARACTER = 3;
const MARK = /\p{M}/u;

/**
 * Whether `text` stacks combining marks past what any script writes (more than
 * `MAX_MARKS_PER_CHARACTER` on one character, the "Z̸̢͎a̴l̷g̶o" text that spills over the lines
 * around it), or opens with a mark that has no character to sit on. Judged on the NFC form, where
 * an accent that has a letter of its own ("é") is that letter. Refused in names people read (an
 * office, a subbagian, a rating category, a holiday): such a name covers its neighbours in a list.
 */
export function hasStackedMarks(text: string): boolean {
  let run = 0;
  let atStart = true;
  for (const ch of text.normalize('NFC')) {
    if (MARK.test(ch)) {
      run += 1;
      if (atStart || run > MAX_MARKS_PER_CHARACTER) return true;
    } else {
      run = 0;
      atStart = false;
    }
  }
  return false;
}
