import type { DataSource } from 'typeorm';
import { seedDemoCommand } from './seed-demo.command';

describe('seed:demo on a production database', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('is refused (exit 64) without --allow-production, before touching the database', async () => {
    process.env = { ...saved, NODE_ENV: 'production', DATABASE_URL: 'postgres://db/kinerja', JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'a-long-password' };
    const out: string[] = [];
    const err: string[] = [];
    const untouchable = new Proxy({}, { get: () => { throw new Error('the database was used'); } }) as DataSource;
    expect(await seedDemoCommand.run({}, { dataSource: untouchable, out: (l) => out.push(l), err: (l) => err.push(l) })).toBe(64);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(/^Refused: NODE_ENV=production\. The demo office creates users whose password \(DEMO_PASSWORD\) is published/);
    expect(err[0]).toContain('seed:demo --allow-production');
  });
});
