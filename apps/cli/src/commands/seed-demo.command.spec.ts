import type { DataSource } from 'typeorm';
import { loadConfig } from '@kinerja/platform';
import { seedDemoCommand, seedDemoRefusal } from './seed-demo.command';

const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/kinerja', JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'a-long-password' };

describe('seedDemoRefusal (decided before the CLI opens the database)', () => {
  const refusalFor = (args: Record<string, string | boolean>, env: Record<string, string | undefined>) => seedDemoRefusal(args, loadConfig(env), env);

  it('given production without --allow-production, when asked, then refuses naming the flag and the published password', () => {
    const refusal = refusalFor({}, { ...PRODUCTION, DEMO_PASSWORD: 'an-operator-secret' });
    expect(refusal).toMatch(/^Refused: NODE_ENV=production\. The demo office creates users whose password \(DEMO_PASSWORD\) is published/);
    expect(refusal).toContain('seed:demo --allow-production with a DEMO_PASSWORD of your own');
  });

  it('given production with --allow-production but DEMO_PASSWORD not set, when asked, then refuses saying it is not set', () => {
    expect(refusalFor({ 'allow-production': true }, PRODUCTION)).toBe(
      'Refused: NODE_ENV=production and DEMO_PASSWORD is not set: the demo users would sign in with the password printed in the README. ' +
        'Set DEMO_PASSWORD to a password of your own (at least 8 characters) and run seed:demo --allow-production again; nothing was written.',
    );
  });

  it('given production with --allow-production and DEMO_PASSWORD empty, when asked, then refuses as not set (read as the default)', () => {
    expect(refusalFor({ 'allow-production': true }, { ...PRODUCTION, DEMO_PASSWORD: '' })).toMatch(/^Refused: NODE_ENV=production and DEMO_PASSWORD is not set: /);
  });

  it('given production with --allow-production and the published DEMO_PASSWORD, when asked, then refuses saying it is the published one', () => {
    expect(refusalFor({ 'allow-production': true }, { ...PRODUCTION, DEMO_PASSWORD: 'kinerja-demo-2024' })).toMatch(
      /^Refused: NODE_ENV=production and DEMO_PASSWORD is the published demo password: the demo users would sign in with the password printed in the README\./,
    );
  });

  it('given production with --allow-production and a DEMO_PASSWORD of the operator own, when asked, then nothing is refused', () => {
    expect(refusalFor({ 'allow-production': true }, { ...PRODUCTION, DEMO_PASSWORD: 'an-operator-secret' })).toBeNull();
  });

  it.each([['development'], ['test']])('given NODE_ENV=%s and the published password, when asked without the flag, then nothing is refused', (nodeEnv) => {
    expect(refusalFor({}, { NODE_ENV: nodeEnv })).toBeNull();
  });

  it('given the command, when main.ts asks it before opening the database, then its refuse reads the process environment', () => {
    const saved = process.env;
    process.env = { ...saved, ...PRODUCTION, DEMO_PASSWORD: 'kinerja-demo-2024' };
    try {
      expect(seedDemoCommand.refuse?.({ 'allow-production': true }, loadConfig(process.env))).toMatch(/DEMO_PASSWORD is the published demo password/);
    } finally {
      process.env = saved;
    }
  });
});

describe('seed:demo on a production database', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('is refused (exit 64) without --allow-production, before touching the database', async () => {
    process.env = { ...saved, ...PRODUCTION };
    const out: string[] = [];
    const err: string[] = [];
    const untouchable = new Proxy({}, { get: () => { throw new Error('the database was used'); } }) as DataSource;
    expect(await seedDemoCommand.run({}, { dataSource: untouchable, out: (l) => out.push(l), err: (l) => err.push(l) })).toBe(64);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(/^Refused: NODE_ENV=production\. The demo office creates users whose password \(DEMO_PASSWORD\) is published/);
    expect(err[0]).toContain('seed:demo --allow-production');
  });

  it('is refused (exit 64) with --allow-production and the published DEMO_PASSWORD, before touching the database', async () => {
    process.env = { ...saved, ...PRODUCTION, DEMO_PASSWORD: 'kinerja-demo-2024' };
    const err: string[] = [];
    const untouchable = new Proxy({}, { get: () => { throw new Error('the database was used'); } }) as DataSource;
    expect(await seedDemoCommand.run({ 'allow-production': true }, { dataSource: untouchable, out: () => undefined, err: (l) => err.push(l) })).toBe(64);
    expect(err[0]).toMatch(/DEMO_PASSWORD is the published demo password/);
  });
});
