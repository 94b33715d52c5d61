import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/** What a digest commits to: the head of one office's chain at one moment. */
export interface ChainDigestPayload {
  kind: 'kinerja.chain-digest';
  version: 1;
  tenant: string;
  /** The UTC day the digest stands for (YYYY-MM-DD). */
  day: string;
  sequence: number;
  hash: string;
  count: number;
  /** ISO instant the head was read. */
  timestamp: string;
}

/** The downloadable file: the payload, its canonical text and an Ed25519 signature over that text. */
export interface ChainDigestFile {
  payload: ChainDigestPayload;
  /** RFC 8785 canonical JSON of `payload`: exactly the bytes signed. */
  canonical: string;
  algorithm: 'Ed25519';
  /** Base64. */
  signature: string;
  keyId: string;
  publicKey: string;
}

export function canonicalPayload(payload: ChainDigestPayload): string {
  return canonicalize(payload);
}

/** First 16 hex digits of SHA-256 over the public key (SPKI DER): names the key that signed. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function signPayload(payload: ChainDigestPayload, privateKey: KeyObject): ChainDigestFile {
  const publicKey = createPublicKey(privateKey);
  const canonical = canonicalPayload(payload);
  return {
    payload,
    canonical,
    algorithm: 'Ed25519',
    signature: sign(null, Buffer.from(canonical, 'utf8'), privateKey).toString('base64'),
    keyId: keyIdOf(publicKey),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * Checks a digest file on its own: the canonical text is the payload's, and the signature is valid
 * for `trustedPublicKeyPem` (or, without one, for the key the file names). Returns the reason when not.
 */
export function checkDigestSignature(file: ChainDigestFile, trustedPublicKeyPem?: string): string | null {
  if (!file || typeof file !== 'object' || !file.payload || typeof file.signature !== 'string') return 'berkas digest tidak lengkap';
  if (file.payload.kind !== 'kinerja.chain-digest' || file.payload.version !== 1) return 'berkas bukan digest rantai Kinerja versi 1';
  if (canonicalPayload(file.payload) !== file.canonical) return 'isi digest tidak sama dengan teks yang ditandatangani';
  let key: KeyObject;
  try {
    key = createPublicKey(trustedPublicKeyPem ?? file.publicKey);
  } catch {
    return 'kunci publik tidak dapat dibaca';
  }
  if (trustedPublicKeyPem && file.publicKey && keyIdOf(createPublicKey(file.publicKey)) !== keyIdOf(key)) {
    return 'digest ditandatangani dengan kunci lain, bukan kunci publik yang dipercaya';
  }
  const ok = verify(null, Buffer.from(file.canonical, 'utf8'), key, Buffer.from(file.signature, 'base64'));
  return ok ? null : 'tanda tangan digest tidak sah';
}
