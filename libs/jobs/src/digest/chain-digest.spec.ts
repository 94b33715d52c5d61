import { generateKeyPairSync } from 'node:crypto';
import { checkDigestSignature, type ChainDigestPayload, keyIdOf, signPayload, verifyDigestSignature } from './chain-digest';

const payload: ChainDigestPayload = {
  kind: 'kinerja.chain-digest', version: 1, tenant: 'kpu-kab-jember', day: '2026-01-01',
  sequence: 42, hash: 'a'.repeat(64), count: 42, timestamp: '2026-01-01T00:05:00.000Z',
};

describe('signed chain digests', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  it('signs the RFC 8785 canonical payload with Ed25519, and the signature checks', () => {
    const file = signPayload(payload, privateKey);
    expect(file.canonical).toBe('{"count":42,"day":"2026-01-01","hash":"' + 'a'.repeat(64) + '","kind":"kinerja.chain-digest","sequence":42,"tenant":"kpu-kab-jember","timestamp":"2026-01-01T00:05:00.000Z","version":1}');
    expect(file.publicKey).toBe(pem);
    expect(checkDigestSignature(file, pem)).toBeNull();
  });

  it('refuses an edited payload, an edited signed text, a foreign key', () => {
    const file = signPayload(payload, privateKey);
    expect(checkDigestSignature({ ...file, payload: { ...payload, sequence: 41 } }, pem)).toBe('isi digest tidak sama dengan teks yang ditandatangani');
    const text = file.canonical.replace('"sequence":42', '"sequence":41');
    expect(checkDigestSignature({ ...file, payload: { ...payload, sequence: 41 }, canonical: text }, pem)).toBe('tanda tangan digest tidak sah');
    const other = generateKeyPairSync('ed25519');
    const forged = signPayload(payload, other.privateKey);
    expect(checkDigestSignature(forged, pem)).toBe(
      `digest ditandatangani dengan kunci lain (ID kunci ${keyIdOf(other.publicKey)}), bukan kunci publik yang dipercaya (ID kunci ${keyIdOf(publicKey)})`,
    );
  });

  it('never trusts the key written in the file: a forger who writes their own key there, or names ours, is refused', () => {
    const other = generateKeyPairSync('ed25519');
    const forged = signPayload(payload, other.privateKey);
    // Self-consistent (payload, signature and embedded key all the forger's): only the trusted key decides.
    expect(verifyDigestSignature(forged, pem)).toMatchObject({ ok: false, problem: 'foreign_key' });
    // The forger copies our key and key id into the file: the signature still does not check with our key.
    expect(verifyDigestSignature({ ...forged, publicKey: pem, keyId: keyIdOf(publicKey) }, pem)).toMatchObject({ ok: false, problem: 'bad_signature' });
    // No key named at all: checked against the trusted key only.
    expect(verifyDigestSignature({ ...forged, publicKey: '', keyId: '' }, pem)).toMatchObject({ ok: false, problem: 'bad_signature' });
    expect(verifyDigestSignature({ ...signPayload(payload, privateKey), publicKey: '', keyId: '' }, pem)).toEqual({ ok: true, keyId: keyIdOf(publicKey) });
  });

  it('refuses when the trusted key is missing or unreadable, instead of falling back on the file\'s key', () => {
    const file = signPayload(payload, privateKey);
    for (const trusted of [undefined, '', 'not a key']) {
      expect(verifyDigestSignature(file, trusted as unknown as string)).toMatchObject({ ok: false, problem: 'unreadable_key' });
    }
  });

  it('after a rotation, accepts a digest signed by any of the trusted keys and says which one', () => {
    const previous = generateKeyPairSync('ed25519');
    const previousPem = previous.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const old = signPayload(payload, previous.privateKey);
    expect(verifyDigestSignature(old, pem)).toMatchObject({ ok: false, problem: 'foreign_key' });
    expect(verifyDigestSignature(old, [pem, previousPem])).toEqual({ ok: true, keyId: keyIdOf(previous.publicKey) });
    expect(verifyDigestSignature(signPayload(payload, privateKey), [pem, previousPem])).toEqual({ ok: true, keyId: keyIdOf(publicKey) });
    // A file naming no key is tried against each trusted key.
    expect(verifyDigestSignature({ ...old, publicKey: '', keyId: '' }, [pem, previousPem])).toEqual({ ok: true, keyId: keyIdOf(previous.publicKey) });
    const stranger = generateKeyPairSync('ed25519');
    expect(checkDigestSignature(signPayload(payload, stranger.privateKey), [pem, previousPem])).toBe(
      `digest ditandatangani dengan kunci lain (ID kunci ${keyIdOf(stranger.publicKey)}), `
        + `bukan kunci publik yang dipercaya (ID kunci ${keyIdOf(publicKey)}, ${keyIdOf(previous.publicKey)})`,
    );
    // Naming a trusted key does not let a stranger's signature through.
    expect(verifyDigestSignature({ ...signPayload(payload, stranger.privateKey), publicKey: previousPem, keyId: '' }, [pem, previousPem]))
      .toMatchObject({ ok: false, problem: 'bad_signature' });
    // No trusted key at all, or one unreadable among them: refused, never the file's key.
    expect(verifyDigestSignature(old, [])).toMatchObject({ ok: false, problem: 'unreadable_key' });
    expect(verifyDigestSignature(old, [pem, 'not a key'])).toMatchObject({ ok: false, problem: 'unreadable_key' });
  });
});
