import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '@kinerja/platform/config/load-config';
import { DEV_KEY_FILE, loadDigestSigningKey, loadTrustedDigestPublicKey } from './digest-signing-key';

describe('the trusted digest public key: the public half of the configured signing key', () => {
  const logger = pino({ level: 'silent' });
  const dataDir = () => mkdtempSync(join(tmpdir(), 'kinerja-key-'));

  it('is the key the worker signs with under DIGEST_SIGNING_KEY', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const config = loadConfig({ NODE_ENV: 'production', DIGEST_SIGNING_KEY: pem, DATA_DIR: dataDir(), JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'rahasia-sekali-123', DATABASE_URL: 'postgres://x/y' });
    const signing = loadDigestSigningKey(config, logger);
    expect(loadTrustedDigestPublicKey(config)).toEqual({ publicKeyPem: signing.publicKeyPem, keyId: signing.keyId, source: 'DIGEST_SIGNING_KEY' });
  });

  it('is the development key kept under DATA_DIR, and is never created by a verification', () => {
    const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir() });
    expect(loadTrustedDigestPublicKey(config)).toBeNull();
    expect(existsSync(join(config.DATA_DIR, DEV_KEY_FILE))).toBe(false);
    const signing = loadDigestSigningKey(config, logger);
    expect(loadTrustedDigestPublicKey(config)).toMatchObject({ publicKeyPem: signing.publicKeyPem, keyId: signing.keyId });
  });

  it('ignores a development key file in production, as the worker does', () => {
    const dir = dataDir();
    writeFileSync(join(dir, DEV_KEY_FILE), generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dir, JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'rahasia-sekali-123', DATABASE_URL: 'postgres://x/y' });
    expect(loadTrustedDigestPublicKey(config)).toBeNull();
  });

  it('throws on an unreadable DIGEST_SIGNING_KEY rather than trusting nothing silently', () => {
    const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir(), DIGEST_SIGNING_KEY: 'bukan kunci' });
    expect(() => loadTrustedDigestPublicKey(config)).toThrow(/DIGEST_SIGNING_KEY/);
  });
});
