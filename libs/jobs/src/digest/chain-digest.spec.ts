import { generateKeyPairSync } from 'node:crypto';
import { checkDigestSignature, type ChainDigestPayload, signPayload } from './chain-digest';

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
    expect(checkDigestSignature(file)).toBeNull();
    expect(checkDigestSignature(file, pem)).toBeNull();
  });

  it('refuses an edited payload, an edited signed text, a foreign key', () => {
    const file = signPayload(payload, privateKey);
    expect(checkDigestSignature({ ...file, payload: { ...payload, sequence: 41 } })).toBe('isi digest tidak sama dengan teks yang ditandatangani');
    const text = file.canonical.replace('"sequence":42', '"sequence":41');
    expect(checkDigestSignature({ ...file, payload: { ...payload, sequence: 41 }, canonical: text })).toBe('tanda tangan digest tidak sah');
    const other = generateKeyPairSync('ed25519');
    const forged = signPayload(payload, other.privateKey);
    expect(checkDigestSignature(forged, pem)).toBe('digest ditandatangani dengan kunci lain, bukan kunci publik yang dipercaya');
  });
});
