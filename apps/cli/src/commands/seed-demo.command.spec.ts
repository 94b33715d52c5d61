import type { DataSource } from 'typeorm';
import { loadConfig } from '@kinerja/platform';
import { demoLkjLines, seedDemoCommand, seedDemoReady, seedDemoRefusal } from './seed-demo.command';

const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/kinerja', JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'a-long-password' };

describe('seedDemoRefusal (decided before the CLI opens the database)', () => {
  const refusalFor = (args: Record<string, string | boolean>, env: Record<string, string | undefined>) => seedDemoRefusal(args, env);

  it('given production without --allow-production, when asked, then refuses naming the flag and the published password', () => {
    const refusal = refusalFor({}, { ...PRODUCTION, DEMO_PASSWORD: 'an-operator-secret' });
    expect(refusal).toBe(
      'DITOLAK: NODE_ENV=production. Kantor demo membuat pengguna yang kata sandinya (DEMO_PASSWORD) dipublikasikan; ' +
        'untuk tetap memuatnya ke basis data ini (salinan pelatihan atau staging), jalankan seed:demo --allow-production dengan DEMO_PASSWORD milik Anda sendiri; ' +
        'tidak ada yang ditulis.',
    );
  });

  it('given production with --allow-production but DEMO_PASSWORD not set, when asked, then refuses saying it is not set', () => {
    expect(refusalFor({ 'allow-production': true }, PRODUCTION)).toBe(
      'DITOLAK: NODE_ENV=production dan DEMO_PASSWORD tidak diatur: pengguna demo akan masuk dengan kata sandi yang tercetak di README. ' +
        'Atur DEMO_PASSWORD dengan kata sandi milik Anda sendiri (minimal 8 karakter) lalu jalankan lagi seed:demo --allow-production; tidak ada yang ditulis.',
    );
  });

  it('given production with --allow-production and DEMO_PASSWORD empty, when asked, then refuses as not set (read as the default)', () => {
    expect(refusalFor({ 'allow-production': true }, { ...PRODUCTION, DEMO_PASSWORD: '' })).toMatch(/^DITOLAK: NODE_ENV=production dan DEMO_PASSWORD tidak diatur: /);
  });

  it('given production with --allow-production and the published DEMO_PASSWORD, when asked, then refuses saying it is the published one', () => {
    expect(refusalFor({ 'allow-production': true }, { ...PRODUCTION, DEMO_PASSWORD: 'kinerja-demo-2024' })).toMatch(
      /^DITOLAK: NODE_ENV=production dan DEMO_PASSWORD berisi kata sandi demo yang dipublikasikan: pengguna demo akan masuk dengan kata sandi yang tercetak di README\./,
    );
  });

  it('given production with --allow-production and a DEMO_PASSWORD of the operator own, when asked, then nothing is refused', () => {
    expect(refusalFor({ 'allow-production': true }, { ...PRODUCTION, DEMO_PASSWORD: 'an-operator-secret' })).toBeNull();
  });

  it.each([['development'], ['test']])('given NODE_ENV=%s and the published password, when asked without the flag, then nothing is refused', (nodeEnv) => {
    expect(refusalFor({}, { NODE_ENV: nodeEnv })).toBeNull();
  });

  it('given production without JWT_SECRET or ADMIN_PASSWORD (a configuration loadConfig refuses), when asked, then the refusal is still its own', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/kinerja' })).toThrow();
    expect(refusalFor({}, { NODE_ENV: 'production' })).toMatch(/^DITOLAK: NODE_ENV=production\. Kantor demo /);
    expect(refusalFor({ 'allow-production': true }, { NODE_ENV: 'production' })).toMatch(/^DITOLAK: NODE_ENV=production dan DEMO_PASSWORD tidak diatur: /);
  });

  it('given the command, when main.ts asks it before validating the configuration, then its refuse reads the environment it is given', () => {
    expect(seedDemoCommand.refuse?.({ 'allow-production': true }, { NODE_ENV: 'production', DEMO_PASSWORD: 'kinerja-demo-2024' }))
      .toMatch(/DEMO_PASSWORD berisi kata sandi demo yang dipublikasikan/);
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
    expect(err[0]).toMatch(/^DITOLAK: NODE_ENV=production\. Kantor demo membuat pengguna yang kata sandinya \(DEMO_PASSWORD\) dipublikasikan/);
    expect(err[0]).toContain('seed:demo --allow-production');
  });

  it('is refused (exit 64) with --allow-production and the published DEMO_PASSWORD, before touching the database', async () => {
    process.env = { ...saved, ...PRODUCTION, DEMO_PASSWORD: 'kinerja-demo-2024' };
    const err: string[] = [];
    const untouchable = new Proxy({}, { get: () => { throw new Error('the database was used'); } }) as DataSource;
    expect(await seedDemoCommand.run({ 'allow-production': true }, { dataSource: untouchable, out: () => undefined, err: (l) => err.push(l) })).toBe(64);
    expect(err[0]).toMatch(/DEMO_PASSWORD berisi kata sandi demo yang dipublikasikan/);
  });
});

describe('seed:demo tells the operator, in Indonesian, what it did', () => {
  it('given ADMIN_PASSWORD set, when the seed went through, then the last line names the demo users and the administrator', () => {
    expect(seedDemoReady('kpu-kab-jember', { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'a-long-password' })).toBe(
      'SELESAI: kantor demo kpu-kab-jember siap. Masuk sebagai ketua, sekretaris, inspektorat atau kasubbag.{pdi,kul,hsdm,tph} dengan DEMO_PASSWORD, ' +
        'dan sebagai admin dengan ADMIN_PASSWORD.',
    );
  });

  it('given ADMIN_PASSWORD not set, then it says the administrator signs in with DEMO_PASSWORD', () => {
    expect(seedDemoReady('kpu-kab-jember', { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: undefined }))
      .toMatch(/, dan sebagai admin dengan DEMO_PASSWORD \(ADMIN_PASSWORD tidak diatur\)\.$/);
  });

  it('given the capaian imported and the LKj produced, then one line each; given nothing new, then none', () => {
    const sha = (c: string) => c.repeat(64);
    expect(demoLkjLines('kpu-kab-jember', {
      produced: 1,
      capaianImported: 2023,
      versions: [
        { year: 2024, version: 1, outcome: 'produced', files: [{ format: 'DOCX', sha256: sha('a') }, { format: 'PDF', sha256: sha('b') }] },
        { year: 2024, version: 2, outcome: 'already-produced', files: [{ format: 'DOCX', sha256: sha('c') }] },
      ],
    })).toEqual([
      'kpu-kab-jember: capaian 2023 diimpor untuk LKj 2024',
      'kpu-kab-jember: LKj 2024 versi 1 dibuat (DOCX aaaaaaaaaaaa, PDF bbbbbbbbbbbb)',
      'kpu-kab-jember: LKj 2024 versi 2 sudah dibuat sebelumnya (DOCX cccccccccccc)',
    ]);
    expect(demoLkjLines('kpu-kab-jember', { produced: 0, capaianImported: null, versions: [] })).toEqual([]);
  });
});
