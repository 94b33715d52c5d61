import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { type AppConfig, fileErrorWords } from '@kinerja/platform';
import { parseDigestPublicKeys } from '@kinerja/platform/config/digest-public-keys';
import { keyIdOf } from './chain-digest';

export const DEV_KEY_FILE = 'digest-signing-key.pem';

export interface DigestSigningKey {
  privateKey: KeyObject;
  publicKeyPem: string;
  keyId: string;
}

function parse(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('DIGEST_SIGNING_KEY must be an Ed25519 private key');
  return key;
}

function fromEnvironment(text: string): KeyObject {
  try {
    return parse(text);
  } catch (error) {
    throw new Error(`DIGEST_SIGNING_KEY: ${(error as Error).message}; expected an Ed25519 private key as PKCS#8 PEM or base64 DER`);
  }
}

function describePublicKey(publicKey: KeyObject): { publicKeyPem: string; keyId: string } {
  return { publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey) };
}

function publicPartOf(privateKey: KeyObject): { publicKeyPem: string; keyId: string } {
  return describePublicKey(createPublicKey(privateKey));
}

const warnedDevKeyFiles = new Set<string>();

/** The development signing key, used when DIGEST_SIGNING_KEY is not set (never in production). */
function devKeyFile(config: AppConfig): string {
  return join(config.DATA_DIR, DEV_KEY_FILE);
}

/**
 * The Ed25519 key that signs digests: DIGEST_SIGNING_KEY (PKCS#8 PEM or base64 DER). Without it,
 * production refuses to start; development generates one once and keeps it under DATA_DIR, with a
 * warning, so digests stay verifiable across restarts.
 */
export function loadDigestSigningKey(config: AppConfig, logger: Logger): DigestSigningKey {
  let privateKey: KeyObject;
  if (config.DIGEST_SIGNING_KEY) {
    privateKey = fromEnvironment(config.DIGEST_SIGNING_KEY);
  } else if (config.isProduction) {
    throw new Error('DIGEST_SIGNING_KEY is required in production: an Ed25519 private key (PKCS#8 PEM or base64 DER)');
  } else {
    const file = devKeyFile(config);
    if (!existsSync(file)) {
      mkdirSync(config.DATA_DIR, { recursive: true });
      const { privateKey: generated } = generateKeyPairSync('ed25519');
      writeFileSync(file, generated.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }
    // Once per process and file: `npm start` loads the key in its API and in its worker.
    if (!warnedDevKeyFiles.has(file)) {
      warnedDevKeyFiles.add(file);
      logger.warn({ file }, 'DIGEST_SIGNING_KEY is not set: digests are signed with a development key kept under DATA_DIR');
    }
    privateKey = parse(readFileSync(file, 'utf8'));
  }
  return { privateKey, ...publicPartOf(privateKey) };
}

export interface TrustedDigestPublicKey {
  publicKeyPem: string;
  keyId: string;
  /** Where it came from, for messages: the variable, or the development key file. */
  source: string;
}

/**
 * The public half of the key `loadDigestSigningKey` signs with under the same configuration: the
 * key a digest must be signed with to be the office's own. Never creates a key (a key made now has
 * signed nothing) and never takes the development file in production, where the worker does not
 * either. Null when no signing key is configured; throws when DIGEST_SIGNING_KEY or the file is unreadable.
 */
export function loadTrustedDigestPublicKey(config: AppConfig): TrustedDigestPublicKey | null {
  if (config.DIGEST_SIGNING_KEY) return { ...publicPartOf(fromEnvironment(config.DIGEST_SIGNING_KEY)), source: 'DIGEST_SIGNING_KEY' };
  if (config.isProduction) return null;
  const file = devKeyFile(config);
  if (!existsSync(file)) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: ${fileErrorWords(error)}`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = parse(text);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  return { ...publicPartOf(privateKey), source: file };
}

/** Where the earlier keys come from: named in messages. */
export const PREVIOUS_KEYS_SOURCE = 'DIGEST_PREVIOUS_PUBLIC_KEYS';

/** A key digests are verified with: the current signing key's public half, or an earlier one. */
export interface OfficeDigestPublicKey extends TrustedDigestPublicKey {
  /** True for the key digests are signed with now; false for an earlier one, trusted only to verify. */
  current: boolean;
}

function previousKeys(config: AppConfig, currentKeyId: string | null): OfficeDigestPublicKey[] {
  if (!config.DIGEST_PREVIOUS_PUBLIC_KEYS) return [];
  let keys: KeyObject[];
  try {
    keys = parseDigestPublicKeys(config.DIGEST_PREVIOUS_PUBLIC_KEYS);
  } catch (error) {
    throw new Error(`${PREVIOUS_KEYS_SOURCE}: ${(error as Error).message}`);
  }
  return keys
    .map((key) => ({ ...describePublicKey(key), source: PREVIOUS_KEYS_SOURCE, current: false }))
    .filter((key) => key.keyId !== currentKeyId);
}

/**
 * Every key a digest of this office may be signed with: the current one first (the public half of
 * the key `loadDigestSigningKey` signs with), then the earlier ones of DIGEST_PREVIOUS_PUBLIC_KEYS,
 * so digests signed before a rotation still verify. The earlier keys never sign. Pass `signing` when
 * the signing key is already loaded (the API); otherwise it is read like `loadTrustedDigestPublicKey`.
 * Empty when nothing is configured; throws when a configured key is unreadable.
 */
export function loadTrustedDigestPublicKeys(config: AppConfig, signing?: DigestSigningKey): OfficeDigestPublicKey[] {
  const current = signing
    ? { publicKeyPem: signing.publicKeyPem, keyId: signing.keyId, source: config.DIGEST_SIGNING_KEY ? 'DIGEST_SIGNING_KEY' : devKeyFile(config) }
    : loadTrustedDigestPublicKey(config);
  const head: OfficeDigestPublicKey[] = current ? [{ ...current, current: true }] : [];
  return [...head, ...previousKeys(config, current?.keyId ?? null)];
}
