import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '@kinerja/platform/config/load-config';
import { keyIdOf } from './chain-digest';
import { DEV_KEY_FILE, loadDigestSigningKey, loadTrustedDigestPublicKey, loadTrustedDigestPublicKeys } from './digest-signing-key';

describe('the trusted digest public key: the public half of the configured signing key', () => {
  const logger = pino({ level: 'silent' });
  const made: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinerja-key-'));
    made.push(dir);
    return dir;
  };
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

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

  describe('after a rotation: DIGEST_PREVIOUS_PUBLIC_KEYS', () => {
    const current = generateKeyPairSync('ed25519');
    const older = generateKeyPairSync('ed25519');
    const oldest = generateKeyPairSync('ed25519');
    const currentPem = current.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const spki = (key: typeof older.publicKey) => key.export({ type: 'spki', format: 'pem' }).toString();

    it('trusts the current key first, then each earlier one, marked as not current; signing still uses only the current key', () => {
      const previous = `${spki(older.publicKey)}${oldest.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir(), DIGEST_SIGNING_KEY: currentPem, DIGEST_PREVIOUS_PUBLIC_KEYS: previous });
      expect(loadTrustedDigestPublicKeys(config)).toEqual([
        { publicKeyPem: spki(current.publicKey), keyId: keyIdOf(current.publicKey), source: 'DIGEST_SIGNING_KEY', current: true },
        { publicKeyPem: spki(older.publicKey), keyId: keyIdOf(older.publicKey), source: 'DIGEST_PREVIOUS_PUBLIC_KEYS', current: false },
        { publicKeyPem: spki(oldest.publicKey), keyId: keyIdOf(oldest.publicKey), source: 'DIGEST_PREVIOUS_PUBLIC_KEYS', current: false },
      ]);
      expect(loadDigestSigningKey(config, logger).keyId).toBe(keyIdOf(current.publicKey));
    });

    it('lists the current key once when it is also among the earlier ones, and takes the loaded signing key when given', () => {
      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir(), DIGEST_SIGNING_KEY: currentPem, DIGEST_PREVIOUS_PUBLIC_KEYS: spki(current.publicKey) });
      const signing = loadDigestSigningKey(config, logger);
      expect(loadTrustedDigestPublicKeys(config, signing)).toEqual([{ publicKeyPem: signing.publicKeyPem, keyId: signing.keyId, source: 'DIGEST_SIGNING_KEY', current: true }]);
    });

    it('trusts the earlier keys next to the development key, and alone when no signing key is known', () => {
      const dir = dataDir();
      const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir, DIGEST_PREVIOUS_PUBLIC_KEYS: spki(older.publicKey) });
      expect(loadTrustedDigestPublicKeys(config)).toEqual([expect.objectContaining({ keyId: keyIdOf(older.publicKey), current: false })]);
      const signing = loadDigestSigningKey(config, logger);
      expect(loadTrustedDigestPublicKeys(config).map((k) => [k.keyId, k.current, k.source])).toEqual([
        [signing.keyId, true, join(dir, DEV_KEY_FILE)], [keyIdOf(older.publicKey), false, 'DIGEST_PREVIOUS_PUBLIC_KEYS'],
      ]);
    });

    it('refuses to start with an entry that is not an Ed25519 public key, naming the variable and the entry', () => {
      expect(() => loadConfig({ NODE_ENV: 'test', DIGEST_PREVIOUS_PUBLIC_KEYS: `${spki(older.publicKey)}${currentPem}` }))
        .toThrow(/DIGEST_PREVIOUS_PUBLIC_KEYS: harus berisi kunci publik Ed25519 .*: butir ke-2 adalah kunci privat/);
    });
  });
});
