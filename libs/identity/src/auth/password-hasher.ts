import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to Argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane); its
// Algorithm enum is a const enum that isolatedModules cannot read, so the default is relied upon
// and the spec checks that hashes are `$argon2id$`.

/** Argon2id hashing of passwords. */
export class PasswordHasher {
  private dummy: Promise<string> | null = null;

  /** Makes the dummy hash at start-up: made for the first unknown name, it would slow that answer down. */
  onModuleInit(): void {
    void this.dummyHash();
  }

  hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the time of one verification, so an unknown username answers no faster than a known one. */
  async verifyDummy(password: string): Promise<false> {
    await this.verify(await this.dummyHash(), password);
    return false;
  }

  private dummyHash(): Promise<string> {
    this.dummy ??= hash('kinerja-dummy-password');
    return this.dummy;
  }
}
