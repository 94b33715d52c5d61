import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from './load-config';
import { redactUrl } from './redact';

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

  it('given the file sweep settings, then the retention is a whole number of days of at least one and the schedule a switch', () => {
    expect(loadConfig({}).UNREFERENCED_UPLOAD_RETENTION_DAYS).toBe(30);
    expect(loadConfig({}).FILE_SWEEP_ENABLED).toBe(true);
    expect(loadConfig({ UNREFERENCED_UPLOAD_RETENTION_DAYS: '7', FILE_SWEEP_ENABLED: 'false' })).toMatchObject({ UNREFERENCED_UPLOAD_RETENTION_DAYS: 7, FILE_SWEEP_ENABLED: false });
    expect(problemsOf({ UNREFERENCED_UPLOAD_RETENTION_DAYS: '0' })).toEqual([expect.stringMatching(/^UNREFERENCED_UPLOAD_RETENTION_DAYS: /)]);
    expect(problemsOf({ UNREFERENCED_UPLOAD_RETENTION_DAYS: '1.5' })).toEqual([expect.stringMatching(/^UNREFERENCED_UPLOAD_RETENTION_DAYS: .*harus bilangan bulat/)]);
  });

  it('given the worker\'s shutdown grace, then it is a whole number of seconds from 1 to 3600, 20 unless set', () => {
    expect(loadConfig({}).JOB_SHUTDOWN_GRACE_SECONDS).toBe(20);
    expect(loadConfig({ JOB_SHUTDOWN_GRACE_SECONDS: '55' }).JOB_SHUTDOWN_GRACE_SECONDS).toBe(55);
    expect(problemsOf({ JOB_SHUTDOWN_GRACE_SECONDS: '0' })).toEqual([expect.stringMatching(/^JOB_SHUTDOWN_GRACE_SECONDS: /)]);
    expect(problemsOf({ JOB_SHUTDOWN_GRACE_SECONDS: '2.5' })).toEqual([expect.stringMatching(/^JOB_SHUTDOWN_GRACE_SECONDS: .*harus bilangan bulat/)]);
    expect(problemsOf({ JOB_SHUTDOWN_GRACE_SECONDS: '3601' })).toEqual([expect.stringMatching(/^JOB_SHUTDOWN_GRACE_SECONDS: /)]);
  });

  it('given the worker\'s job recovery, then it checks every 15 s and retries a failed job after 60 s unless set, in whole seconds', () => {
    expect(loadConfig({})).toMatchObject({ JOB_RECOVERY_INTERVAL_SECONDS: 15, JOB_RETRY_FAILED_AFTER_SECONDS: 60 });
    expect(loadConfig({ JOB_RECOVERY_INTERVAL_SECONDS: '2', JOB_RETRY_FAILED_AFTER_SECONDS: '3' })).toMatchObject({ JOB_RECOVERY_INTERVAL_SECONDS: 2, JOB_RETRY_FAILED_AFTER_SECONDS: 3 });
    expect(problemsOf({ JOB_RECOVERY_INTERVAL_SECONDS: '0' })).toEqual([expect.stringMatching(/^JOB_RECOVERY_INTERVAL_SECONDS: /)]);
    expect(problemsOf({ JOB_RETRY_FAILED_AFTER_SECONDS: '1.5' })).toEqual([expect.stringMatching(/^JOB_RETRY_FAILED_AFTER_SECONDS: .*harus bilangan bulat/)]);
  });

  it('given a port that is not a number, then the error names PORT and what it expects', () => {
    const [problem] = problemsOf({ PORT: 'http' });
    expect(problem).toMatch(/^PORT: /);
    expect(problem).toContain('"http"');
    expect(problem).toBe('PORT: harus bilangan bulat (diberikan "http")');
  });

  it('given a DATABASE_URL that is not a postgres URL, then the error says so', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })).toEqual([
      'DATABASE_URL: harus URL koneksi postgres:// atau postgresql:// (diberikan "mysql://x")',
    ]);
  });

  it('given production without secrets, then JWT_SECRET and ADMIN_PASSWORD are reported missing', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.some((p) => p.startsWith('JWT_SECRET:') && p.includes('tidak diisi'))).toBe(true);
    expect(problems.some((p) => p.startsWith('ADMIN_PASSWORD:'))).toBe(true);
  });

  it('given production with the published demo password as ADMIN_PASSWORD, then it is refused without showing it', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://db/kinerja' };
    for (const env of [
      { ...production, ADMIN_PASSWORD: 'kinerja-demo-2024' },
      { ...production, ADMIN_PASSWORD: 'another-demo-pass', DEMO_PASSWORD: 'another-demo-pass' },
    ]) {
      const problems = problemsOf(env);
      expect(problems).toEqual([expect.stringMatching(/^ADMIN_PASSWORD: di production tidak boleh sama dengan kata sandi demo/)]);
      expect(problems[0]).not.toContain(env.ADMIN_PASSWORD);
    }
    expect(loadConfig({ NODE_ENV: 'test', ADMIN_PASSWORD: 'kinerja-demo-2024' }).ADMIN_PASSWORD).toBe('kinerja-demo-2024');
  });

  it('given production with its secrets, then it loads and logs as JSON', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'a-long-password', DATABASE_URL: 'postgres://db/kinerja' });
    expect(config.logFormat).toBe('json');
  });

  it('given production without DATABASE_URL, then it is reported missing rather than run on the embedded database', () => {
    const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'a-long-password' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBe('DATABASE_URL: wajib diisi di production (tanpanya Kinerja menyimpan datanya di basis data tertanam di bawah DATA_DIR) (tidak diisi)');
  });

  it('seeds the demo office on an empty database by default, but in production only when asked', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'a-long-password', DATABASE_URL: 'postgres://db/kinerja' };
    expect(loadConfig({}).SEED_DEMO_ON_EMPTY).toBe(true);
    expect(loadConfig(production).SEED_DEMO_ON_EMPTY).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO_ON_EMPTY: 'true' }).SEED_DEMO_ON_EMPTY).toBe(true);
  });

  it('lets one account have as many uploads in flight as a browser sends to one host at once (6)', () => {
    expect(loadConfig({}).EVIDENCE_UPLOADS_IN_FLIGHT_PER_ACCOUNT).toBe(6);
  });

  it("keeps /health's details for the signed-in in production unless told otherwise; anyone may read them elsewhere", () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'a-long-password', DATABASE_URL: 'postgres://db/kinerja' };
    expect(loadConfig({}).HEALTH_DETAILS).toBe('public');
    expect(loadConfig(production).HEALTH_DETAILS).toBe('signed-in');
    expect(loadConfig({ ...production, HEALTH_DETAILS: 'public' }).HEALTH_DETAILS).toBe('public');
    expect(() => loadConfig({ HEALTH_DETAILS: 'semua' })).toThrow(/HEALTH_DETAILS/);
  });

  it('never repeats a secret or a password inside a URL in an error', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      JWT_SECRET: 'ThisIsMyRealProdSecretNearly31c',
      ADMIN_PASSWORD: 'Rahasia2026',
      DATABASE_URL: 'pgsql://kinerja:DbPassw0rd!@db.internal/kinerja',
      REDIS_URL: 'redis//default:MyRedisPassw0rd@cache:6390',
    });
    const text = problems.join('\n');
    for (const secret of ['ThisIsMyRealProdSecretNearly31c', 'Rahasia2026', 'DbPassw0rd', 'MyRedisPassw0rd']) expect(text).not.toContain(secret);
    expect(problems).toContain('JWT_SECRET: paling sedikit 32 karakter (nilai 31 karakter, tidak ditampilkan)');
    expect(problems).toContain('DATABASE_URL: harus URL koneksi postgres:// atau postgresql:// (diberikan "pgsql://kinerja:***@db.internal/kinerja")');
  });

  it.each([
    ['postgres://kinerja:DbPassw0rd!@db/kinerja', 'postgres://kinerja:***@db/kinerja'],
    ['redis://:MyRedisPassw0rd@cache:6390/2', 'redis://:***@cache:6390/2'],
    ['smtps://apikey-secret@smtp.example:465', 'smtps://***@smtp.example:465'],
    ['redis//default:pa@ss@cache:6390', 'redis//default:***@cache:6390'],
    ['redis://cache:6379', 'redis://cache:6379'],
  ])('redacts the password of %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });

  it('reads TRUST_PROXY as Express takes it, and refuses what is not an address, subnet, preset or hop count', () => {
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: 'none' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback, fd00::/8, 172.18.0.5' }).trustProxy).toEqual(['10.0.0.0/8', 'loopback', 'fd00::/8', '172.18.0.5']);
    for (const wrong of ['proxy.example', '10.0.0.0/33', 'true', '10.0.0.0/8,,']) {
      expect(problemsOf({ TRUST_PROXY: wrong })).toEqual([expect.stringMatching(/^TRUST_PROXY: harus "loopback", "none", jumlah hop/)]);
    }
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
      'DIGEST_PREVIOUS_PUBLIC_KEYS: harus berisi kunci publik Ed25519 (blok PEM SPKI, atau base64 SPKI DER dipisah koma): '
        + `butir ke-2 bukan blok PEM dan bukan base64 ("kunci-lama.pem") (diberikan ${JSON.stringify(`${key},kunci-lama.pem`)})`,
    ]);
  });

  it('given several wrong values, then all of them are reported at once', () => {
    expect(problemsOf({ PORT: '-1', LOG_LEVEL: 'loud', REDIS_URL: 'localhost' })).toHaveLength(3);
  });

  it('ignores variables that are not Kinerja settings', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', HOME: '/root' })).not.toThrow();
  });
});

describe('configuration of the login locks', () => {
  it('given nothing, then one address locks after 5 failures and the account after 50, for 15 minutes', () => {
    const config = loadConfig({});
    expect([config.LOGIN_MAX_FAILURES, config.LOGIN_ACCOUNT_MAX_FAILURES, config.LOGIN_LOCK_MINUTES]).toEqual([5, 50, 15]);
    expect(loadConfig({ LOGIN_ACCOUNT_MAX_FAILURES: '200' }).LOGIN_ACCOUNT_MAX_FAILURES).toBe(200);
  });

  it('given an account limit below the limit of one address, then the error names LOGIN_ACCOUNT_MAX_FAILURES and the other limit', () => {
    const [problem] = problemsOf({ LOGIN_MAX_FAILURES: '10', LOGIN_ACCOUNT_MAX_FAILURES: '8' });
    expect(problem).toMatch(/^LOGIN_ACCOUNT_MAX_FAILURES: paling kecil sama dengan LOGIN_MAX_FAILURES \(10\)/);
    expect(problem).toContain('"8"');
    expect(problemsOf({ LOGIN_ACCOUNT_MAX_FAILURES: 'banyak' })[0]).toMatch(/^LOGIN_ACCOUNT_MAX_FAILURES: /);
  });
});
