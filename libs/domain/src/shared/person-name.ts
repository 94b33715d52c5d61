/**
 * A person's full name is text people read and tell people apart by (the maker-checker "same
 * name" rule, the audit trail, e-mails, the LKj). Indonesian names are written in the Latin
 * alphabet, so a name Kinerja accepts holds only:
 *
 * - letters of the Latin alphabet, plain or accented (A–Z, a–z, Latin-1 and Latin Extended-A
 *   letters such as é, ñ, ø, ł, and the Latin Extended Additional block of Vietnamese letters);
 * - the digits 0–9 (account names such as "Operator SIPD 2");
 * - the space and `. , ' ’ - ( ) /` (titles "Dr. Ir. Budi, S.T., M.T.", "Ma’ruf", "Ramos-Horta",
 *   "Plt. (Sekretaris)", "Hukum/SDM");
 *
 * 2 to 200 characters long with at least two letters (so "(a)" is no name, and "Ⅻ" is judged as the
 * "XII" it becomes), after `storedPersonName` has trimmed it, joined runs of white space
 * into one space and put it in Unicode NFKC form (so a fullwidth "Ｂ" becomes "B", a no-break space
 * a space, a decomposed accent one letter). Refused: invisible and format characters (zero-width
 * space, joiners, BOM, the bidi controls such as U+202E that reorder what a reader sees), control
 * characters, and letters of other scripts that only imitate Latin ones (Greek "Β", Cyrillic "В",
 * IPA small capitals "ʙ"): each would make a name that reads as another and is not equal to it.
 */
/** One character a name may hold. */
const NAME_CHARACTER = /^[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u0130\u0132-\u017F\u1E00-\u1EFF0-9 .,'\u2019\-()/]$/u;
const LETTER = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u0130\u0132-\u017F\u1E00-\u1EFF]/g;
/** Length of a stored name, in characters (code points), as people count them. */
export const PERSON_NAME_MIN_LENGTH = 2;
export const PERSON_NAME_MAX_LENGTH = 200;

/** What is wrong, for the field `fullName` (the HTTP layer and the service both say it). */
export const PERSON_NAME_MESSAGE =
  'nama lengkap 2–200 karakter, hanya boleh berisi huruf Latin (boleh beraksen, mis. é), angka, spasi dan tanda . , \' ’ - ( ) /, ' +
  'dengan sedikitnya dua huruf: tanpa karakter tak terlihat atau pengatur arah teks, dan tanpa huruf Yunani, Sirilik ' +
  'atau huruf lain yang hanya menyerupai huruf Latin';

/** The name as stored: NFKC, each run of spaces, tabs or line breaks one space, none at either end (a BOM is no space: refused). */
export function normalizedPersonName(name: string): string {
  return name.normalize('NFKC').replace(/[\p{Zs}\t\n\r\f\v]+/gu, ' ').replace(/^ | $/g, '');
}

/** A character as a message can show it: itself when a reader can see it, always its code point. */
function shownCharacter(ch: string): string {
  const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch) ? `"${ch}" (${code})` : `tak terlihat ${code}`;
}

/**
 * What is wrong with `name` as a full name, in words naming the one rule it breaks first (the
 * forbidden character, the length as stored, the letters it lacks), or null when it follows the
 * rule above (`isReadablePersonName`).
 */
export function personNameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return PERSON_NAME_MESSAGE;
  const normalized = normalizedPersonName(name);
  const foreign = [...normalized].find((ch) => !NAME_CHARACTER.test(ch));
  if (foreign !== undefined) {
    return `nama lengkap berisi karakter ${shownCharacter(foreign)} yang tidak diizinkan: hanya huruf Latin (boleh beraksen, mis. é), ` +
      'angka, spasi dan tanda . , \' ’ - ( ) /; tanpa karakter tak terlihat atau pengatur arah teks, dan tanpa huruf Yunani, Sirilik ' +
      'atau huruf lain yang hanya menyerupai huruf Latin';
  }
  const length = [...normalized].length;
  if (length < PERSON_NAME_MIN_LENGTH || length > PERSON_NAME_MAX_LENGTH) {
    return `nama lengkap ${PERSON_NAME_MIN_LENGTH}–${PERSON_NAME_MAX_LENGTH} karakter setelah spasi dirapikan dan dinormalkan (NFKC); yang dikirim ${length} karakter`;
  }
  if ((normalized.match(LETTER)?.length ?? 0) < 2) return 'nama lengkap harus berisi sedikitnya dua huruf';
  return null;
}

/** Whether `name`, once normalised (`normalizedPersonName`), follows the rule above. */
export function isReadablePersonName(name: unknown): boolean {
  return personNameProblem(name) === null;
}

// Letters of other scripts, and Latin ones outside the accepted set, that readers take for a
// Latin letter (after lower-casing): names stored before the rule above may hold them.
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'h', ι: 'i', κ: 'k', μ: 'm', ν: 'n', ο: 'o', ρ: 'p', τ: 't', υ: 'y', χ: 'x', ζ: 'z', ϲ: 'c', ϳ: 'j',
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l',
  // Latin outside the accepted set: dotless i, small capitals, IPA letters
  ı: 'i', ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ɴ: 'n', ᴏ: 'o',
  ᴘ: 'p', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z', ɑ: 'a', ɡ: 'g', ɩ: 'i', ɵ: 'o',
};

/**
 * A full name as a person is told apart by it: the part before a comma (titles after it aside),
 * in NFKD with the accents, invisible and format characters dropped, lower case, letters that only
 * imitate Latin ones read as those, every run of anything but letters and digits one space. Two
 * accounts are one person by name when their keys are equal and not empty: "Sekretaris BWI",
 * "SEKRETARIS   bwi, S.Kom", "Sekretaris B\u200bWI" and "Sekretaris \u0392WI" all give
 * "sekretaris bwi".
 */
export function personNameKey(name: string): string {
  const beforeTitles = name.split(',')[0];
  const plain = beforeTitles
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}\p{Cc}\u115f\u1160\u3164\uffa0]/gu, '')
    .toLowerCase();
  let key = '';
  for (const ch of plain) key += LOOK_ALIKES[ch] ?? ch;
  return key.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
