import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * One entry: a PEM block (labels checked below), or a run of characters without white space,
 * "," or ";" (a base64 DER key). PEM blocks may sit next to each other or be separated by anything
 * that splits base64 entries.
 */
const ENTRY = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----|[^\s,;]+/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function isPrivateKeyDer(der: Buffer): boolean {
  try {
    createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    return true;
  } catch {
    return false;
  }
}

function parseEntry(entry: string, position: number): KeyObject {
  const where = `butir ke-${position}`;
  let key: KeyObject;
  const pem = /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(entry);
  if (pem) {
    if (pem[1].includes('PRIVATE')) throw new Error(`${where} adalah kunci privat: berikan bagian publiknya saja (openssl pkey -pubout), kunci lama tidak pernah menandatangani lagi`);
    if (pem[1] !== 'PUBLIC KEY') throw new Error(`${where} adalah blok PEM "${pem[1]}", seharusnya "PUBLIC KEY" (SPKI)`);
    try {
      key = createPublicKey(entry);
    } catch (error) {
      throw new Error(`${where} bukan kunci publik yang dapat dibaca (${(error as Error).message})`);
    }
  } else {
    if (entry.startsWith('-----')) throw new Error(`${where} adalah blok PEM yang tidak lengkap ("${entry.slice(0, 40)}")`);
    if (!BASE64.test(entry)) throw new Error(`${where} bukan blok PEM dan bukan base64 ("${entry.slice(0, 40)}")`);
    const der = Buffer.from(entry, 'base64');
    try {
      key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    } catch {
      if (isPrivateKeyDer(der)) throw new Error(`${where} adalah kunci privat: berikan bagian publiknya saja (openssl pkey -pubout), kunci lama tidak pernah menandatangani lagi`);
      throw new Error(`${where} bukan kunci publik dalam base64 SPKI DER`);
    }
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${where} adalah kunci ${key.asymmetricKeyType ?? 'tak dikenal'}, bukan Ed25519`);
  return key;
}

/**
 * Parses DIGEST_PREVIOUS_PUBLIC_KEYS: Ed25519 public keys that once signed digests and are still
 * trusted to verify them, never to sign. Written like DIGEST_SIGNING_KEY, but public: SPKI PEM
 * blocks one after the other, and/or base64 SPKI DER separated by commas, semicolons or white
 * space. Throws naming the first wrong entry (1-based). The same key given twice counts once.
 */
export function parseDigestPublicKeys(text: string): KeyObject[] {
  const entries = text.match(ENTRY) ?? [];
  const keys: KeyObject[] = [];
  entries.forEach((entry, index) => {
    const key = parseEntry(entry, index + 1);
    if (!keys.some((k) => k.equals(key))) keys.push(key);
  });
  return keys;
}

/** The reason DIGEST_PREVIOUS_PUBLIC_KEYS cannot be read, or null when it can. */
export function digestPublicKeysProblem(text: unknown): string | null {
  if (typeof text !== 'string') return 'harus berupa teks';
  try {
    parseDigestPublicKeys(text);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
