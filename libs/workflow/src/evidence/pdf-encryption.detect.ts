import { createCipheriv, createHash } from 'node:crypto';
import { lastObject, lastTrailer, PdfName, PdfRef, PdfSyntaxError, type PdfDict, type PdfValue } from './pdf-syntax';

/**
 * Whether a reader opens a PDF without asking for anything. `reason` (for `damaged`) is in Bahasa
 * Indonesia; `securityHandler` is the encryption dictionary's /Filter (`Standard` for passwords).
 */
export type PdfLock =
  | { verdict: 'opens' }
  | { verdict: 'password_protected'; securityHandler: string }
  | { verdict: 'damaged'; reason: string };

const OPENS: PdfLock = { verdict: 'opens' };
const UNREADABLE = 'kamus enkripsi (/Encrypt) tidak terbaca';
const damaged = (reason: string): PdfLock => ({ verdict: 'damaged', reason });
/** `/Encrypt` as a key followed by a reference or a dictionary (not `/EncryptMetadata`). */
const ENCRYPT_KEY = /\/Encrypt[\0\t\n\f\r ]*(?:\d|<<)/;
/** The 32-byte padding of the Standard security handler (ISO 32000-1 §7.6.3.3, Algorithm 2). */
const PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

/**
 * Reads the last trailer's `/Encrypt`. None: the PDF opens. The Standard security handler: it
 * opens when the EMPTY user password is the right one (a PDF with only an owner password, which
 * restricts printing or copying, as scanners and e-office systems write it). Any other handler
 * (certificates, Adobe.PubSec, …) needs what the reviewers do not have. An encryption dictionary
 * that cannot be found or read is `damaged`, not accepted. `text` is the file as latin1.
 */
export function pdfLock(text: string): PdfLock {
  const trailer = lastTrailer(text);
  if (!trailer) return ENCRYPT_KEY.test(text) ? damaged('trailer tidak terbaca, sehingga perlindungan kata sandinya tidak dapat diperiksa') : OPENS;
  const encrypt = trailer.get('Encrypt');
  if (encrypt === undefined || encrypt === null) return OPENS;
  let dict: PdfValue | undefined;
  try {
    dict = encrypt instanceof PdfRef ? lastObject(text, encrypt) : encrypt;
  } catch (error) {
    if (error instanceof PdfSyntaxError) return damaged(UNREADABLE);
    throw error;
  }
  if (dict === undefined) return damaged('kamus enkripsi (/Encrypt) tidak ditemukan');
  if (!(dict instanceof Map)) return damaged(UNREADABLE);
  const filter = dict.get('Filter');
  if (!(filter instanceof PdfName)) return damaged(UNREADABLE);
  if (filter.name !== 'Standard') return { verdict: 'password_protected', securityHandler: filter.name };
  const id = trailer.get('ID');
  const opens = emptyUserPasswordOpens(dict, Array.isArray(id) && Buffer.isBuffer(id[0]) ? id[0] : Buffer.alloc(0));
  if (typeof opens === 'string') return damaged(opens);
  return opens ? OPENS : { verdict: 'password_protected', securityHandler: 'Standard' };
}

/** Whether the empty user password authenticates (§7.6.3.4 Algorithms 4, 5; ISO 32000-2 §7.6.4.4.10); a string says why it cannot tell. */
function emptyUserPasswordOpens(dict: PdfDict, firstId: Buffer): boolean | string {
  const [r, o, u, p] = [dict.get('R'), dict.get('O'), dict.get('U'), dict.get('P')];
  if (!Number.isInteger(r) || !Buffer.isBuffer(o) || !Buffer.isBuffer(u) || !Number.isInteger(p)) return UNREADABLE;
  const revision = r as number;
  if (revision >= 2 && revision <= 4) {
    const n = keyBytes(dict, revision);
    if (n === null || o.length < 32 || u.length < (revision === 2 ? 32 : 16)) return UNREADABLE;
    const key = rc4Key(revision, n, o, p as number, firstId, dict.get('EncryptMetadata') !== false);
    if (revision === 2) return rc4(key, PADDING).equals(u.subarray(0, 32));
    let check = rc4(key, md5(PADDING, firstId));
    for (let i = 1; i <= 19; i++) check = rc4(key.map((b) => b ^ i), check);
    return check.equals(u.subarray(0, 16));
  }
  if (revision === 5 || revision === 6) {
    if (u.length < 48) return UNREADABLE;
    const salt = u.subarray(32, 40);
    const hash = revision === 5 ? createHash('sha256').update(salt).digest() : hash2B(salt);
    return hash.equals(u.subarray(0, 32));
  }
  return `revisi pengamanan /R ${revision} tidak dikenal`;
}

/** The file key's length in bytes: 5 for R2, else /Length (bits; for V4 without it, the stream filter's, in bytes or bits). */
function keyBytes(dict: PdfDict, revision: number): number | null {
  if (revision === 2) return 5;
  let bits = dict.get('Length');
  if (bits === undefined && dict.get('V') === 4) {
    const filters = dict.get('CF');
    const stream = dict.get('StmF');
    const filter = filters instanceof Map && stream instanceof PdfName ? filters.get(stream.name) : undefined;
    bits = (filter instanceof Map ? filter.get('Length') : undefined) ?? 128;
    if (typeof bits === 'number' && bits < 40) bits *= 8;
  }
  bits ??= 40;
  return typeof bits === 'number' && Number.isInteger(bits) && bits >= 40 && bits <= 128 && bits % 8 === 0 ? bits / 8 : null;
}

/** Algorithm 2 with the empty password. */
function rc4Key(revision: number, n: number, o: Buffer, p: number, firstId: Buffer, encryptMetadata: boolean): Buffer {
  const permissions = Buffer.alloc(4);
  permissions.writeUInt32LE(p >>> 0);
  const metadata = revision >= 4 && !encryptMetadata ? Buffer.from([0xff, 0xff, 0xff, 0xff]) : Buffer.alloc(0);
  let key = md5(PADDING, o.subarray(0, 32), permissions, firstId, metadata).subarray(0, n);
  if (revision >= 3) for (let i = 0; i < 50; i++) key = md5(key).subarray(0, n);
  return key;
}

/** ISO 32000-2 Algorithm 2.B with the empty password, for the user's validation salt. */
function hash2B(salt: Buffer): Buffer {
  const algorithms = ['sha256', 'sha384', 'sha512'];
  let k = createHash('sha256').update(salt).digest();
  let e = Buffer.alloc(0);
  for (let round = 0; round < 64 || e[e.length - 1] > round - 32; round++) {
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32)).setAutoPadding(false);
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => k));
    e = Buffer.concat([cipher.update(k1), cipher.final()]);
    k = createHash(algorithms[e.subarray(0, 16).reduce((sum, b) => sum + b, 0) % 3]).update(e).digest();
  }
  return k.subarray(0, 32);
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();

/** RC4 (OpenSSL 3's default provider no longer has it). */
function rc4(key: Uint8Array, data: Buffer): Buffer {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}
