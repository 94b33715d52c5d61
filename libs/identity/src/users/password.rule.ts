import { identityErrors } from '../identity.errors';
import { PASSWORD_MIN_LENGTH } from '../identity.types';
import { officeNameWords } from './office-name-words';
import { commonPasswords } from './password-blocklist';
import { deleet, disguisedWordPattern } from './password-leet';

/** Who the password is for: their own names are no secret and do not count towards its strength. */
export interface PasswordContext {
  username: string;
  /** The office's code (`kpu-kab-jember`); absent where none applies. */
  satker?: string | null;
  /**
   * The names of the office and of the office above it (`Sekretariat KPU Kabupaten Sukamaju`, `KPU
   * Provinsi Jawa Timur`): the words that name them (`sukamaju`, `jawatimur`) count as the office's
   * code does. See office-name-words.ts.
   */
  officeNames?: readonly string[];
  /** The owner's full name: its words of three letters or more (Eko, Sri, Ani) are names anyone may guess; shorter ones (an initial) where they stand alone. */
  fullName?: string | null;
  /** The owner's e-mail address: its local part (`budi.santoso`) and the words in it likewise. */
  email?: string | null;
}

/** Words anyone can guess for any account of this service. */
const SERVICE_WORDS = ['kinerja', 'kpu'];
/** A word of a name this long or longer is taken out wherever it appears in a password. */
const NAME_WORD_MIN = 3;
const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** A run of digits or symbols this long or shorter, taken out of a password, leaves its "skeleton" (`pass1234word` → `password`). */
const SKELETON_RUN_MAX = 6;
/** Digits alone (symbols aside) are a date or a number someone knows below this many (`17081945`, `01012026`). */
const DIGITS_ONLY_MIN = 12;

/**
 * The password rule every password chosen in Kinerja meets (NIST SP 800-63B §5.1.1.2): at least
 * PASSWORD_MIN_LENGTH characters; not a commonly used or breached password, nor one with only
 * digits or symbols around it or in it (`pass1234word`), nor its l33t spelling; not repetitive or
 * sequential (`aaaaaaaa`, `abcabcab`, `12345678`, `qwertyui`, `aaaa1111`), nor nearly so (`aaaaaaab`,
 * `abcdefgh12`); not only digits below DIGITS_ONLY_MIN (a date: `17081945`); and what is left once
 * the username, the owner's full name and e-mail local part (and their words of three letters or
 * more, and the initials left standing alone), the service's name (`kinerja`, `kpu`), the office's code and the words that
 * name the office and the one above it (`sukamaju`, `jawatimur`) are taken out is itself at
 * least PASSWORD_MIN_LENGTH characters and passes the same checks (`dup.b.dup.b` for `dup.b` fails,
 * `admin-password-for-tests` for `admin` passes, `santoso1980` for Budi Santoso fails). No
 * composition rule (digits, capitals): NIST advises against them.
 */
export function assertAcceptablePassword(password: string, context: PasswordContext): void {
  if ([...password].length < PASSWORD_MIN_LENGTH) throw identityErrors.passwordTooShort(PASSWORD_MIN_LENGTH);
  const text = password.normalize('NFKC').toLowerCase();
  const { rest, removed } = withoutNames(text, context);
  const remaining = rest.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const namesOnly = removed !== null && [...rest.replace(/[^\p{L}\p{N}]+/gu, '')].length < PASSWORD_MIN_LENGTH;
  // The account's own names before the list: `Lumajang2025!` in KPU Kabupaten Lumajang is refused
  // for naming the office (what its owner can act on), not as merely common, though the list has
  // it too. The service's words are everybody's, so `kpu12345` stays "too common".
  if (namesOnly && removed.kind !== 'service') throw containsName(removed);
  // The owner's name with only a run or a date beside it (`EkoSri12345678`, `ekosri17081945`) is
  // told as the name, what its owner can act on, not as a password that leaked.
  if (removed !== null && removed.kind !== 'service' && (isPredictable(remaining) || isShortDigits(remaining))) throw containsName(removed);
  assertNotGuessable(text);
  if (namesOnly) throw containsName(removed);
  assertSkeletonsNotGuessable(text);
  if (removed === null) return;
  // The password as typed passed every check above: what is left guessable once the names are out
  // is so because of the name (`Rahasia-Osing-77` for Dewi Lestari Osing: "rahasia" is common;
  // `dup.b-iloveyou` for dup.b), so the refusal names it, whichever word of the name it is, and says
  // the rest is guessable. The service's words are everybody's: `rahasia-kpu-77` stays "too common".
  try {
    assertNotGuessable(remaining);
    assertSkeletonsNotGuessable(remaining);
  } catch (error) {
    throw removed.kind === 'service' ? error : containsName(removed, true);
  }
}

function assertNotGuessable(text: string): void {
  if (isCommon(text)) throw identityErrors.passwordTooCommon();
  if (isPredictable(text) || isShortDigits(text)) throw identityErrors.passwordTooPredictable();
}

/** No skeleton of `text` (`skeletonsOf`) is common (l33t spellings included: `isCommon`) or predictable. */
function assertSkeletonsNotGuessable(text: string): void {
  const skeletons = skeletonsOf(text);
  if (skeletons.some(isCommon)) throw identityErrors.passwordTooCommon();
  if (skeletons.some(isPredictable)) throw identityErrors.passwordTooPredictable();
}

/**
 * The password with one run of digits or symbols (at most SKELETON_RUN_MAX) taken out, for each
 * such run: what a guesser tries with the usual digits added (`abcdefgh12`, `pass1234word`).
 * Skeletons shorter than four characters say nothing.
 */
export function skeletonsOf(text: string): string[] {
  const runs = [...text.matchAll(/[^\p{L}]+/gu)].filter((run) => [...run[0]].length <= SKELETON_RUN_MAX);
  return runs.map((run) => text.slice(0, run.index) + text.slice(run.index! + run[0].length)).filter((rest) => [...rest].length >= 4);
}

/** Only digits once symbols are left out, and fewer than DIGITS_ONLY_MIN: a date, a telephone number, an id. */
function isShortDigits(text: string): boolean {
  const digits = text.replace(/[^\p{L}\p{N}]+/gu, '');
  return /^[0-9]+$/.test(digits) && digits.length < DIGITS_ONLY_MIN;
}

/** In the list as it is, with its separators left out, with only digits or symbols around it, or spelt in l33t. */
export function isCommon(text: string): boolean {
  const list = commonPasswords();
  const core = text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const leet = deleet(text).flatMap((read) => [read, read.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')]);
  const candidates = [text, text.replace(/[\s._-]+/g, ''), core, core.replace(/[\s._-]+/g, ''), ...leet];
  return candidates.some((c) => c.length >= 3 && list.has(c));
}

/** One unit repeated, a run of neighbouring characters, a keyboard row, two such parts, or one such with one character more (`aaaaaaab`). */
export function isPredictable(text: string): boolean {
  const chars = [...text];
  if (chars.length === 0) return true;
  if (isSimple(chars) || chars.some((_, k) => k >= 3 && chars.length - k >= 3 && isRun(chars.slice(0, k)) && isRun(chars.slice(k)))) return true;
  return chars.length >= 5 && (isSimple(chars.slice(1)) || isSimple(chars.slice(0, -1)));
}

function isSimple(chars: string[]): boolean {
  return isRepeated(chars) || isRun(chars) || isKeyboardRow(chars.join(''));
}

function isRepeated(chars: string[]): boolean {
  for (let unit = 1; unit <= chars.length / 2; unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return true;
  }
  return false;
}

/** Each character one step (at most two) from the last, always the same step: `aaaa`, `1234`, `9876`, `2468`. */
function isRun(chars: string[]): boolean {
  const points = chars.map((c) => c.codePointAt(0)!);
  const step = points[1] - points[0];
  if (Math.abs(step) > 2) return false;
  return points.every((p, i) => i === 0 || p - points[i - 1] === step || isDigitWrap(points[i - 1], p, step));
}

function isDigitWrap(previous: number, current: number, step: number): boolean {
  const digit = (p: number) => p >= 48 && p <= 57;
  return digit(previous) && digit(current) && (current - previous - step) % 10 === 0;
}

function isKeyboardRow(text: string): boolean {
  return KEYBOARD_ROWS.some((row) => row.includes(text) || [...row].reverse().join('').includes(text));
}

type NameKind = 'username' | 'name' | 'office' | 'service';

/** The refusal naming the word; `restGuessable` when the password is refused because what is left without it is guessable. */
function containsName(removed: { kind: NameKind; word: string }, restGuessable = false): Error {
  if (removed.kind === 'username') return identityErrors.passwordContainsUsername(removed.word, restGuessable);
  return removed.kind === 'name'
    ? identityErrors.passwordContainsName(removed.word, restGuessable)
    : identityErrors.passwordContainsServiceName(removed.word, restGuessable);
}

/**
 * The password without every name of the account (longest first), however disguised (`b0nd0w0s0`,
 * `JEMB3R`, `Bondo-woso`: see password-leet.ts), and the first one found.
 */
function withoutNames(text: string, context: PasswordContext): { rest: string; removed: { kind: NameKind; word: string } | null } {
  const personal = [...wordsOf(context.fullName ?? ''), ...namesOf(context.email?.split('@')[0] ?? ''), ...wordsOf(context.email?.split('@')[0] ?? '')];
  const office = [...namesOf(context.satker ?? ''), ...officeNameWords(context.officeNames ?? [])];
  const words = [
    ...namesOf(context.username).map((word) => ({ kind: 'username' as const, word })),
    ...[...new Set(personal)].map((word) => ({ kind: 'name' as const, word })),
    ...[...new Set(office)].map((word) => ({ kind: 'office' as const, word })),
    ...SERVICE_WORDS.map((word) => ({ kind: 'service' as const, word })),
  ].sort((a, b) => b.word.length - a.word.length);
  let rest = text;
  let removed: { kind: NameKind; word: string } | null = null;
  for (const name of words) {
    const pattern = disguisedWordPattern(name.word);
    if (!pattern.test(rest)) continue;
    removed ??= name;
    rest = rest.replace(pattern, ' ');
  }
  // An initial standing alone once the names are out (`Kas Z 12345678` → `z 12345678`) is the name too.
  const initials = initialsOf(context);
  rest = rest.replace(/\p{L}+/gu, (run) => {
    if (!initials.has(run) || removed === null) return run;
    return ' ';
  });
  return { rest, removed };
}

/** A name and its parts of three letters or more: `kasubbag.pdi` → `kasubbag.pdi`, `kasubbag`, `pdi`. */
function namesOf(name: string): string[] {
  const whole = name.trim().toLowerCase();
  if (whole.length === 0) return [];
  const parts = whole.split(/[._\-\s]+/).filter((p) => p.length >= NAME_WORD_MIN && p !== whole);
  return [whole, ...new Set(parts)];
}

/**
 * The words of three letters or more of a person's name or address: `Dr. Budi Santoso, S.H.` → `budi`,
 * `santoso`; `Eko Sri` → `eko`, `sri` (short names are common in Indonesia, and as guessable as long ones).
 */
function wordsOf(name: string): string[] {
  return lettersOf(name).filter((word) => [...word].length >= NAME_WORD_MIN);
}

/** The runs of letters of a name, lower case: `Kas Z` → `kas`, `z`. */
function lettersOf(name: string): string[] {
  return name.normalize('NFKC').toLowerCase().split(/[^\p{L}]+/u).filter((word) => word.length > 0);
}

/** The owner's initials and other words shorter than NAME_WORD_MIN (`Kas Z` → `z`): removed only where they stand alone in the password. */
function initialsOf(context: PasswordContext): Set<string> {
  const words = [...lettersOf(context.fullName ?? ''), ...lettersOf(context.username)];
  return new Set(words.filter((word) => [...word].length < NAME_WORD_MIN));
}
