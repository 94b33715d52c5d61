import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { digestPublicKeysProblem, parseDigestPublicKeys } from './digest-public-keys';

const pemOf = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
const base64Of = (key: KeyObject) => key.export({ type: 'spki', format: 'der' }).toString('base64');

describe('DIGEST_PREVIOUS_PUBLIC_KEYS: the earlier digest keys still trusted to verify', () => {
  const first = generateKeyPairSync('ed25519');
  const second = generateKeyPairSync('ed25519');
  const same = (keys: KeyObject[], expected: KeyObject[]) => {
    expect(keys).toHaveLength(expected.length);
    keys.forEach((key, i) => expect(key.equals(expected[i])).toBe(true));
  };

  it('given one SPKI PEM, then that key', () => {
    same(parseDigestPublicKeys(pemOf(first.publicKey)), [first.publicKey]);
  });

  it('given PEM blocks one after the other (with or without separators), then each key in order', () => {
    same(parseDigestPublicKeys(`${pemOf(first.publicKey)}${pemOf(second.publicKey)}`), [first.publicKey, second.publicKey]);
    same(parseDigestPublicKeys(`${pemOf(second.publicKey).trim()},\n${pemOf(first.publicKey)}`), [second.publicKey, first.publicKey]);
  });

  it('given base64 DER separated by commas, semicolons or white space, and mixed with PEM, then each key', () => {
    same(parseDigestPublicKeys(`${base64Of(first.publicKey)}, ${base64Of(second.publicKey)}`), [first.publicKey, second.publicKey]);
    same(parseDigestPublicKeys(`${base64Of(first.publicKey)};${base64Of(second.publicKey)}`), [first.publicKey, second.publicKey]);
    same(parseDigestPublicKeys(`${base64Of(first.publicKey)}\n${pemOf(second.publicKey)}`), [first.publicKey, second.publicKey]);
  });

  it('given the same key twice, then it counts once; given only separators, then no key', () => {
    same(parseDigestPublicKeys(`${pemOf(first.publicKey)},${base64Of(first.publicKey)}`), [first.publicKey]);
    expect(parseDigestPublicKeys(' , ')).toEqual([]);
  });

  it('given a private key (PEM or base64 DER), then it is refused: a previous key only verifies', () => {
    const pkcs8Pem = first.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const pkcs8Der = first.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(() => parseDigestPublicKeys(pkcs8Pem)).toThrow(/^butir ke-1 adalah kunci privat: berikan bagian publiknya saja/);
    expect(() => parseDigestPublicKeys(`${base64Of(second.publicKey)},${pkcs8Der}`)).toThrow(/^butir ke-2 adalah kunci privat/);
  });

  it('given a key that is not Ed25519, then it is refused naming its type', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => parseDigestPublicKeys(`${pemOf(first.publicKey)}${pemOf(rsa.publicKey)}`)).toThrow('butir ke-2 adalah kunci rsa, bukan Ed25519');
  });

  it('given text that is no key, an incomplete PEM block or a PEM of another kind, then it is refused naming the entry', () => {
    expect(digestPublicKeysProblem('kunci-lama.pem')).toBe('butir ke-1 bukan blok PEM dan bukan base64 ("kunci-lama.pem")');
    expect(digestPublicKeysProblem('bukan kunci')).toBe('butir ke-1 bukan kunci publik dalam base64 SPKI DER');
    expect(digestPublicKeysProblem(`${base64Of(first.publicKey)},QUJD`)).toBe('butir ke-2 bukan kunci publik dalam base64 SPKI DER');
    expect(digestPublicKeysProblem(pemOf(first.publicKey).replace('-----END PUBLIC KEY-----', ''))).toMatch(/^butir ke-1 adalah blok PEM yang tidak lengkap/);
    expect(digestPublicKeysProblem(pemOf(first.publicKey).replace(/PUBLIC KEY/g, 'CERTIFICATE'))).toBe('butir ke-1 adalah blok PEM "CERTIFICATE", seharusnya "PUBLIC KEY" (SPKI)');
    expect(digestPublicKeysProblem(pemOf(first.publicKey).replace(/\n[A-Za-z0-9+/]{8}/, '\nAAAAAAAA'))).toMatch(/^butir ke-1 bukan kunci publik yang dapat dibaca/);
    expect(digestPublicKeysProblem(pemOf(first.publicKey))).toBeNull();
  });
});
