import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from './load-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('given an empty environment, when loaded, then every default applies', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.logFormat).toBe('pretty');
  });

  it('given values as strings, when loaded, then they are converted to their types', () => {
    const config = loadConfig({ PORT: '8080', REDIS_AUTOSTART: 'false', NODE_ENV: 'test', LOG_FORMAT: 'json' });
    expect(config.PORT).toBe(8080);
    expect(config.REDIS_AUTOSTART).toBe(false);
    expect(config.logFormat).toBe('json');
  });

  it('given a port that is not a number, then the error names PORT and what it expects', () => {
    const [problem] = problemsOf({ PORT: 'http' });
    expect(problem).toMatch(/^PORT: /);
    expect(problem).toContain('"http"');
    expect(problem).toMatch(/integer/);
  });

  it('given a DATABASE_URL that is not a postgres URL, then the error says so', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })).toEqual([
      'DATABASE_URL: must be a postgres:// or postgresql:// connection URL (got "mysql://x")',
    ]);
  });

  it('given production without secrets, then JWT_SECRET and ADMIN_PASSWORD are reported missing', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.some((p) => p.startsWith('JWT_SECRET:') && p.includes('it is missing'))).toBe(true);
    expect(problems.some((p) => p.startsWith('ADMIN_PASSWORD:'))).toBe(true);
  });

  it('given production with its secrets, then it loads and logs as JSON', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'a-long-password' });
    expect(config.logFormat).toBe('json');
  });

  it('given appends in flight out of range, then the error names EVENT_STORE_APPENDS_IN_FLIGHT', () => {
    expect(loadConfig({}).EVENT_STORE_APPENDS_IN_FLIGHT).toBe(1);
    expect(loadConfig({ EVENT_STORE_APPENDS_IN_FLIGHT: '4' }).EVENT_STORE_APPENDS_IN_FLIGHT).toBe(4);
    const [problem] = problemsOf({ EVENT_STORE_APPENDS_IN_FLIGHT: '0' });
    expect(problem).toMatch(/^EVENT_STORE_APPENDS_IN_FLIGHT: /);
    expect(problem).toContain('"0"');
  });

  it('given DIGEST_PREVIOUS_PUBLIC_KEYS with an entry that is not an Ed25519 public key, then the error names the variable and the entry', () => {
    const key = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(loadConfig({ DIGEST_PREVIOUS_PUBLIC_KEYS: key }).DIGEST_PREVIOUS_PUBLIC_KEYS).toBe(key);
    expect(problemsOf({ DIGEST_PREVIOUS_PUBLIC_KEYS: `${key},kunci-lama.pem` })).toEqual([
      'DIGEST_PREVIOUS_PUBLIC_KEYS: must be Ed25519 public keys (SPKI PEM blocks, or base64 SPKI DER separated by commas): '
        + `entry 2 is neither a PEM block nor base64 ("kunci-lama.pem") (got ${JSON.stringify(`${key},kunci-lama.pem`)})`,
    ]);
  });

  it('given several wrong values, then all of them are reported at once', () => {
    expect(problemsOf({ PORT: '-1', LOG_LEVEL: 'loud', REDIS_URL: 'localhost' })).toHaveLength(3);
  });

  it('ignores variables that are not Kinerja settings', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', HOME: '/root' })).not.toThrow();
  });
});
