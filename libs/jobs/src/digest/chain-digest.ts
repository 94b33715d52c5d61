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

/** Why a digest file was refused; `foreign_key` means it was signed by a key other than the trusted ones. */
export type DigestSignatureProblem = 'incomplete' | 'not_a_digest' | 'edited' | 'unreadable_key' | 'foreign_key' | 'bad_signature';

/** `keyId`: the trusted key the signature checked with. */
export type DigestSignatureCheck = { ok: true; keyId: string } | { ok: false; problem: DigestSignatureProblem; reason: string };

function publicKeyOrNull(pem: unknown): KeyObject | null {
  if (typeof pem !== 'string' || pem.trim() === '') return null;
  try {
    return createPublicKey(pem);
  } catch {
    return null;
  }
}

/**
 * The key id a digest file names as its signer: that of the public key written in it, else its
 * `keyId`; null when it names none. Never trusted, only compared with the trusted keys' ids.
 */
export function namedKeyIdOf(file: Pick<ChainDigestFile, 'publicKey' | 'keyId'> | null): string | null {
  if (!file || typeof file !== 'object') return null;
  const named = publicKeyOrNull(file.publicKey);
  if (named) return keyIdOf(named);
  return typeof file.keyId === 'string' && file.keyId !== '' ? file.keyId : null;
}

/** The trusted keys by id, in the order given; null when there is none or one is not an Ed25519 public key. */
function trustedKeysOf(trustedPublicKeyPems: string | readonly string[]): Map<string, KeyObject> | null {
  const pems: unknown[] = Array.isArray(trustedPublicKeyPems) ? trustedPublicKeyPems : [trustedPublicKeyPems];
  const keys = new Map<string, KeyObject>();
  for (const pem of pems) {
    const key = publicKeyOrNull(pem);
    if (!key || key.asymmetricKeyType !== 'ed25519') return null;
    keys.set(keyIdOf(key), key);
  }
  return keys.size === 0 ? null : keys;
}

/** A problem of the input itself (the file is no digest, a key no Ed25519 public key), not evidence about a chain. */
export interface DigestInputProblem {
  problem: Extract<DigestSignatureProblem, 'incomplete' | 'not_a_digest' | 'unreadable_key'>;
  reason: string;
}

const UNREADABLE_KEY: DigestInputProblem = {
  problem: 'unreadable_key',
  reason: 'kunci publik yang dipercaya tidak dapat dibaca (harus kunci publik Ed25519, PEM)',
};

/** Whether `file` has the shape of a Kinerja chain digest (version 1); nothing about its signature. */
export function digestFileProblem(file: ChainDigestFile): DigestInputProblem | null {
  if (!file || typeof file !== 'object' || !file.payload || typeof file.signature !== 'string' || typeof file.canonical !== 'string') {
    return { problem: 'incomplete', reason: 'berkas digest tidak lengkap' };
  }
  if (file.payload.kind !== 'kinerja.chain-digest' || file.payload.version !== 1) {
    return { problem: 'not_a_digest', reason: 'berkas bukan digest rantai Kinerja versi 1' };
  }
  return null;
}

/**
 * Whether a digest file and the trusted keys can be used at all, checked without any chain: a
 * caller that refuses wrong input before it verifies (and records) anything asks this first.
 * Null when `verifyDigestSignature` would get past them to the digest's content.
 */
export function digestInputProblem(file: ChainDigestFile, trustedPublicKeyPems: string | readonly string[]): DigestInputProblem | null {
  return digestFileProblem(file) ?? (trustedKeysOf(trustedPublicKeyPems) ? null : UNREADABLE_KEY);
}

function signatureChecks(file: ChainDigestFile, key: KeyObject): boolean {
  return verify(null, Buffer.from(file.canonical, 'utf8'), key, Buffer.from(file.signature, 'base64'));
}

/**
 * Checks a digest file on its own: the canonical text is the payload's, and the signature is valid
 * for one of the trusted public keys: the office's own key, the earlier keys it still trusts after a
 * rotation (DIGEST_PREVIOUS_PUBLIC_KEYS), or one an auditor pinned. The key written in the file is
 * never trusted: whoever forges a digest writes their own key there. It is only read to pick the
 * trusted key with the same id, and to name a foreign signer. Reasons are in Bahasa Indonesia.
 */
export function verifyDigestSignature(file: ChainDigestFile, trustedPublicKeyPems: string | readonly string[]): DigestSignatureCheck {
  const shape = digestFileProblem(file);
  if (shape) return { ok: false, ...shape };
  if (canonicalPayload(file.payload) !== file.canonical) {
    return { ok: false, problem: 'edited', reason: 'isi digest tidak sama dengan teks yang ditandatangani' };
  }
  const trusted = trustedKeysOf(trustedPublicKeyPems);
  if (!trusted) return { ok: false, ...UNREADABLE_KEY };
  const namedId = namedKeyIdOf(file);
  if (namedId !== null && !trusted.has(namedId)) {
    const ids = [...trusted.keys()].join(', ');
    return {
      ok: false,
      problem: 'foreign_key',
      reason: `digest ditandatangani dengan kunci lain (ID kunci ${namedId}), bukan kunci publik yang dipercaya (ID kunci ${ids})`,
    };
  }
  // A named key picks the one trusted key to check with; a file naming none is tried against each.
  const candidates = namedId !== null ? [[namedId, trusted.get(namedId)!] as const] : [...trusted.entries()];
  const signer = candidates.find(([, key]) => signatureChecks(file, key));
  return signer ? { ok: true, keyId: signer[0] } : { ok: false, problem: 'bad_signature', reason: 'tanda tangan digest tidak sah' };
}

/** `verifyDigestSignature` reduced to its reason: null when the digest is signed by a trusted key. */
export function checkDigestSignature(file: ChainDigestFile, trustedPublicKeyPems: string | readonly string[]): string | null {
  const check = verifyDigestSignature(file, trustedPublicKeyPems);
  return check.ok ? null : check.reason;
}
