import { PasswordHasher } from './password-hasher';

describe('password hashing', () => {
  const hasher = new PasswordHasher();

  it('hashes with Argon2id and a fresh salt each time', async () => {
    const a = await hasher.hash('rahasia-sekali');
    const b = await hasher.hash('rahasia-sekali');
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hasher.hash('rahasia-sekali');
    expect(await hasher.verify(stored, 'rahasia-sekali')).toBe(true);
    expect(await hasher.verify(stored, 'rahasia-sekalI')).toBe(false);
  });

  it('answers false, not an error, for a hash that is not Argon2', async () => {
    expect(await hasher.verify('not-a-hash', 'x')).toBe(false);
  });

  it('refuses every password on the dummy path', async () => {
    expect(await hasher.verifyDummy('kinerja-dummy-password')).toBe(false);
  });
});
