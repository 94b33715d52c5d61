import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { AppConfig } from '@kinerja/platform';
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

/**
 * The Ed25519 key that signs digests: DIGEST_SIGNING_KEY (PKCS#8 PEM or base64 DER). Without it,
 * production refuses to start; development generates one once and keeps it under DATA_DIR, with a
 * warning, so digests stay verifiable across restarts.
 */
export function loadDigestSigningKey(config: AppConfig, logger: Logger): DigestSigningKey {
  let privateKey: KeyObject;
  if (config.DIGEST_SIGNING_KEY) {
    try {
      privateKey = parse(config.DIGEST_SIGNING_KEY);
    } catch (error) {
      throw new Error(`DIGEST_SIGNING_KEY: ${(error as Error).message}; expected an Ed25519 private key as PKCS#8 PEM or base64 DER`);
    }
  } else if (config.isProduction) {
    throw new Error('DIGEST_SIGNING_KEY is required in production: an Ed25519 private key (PKCS#8 PEM or base64 DER)');
  } else {
    const file = join(config.DATA_DIR, DEV_KEY_FILE);
    if (!existsSync(file)) {
      mkdirSync(config.DATA_DIR, { recursive: true });
      const { privateKey: generated } = generateKeyPairSync('ed25519');
      writeFileSync(file, generated.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }
    logger.warn({ file }, 'DIGEST_SIGNING_KEY is not set: digests are signed with a development key kept under DATA_DIR');
    privateKey = parse(readFileSync(file, 'utf8'));
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey) };
}
