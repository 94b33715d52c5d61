/**
 * Just enough of PDF's object syntax (ISO 32000-1 §7.3, §7.5) to read a file's last trailer and the
 * dictionaries it points to, on the file as a latin1 string (one character per byte). Stream data
 * is never decoded: an encryption dictionary may not sit in an object stream (§7.5.7).
 */

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(readonly num: number, readonly gen: number) {}
}

export type PdfDict = Map<string, PdfValue>;
/** A string is its bytes; numbers, booleans and null are JavaScript's. */
export type PdfValue = number | boolean | null | Buffer | PdfName | PdfRef | PdfDict | PdfValue[];

export class PdfSyntaxError extends Error {}

const WS = '[\\0\\t\\n\\f\\r ]';
/** `n g obj` at a given place, each part bounded. */
const OBJECT_HEADER = new RegExp(`\\d{1,10}${WS}{1,8}\\d{1,5}${WS}{1,8}obj(?![^\\0\\t\\n\\f\\r ()<>[\\]{}/%])`, 'y');
const STARTXREF = new RegExp(`startxref${WS}+(\\d{1,12})`, 'y');
const DEEPEST = 32;

/** PDF white space (ISO 32000 §7.2.2): NUL, tab, LF, FF, CR, space. */
export const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number) => c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
const isRegular = (c: number) => !Number.isNaN(c) && !isWhite(c) && !isDelimiter(c);
const ESCAPED: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, b: 0x08, f: 0x0c, '(': 0x28, ')': 0x29, '\\': 0x5c };

/** Reads one object from `at` on; throws `PdfSyntaxError` where the syntax breaks or the text ends. */
export class PdfObjectReader {
  constructor(private readonly s: string, public at: number) {}

  value(depth = 0): PdfValue {
    if (depth > DEEPEST) throw new PdfSyntaxError('nested too deep');
    this.skipWhite();
    const c = this.s[this.at];
    if (c === undefined) throw new PdfSyntaxError('ends inside an object');
    if (this.s.startsWith('<<', this.at)) return this.dict(depth);
    if (c === '<') return this.hexString();
    if (c === '(') return this.literalString();
    if (c === '/') return this.name();
    if (c === '[') {
      this.at += 1;
      const items: PdfValue[] = [];
      for (this.skipWhite(); this.s[this.at] !== ']'; this.skipWhite()) items.push(this.value(depth + 1));
      this.at += 1;
      return items;
    }
    const token = this.token();
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) throw new PdfSyntaxError(`unexpected ${JSON.stringify(token.slice(0, 20))}`);
    return /^\d{1,10}$/.test(token) ? this.referenceOr(Number(token)) : Number(token);
  }

  private dict(depth: number): PdfDict {
    this.at += 2;
    const dict: PdfDict = new Map();
    for (this.skipWhite(); !this.s.startsWith('>>', this.at); this.skipWhite()) {
      if (this.s[this.at] !== '/') throw new PdfSyntaxError('a dictionary key is not a name');
      const key = this.name().name;
      dict.set(key, this.value(depth + 1));
    }
    this.at += 2;
    return dict;
  }

  /** `num gen R` when the integer just read is followed by another and `R`; otherwise the integer. */
  private referenceOr(num: number): PdfValue {
    const start = this.at;
    this.skipWhite();
    const gen = this.token();
    this.skipWhite();
    if (/^\d{1,5}$/.test(gen) && this.token() === 'R') return new PdfRef(num, Number(gen));
    this.at = start;
    return num;
  }

  private name(): PdfName {
    this.at += 1;
    return new PdfName(this.token().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
  }

  private token(): string {
    const start = this.at;
    while (isRegular(this.s.charCodeAt(this.at))) this.at += 1;
    return this.s.slice(start, this.at);
  }

  private hexString(): Buffer {
    const end = this.s.indexOf('>', this.at);
    if (end === -1) throw new PdfSyntaxError('a hexadecimal string does not end');
    const digits = this.s.slice(this.at + 1, end).replace(/[\0\t\n\f\r ]/g, '');
    if (!/^[0-9a-fA-F]*$/.test(digits)) throw new PdfSyntaxError('a hexadecimal string holds other characters');
    this.at = end + 1;
    return Buffer.from(digits.length % 2 ? `${digits}0` : digits, 'hex');
  }

  /** §7.3.4.2: balanced parentheses, escapes, `\ddd` in octal, `\` before an end of line continues it, an end of line is 0x0A. */
  private literalString(): Buffer {
    const bytes: number[] = [];
    let open = 1;
    for (this.at += 1; ; ) {
      const c = this.s[this.at++];
      if (c === undefined) throw new PdfSyntaxError('a literal string does not end');
      if (c === '\\') {
        const e = this.s[this.at++];
        if (e === undefined) throw new PdfSyntaxError('a literal string does not end');
        const octal = /^[0-7]{1,3}/.exec(this.s.slice(this.at - 1, this.at + 2));
        if (octal) {
          bytes.push(parseInt(octal[0], 8) & 0xff);
          this.at += octal[0].length - 1;
        } else if (e === '\r' || e === '\n') {
          if (e === '\r' && this.s[this.at] === '\n') this.at += 1;
        } else bytes.push(ESCAPED[e] ?? e.charCodeAt(0));
      } else if (c === '\r') {
        bytes.push(0x0a);
        if (this.s[this.at] === '\n') this.at += 1;
      } else {
        if (c === '(') open += 1;
        if (c === ')' && --open === 0) return Buffer.from(bytes);
        bytes.push(c.charCodeAt(0));
      }
    }
  }

  private skipWhite(): void {
    for (;;) {
      const c = this.s.charCodeAt(this.at);
      if (isWhite(c)) this.at += 1;
      else if (c === 0x25) while (this.at < this.s.length && this.s[this.at] !== '\n' && this.s[this.at] !== '\r') this.at += 1;
      else return;
    }
  }
}

/** The dictionary at `at`, or null when what is there is not one. */
export function dictAt(s: string, at: number): PdfDict | null {
  try {
    const value = new PdfObjectReader(s, at).value();
    return value instanceof Map ? value : null;
  } catch (error) {
    if (error instanceof PdfSyntaxError) return null;
    throw error;
  }
}

/** Where the object `n g obj` at `at` starts its value, or -1 when no object header is there. */
function afterObjectHeader(s: string, at: number): number {
  OBJECT_HEADER.lastIndex = at;
  return OBJECT_HEADER.test(s) ? OBJECT_HEADER.lastIndex : -1;
}

/**
 * The file's last trailer: the one its last `startxref` points to (a `trailer` after a classic
 * cross-reference table, or a cross-reference stream's dictionary). With incremental updates this
 * is the update's, which repeats `/Encrypt` and `/ID` (§7.5.6). When `startxref` points nowhere
 * readable (a file whose offsets are off, which readers repair), the last `trailer` keyword, then
 * the last cross-reference stream. Null when there is none to be read.
 */
export function lastTrailer(s: string): PdfDict | null {
  const at = s.lastIndexOf('startxref');
  STARTXREF.lastIndex = at;
  const offset = at === -1 ? null : STARTXREF.exec(s);
  if (offset) {
    let section = Number(offset[1]);
    while (isWhite(s.charCodeAt(section))) section += 1;
    if (s.startsWith('xref', section)) {
      const trailer = s.indexOf('trailer', section);
      const dict = trailer === -1 ? null : dictAt(s, trailer + 'trailer'.length);
      if (dict) return dict;
    } else if (afterObjectHeader(s, section) !== -1) {
      const dict = dictAt(s, afterObjectHeader(s, section));
      if (dict) return dict;
    }
  }
  const trailer = s.lastIndexOf('trailer');
  const dict = trailer === -1 ? null : dictAt(s, trailer + 'trailer'.length);
  if (dict) return dict;
  const xrefStream = lastMatch(s, /\/Type[\0\t\n\f\r ]*\/XRef(?![A-Za-z])/g);
  if (xrefStream === -1) return null;
  const obj = s.lastIndexOf('obj', xrefStream);
  return obj === -1 ? null : dictAt(s, obj + 'obj'.length);
}

/** The value of the last `num gen obj` in the file (an incremental update's, when it redefines one). */
export function lastObject(s: string, ref: PdfRef): PdfValue | undefined {
  const at = lastMatch(s, new RegExp(`(?<![0-9])${ref.num}${WS}{1,8}${ref.gen}${WS}{1,8}obj(?![^\\0\\t\\n\\f\\r ()<>[\\]{}/%])`, 'g'));
  if (at === -1) return undefined;
  return new PdfObjectReader(s, afterObjectHeader(s, at)).value();
}

function lastMatch(s: string, pattern: RegExp): number {
  let last = -1;
  for (const match of s.matchAll(pattern)) last = match.index;
  return last;
}
