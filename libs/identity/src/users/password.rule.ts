import { identityErrors } from '../identity.errors';
import { PASSWORD_MIN_LENGTH } from '../identity.types';
import { commonPasswords } from './password-blocklist';

/** Who the password is for: their own names are no secret and do not count towards its strength. */
export interface PasswordContext {
  username: string;
  /** The office's code (`kpu-kab-jember`); absent where none applies. */
  satker?: string | null;
}

/** Words anyone can guess for any account of this service. */
const SERVICE_WORDS = ['kinerja', 'kpu'];
const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

/**
 * The password rule every password chosen in Kinerja meets (NIST SP 800-63B §5.1.1.2): at least
 * PASSWORD_MIN_LENGTH characters; not a commonly used or breached password, nor one with only
 * digits or symbols around it, nor its l33t spelling; not repetitive or sequential (`aaaaaaaa`,
 * `abcabcab`, `12345678`, `qwertyui`, `aaaa1111`); and what is left once the username, the
 * service's name (`kinerja`, `kpu`) and the office's code are taken out is itself at least
 * PASSWORD_MIN_LENGTH characters and passes the same checks (`dup.b.dup.b` for `dup.b` fails,
 * `admin-password-for-tests` for `admin` passes). No composition rule (digits, capitals): NIST
 * advises against them.
 */
export function assertAcceptablePassword(password: string, context: PasswordContext): void {
  if ([...password].length < PASSWORD_MIN_LENGTH) throw identityErrors.passwordTooShort(PASSWORD_MIN_LENGTH);
  const text = password.normalize('NFKC').toLowerCase();
  assertNotGuessable(text);
  const { rest, removed } = withoutNames(text, context);
  if (removed === null) return;
  if ([...rest.replace(/[^\p{L}\p{N}]+/gu, '')].length < PASSWORD_MIN_LENGTH) {
    throw removed.kind === 'username' ? identityErrors.passwordContainsUsername() : identityErrors.passwordContainsServiceName(removed.word);
  }
  assertNotGuessable(rest.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
}

function assertNotGuessable(text: string): void {
  if (isCommon(text)) throw identityErrors.passwordTooCommon();
  if (isPredictable(text)) throw identityErrors.passwordTooPredictable();
}

/** In the list as it is, with its separators left out, with only digits or symbols around it, or spelt in l33t. */
export function isCommon(text: string): boolean {
  const list = commonPasswords();
  const core = text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const candidates = [text, text.replace(/[\s._-]+/g, ''), core, core.replace(/[\s._-]+/g, ''), deleet(text), deleet(text).replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')];
  return candidates.some((c) => c.length >= 3 && list.has(c));
}

function deleet(text: string): string {
  return [...text].map((c) => LEET[c] ?? c).join('');
}

/** One unit repeated, a run of neighbouring characters, a keyboard row, or two such parts. */
export function isPredictable(text: string): boolean {
  const chars = [...text];
  if (chars.length === 0) return true;
  return isSimple(chars) || chars.some((_, k) => k >= 3 && chars.length - k >= 3 && isRun(chars.slice(0, k)) && isRun(chars.slice(k)));
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

/** The password without every name of the account (longest first), and the first one found. */
function withoutNames(text: string, context: PasswordContext): { rest: string; removed: { kind: 'username' | 'service'; word: string } | null } {
  const words = [
    ...namesOf(context.username).map((word) => ({ kind: 'username' as const, word })),
    ...[...SERVICE_WORDS, ...namesOf(context.satker ?? '')].map((word) => ({ kind: 'service' as const, word })),
  ].sort((a, b) => b.word.length - a.word.length);
  let rest = text;
  let removed: { kind: 'username' | 'service'; word: string } | null = null;
  for (const name of words) {
    if (!rest.includes(name.word)) continue;
    removed ??= name;
    rest = rest.split(name.word).join(' ');
  }
  return { rest, removed };
}

/** A name and its parts of four letters or more: `kasubbag.pdi` → `kasubbag.pdi`, `kasubbag`. */
function namesOf(name: string): string[] {
  const whole = name.trim().toLowerCase();
  if (whole.length === 0) return [];
  const parts = whole.split(/[._\-\s]+/).filter((p) => p.length >= 4 && p !== whole);
  return [whole, ...new Set(parts)];
}
