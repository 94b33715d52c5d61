/**
 * The one rule of every free text a person types — a report's uraian, kendala and solusi, a reason
 * (return, revision, dispensasi, an administrator's), a catatan reviu and its answer, an LKj saran,
 * a bukti dukung's file name — which the LKj, the audit trail's CSV and the e-mails carry on:
 *
 * - controls are refused: C0 (U+0000–U+001F) and DEL (U+007F) but, where the text may have several
 *   lines, line feed, tab and a carriage return before a line feed (`\r\n`); C1 (U+0080–U+009F, such
 *   as U+009B, which a terminal reads as the start of an escape sequence, or U+0085);
 * - the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the deprecated
 *   format controls after them (U+206A–U+206F): U+202E shows the text after it reversed, so what a
 *   reader sees is not what was typed (`laporan<U+202E>fdp.exe`);
 * - the line and paragraph separators U+2028/U+2029: a line break to some readers and none to
 *   others (and the end of a JavaScript string literal to older ones);
 * - zero-width characters nobody needs in Indonesian text: the zero-width space U+200B, the word
 *   joiner U+2060, the invisible operators U+2061–U+2064, the byte order mark U+FEFF, the Mongolian
 *   vowel separator U+180E, the interlinear annotation marks U+FFF9–U+FFFB; and the noncharacters
 *   U+FFFE/U+FFFF.
 *
 * Kept: every letter of every script, emoji, and the invisible characters some scripts or emoji
 * need — the zero-width joiner and non-joiner U+200D/U+200C (Persian, Indic scripts, 👨‍👩‍👧), the
 * variation selectors (❤️), the emoji tag characters (🏴󠁧󠁢󠁳󠁣󠁴󠁿), the left-to-right and right-to-left
 * marks U+200E/U+200F/U+061C (which set the direction of a neutral character in Arabic or Hebrew
 * text, and reverse nothing) and the soft hyphen U+00AD (a hyphenation hint Word pastes). Names
 * people tell apart (an office, a subbagian, a PK's texts) hold a stricter rule:
 * `hasHiddenCharacters`.
 */
const C0_OR_DEL = /[\u0000-\u001f\u007f]/;
const C1 = /[\u0080-\u009f]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u206f]/;
const LINE_SEPARATOR = /[\u2028\u2029]/;
const ZERO_WIDTH = /[\u200b\u2060-\u2064\ufeff\u180e\ufff9-\ufffb]/;
const REFUSED = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u206f\u2028\u2029\u200b\u2060-\u2064\ufeff\u180e\ufff9-\ufffb\ufffe\uffff]/g;

export interface FreeTextOptions {
  /** Whether the text may hold several lines (line feeds, `\r\n`, tabs): a narrative may, a file name or a title may not. */
  multiline: boolean;
}

/** What to do about a character nobody can see (every refusal of one says it). */
export const RETYPE = 'hapus karakter itu (ketik ulang teksnya, jangan menempelnya dari dokumen lain)';

/** `U+202E`: how a refusal names a character nobody can see. */
export function codeOf(character: string): string {
  return `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character of `text` the rule refuses, with the one after it (to tell `\r\n` from a lone `\r`); null when none. */
function firstRefused(text: string, options: FreeTextOptions): { character: string; next: string } | null {
  for (const match of text.matchAll(REFUSED)) {
    const character = match[0];
    const next = text.charAt(match.index + 1);
    if (options.multiline && (character === '\n' || character === '\t' || (character === '\r' && next === '\n'))) continue;
    return { character, next };
  }
  return null;
}

/**
 * Why a free text breaks the rule above, in Indonesian, naming the character (`U+202E`) so that the
 * writer can find it; null when it keeps it. The caller names the field.
 */
export function freeTextProblem(text: string, options: FreeTextOptions): string | null {
  const found = firstRefused(text, options);
  if (found === null) return null;
  const { character } = found;
  const code = codeOf(character);
  if (!options.multiline && (character === '\n' || character === '\r' || character === '\t')) {
    return `harus satu baris: tidak boleh berisi baris baru atau tab (${code})`;
  }
  if (character === '\r') return `berisi karakter CR (${code}) yang tidak diikuti baris baru; gunakan baris baru biasa`;
  if (C0_OR_DEL.test(character) || C1.test(character)) return `berisi karakter kendali yang tidak dapat dicetak (${code}); ${RETYPE}`;
  if (BIDI_CONTROL.test(character)) {
    return `berisi pengatur arah teks yang tidak terlihat (${code}), yang mengubah urutan huruf yang tampil sehingga yang terbaca ` +
      `tidak sama dengan yang diketik; ${RETYPE}`;
  }
  if (LINE_SEPARATOR.test(character)) {
    return options.multiline
      ? `berisi pemisah baris Unicode (${code}) yang tidak tampil sama di setiap dokumen; gunakan baris baru biasa (Enter)`
      : `harus satu baris: tidak boleh berisi pemisah baris Unicode (${code})`;
  }
  if (ZERO_WIDTH.test(character)) return `berisi karakter tak terlihat seperti spasi lebar-nol (${code}); ${RETYPE}`;
  return `berisi karakter yang tidak dapat dicetak (${code}); ${RETYPE}`;
}
