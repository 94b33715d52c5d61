/**
 * How people disguise a word in a password: a letter written as a digit or a symbol that looks like
 * it (`b0nd0w0s0`, `JEMB3R`, `p4ssw0rd`). @zxcvbn-ts/language-common, the package whose list Kinerja
 * uses, carries no l33t table (it is in @zxcvbn-ts/core, which Kinerja does not otherwise need), and
 * that one also maps `2`, `6`, `9`, `|` and brackets, too loose for a name: this is the short one.
 */
const SUBSTITUTES: Readonly<Record<string, string>> = { a: '4@', b: '8', e: '3', i: '1!', l: '1', o: '0', s: '5$', t: '7' };
/** What people put between the parts of a word (`Bondo-woso`, `jawa timur`, `budi.santoso`). */
const SEPARATOR = /[\s._-]/u;
const SEPARATORS = '[\\s._-]*';
/**
 * A word this long or longer is also found split by separators (`Bondo-woso`, `Jem.Ber`). A shorter
 * one would be found across two words of a passphrase too often (`dewi` in `made-wine`, `eko` in
 * `make koala`): it is found whole, in any case and in l33t.
 */
const SPLIT_WORD_MIN = 6;

/** The text with each l33t character read as a letter, `1` as `i` or as `l`: `p4ssw0rd` → [`password`]; `he11o` → [`heiio`, `hello`]. */
export function deleet(text: string): string[] {
  const read = (one: string) => [...text].map((c) => (c === '1' ? one : (LETTER_OF[c] ?? c))).join('');
  return [...new Set([read('i'), read('l')])];
}

const LETTER_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SUBSTITUTES).flatMap(([letter, chars]) => [...chars].filter((c) => c !== '1').map((c) => [c, letter])),
);

/**
 * A pattern that finds a word of a name (lower case) in a lower-case password however it is
 * disguised: each letter or its l33t characters (`bondowoso` in `b0nd0w0s0`), any separators
 * where the word has one (`kpu-kab-jember` in `kpu kab jember`, `kpukabjember`) and, for a word of
 * SPLIT_WORD_MIN letters or more, between its letters too (`bondo-woso`).
 */
export function disguisedWordPattern(word: string): RegExp {
  const chars = [...word];
  const split = chars.filter((c) => !SEPARATOR.test(c)).length >= SPLIT_WORD_MIN;
  let pattern = '';
  chars.forEach((c, i) => {
    if (SEPARATOR.test(c)) {
      if (!pattern.endsWith(SEPARATORS)) pattern += SEPARATORS;
      return;
    }
    if (split && i > 0 && !pattern.endsWith(SEPARATORS)) pattern += SEPARATORS;
    pattern += `[${[c, ...(SUBSTITUTES[c] ?? '')].map(escapeInClass).join('')}]`;
  });
  return new RegExp(pattern, 'gu');
}

function escapeInClass(c: string): string {
  return /[\\\]^-]/u.test(c) ? `\\${c}` : c;
}
