import { AppConfig, loadConfig } from '@kinerja/platform';
import { type DemoLkjReport, seedDemoLkj } from '@kinerja/jobs';
import { seedDemo } from '@kinerja/workflow';
import { CliCommand } from '../cli-command';
import { USAGE_ERROR } from '../parse-args';

/** The password every reader of the README knows (AppConfig's default). */
const PUBLISHED_DEMO_PASSWORD = new AppConfig().DEMO_PASSWORD;

/**
 * Why seed:demo must not run, or null: production is refused unless asked for with --allow-production,
 * and then only with a DEMO_PASSWORD of the operator's own (the published one would open the demo
 * accounts to everyone). Decided from NODE_ENV, DEMO_PASSWORD and the command line alone, before the
 * CLI validates the rest of the configuration or opens, migrates or starts a database: an operator
 * who ran it on production by mistake is told so, not that JWT_SECRET is missing.
 */
export function seedDemoRefusal(args: Record<string, string | boolean>, env: Record<string, string | undefined>): string | null {
  if (env.NODE_ENV !== 'production') return null;
  if (args['allow-production'] !== true) {
    return (
      'DITOLAK: NODE_ENV=production. Kantor demo membuat pengguna yang kata sandinya (DEMO_PASSWORD) dipublikasikan; ' +
      'untuk tetap memuatnya ke basis data ini (salinan pelatihan atau staging), jalankan seed:demo --allow-production dengan DEMO_PASSWORD milik Anda sendiri; tidak ada yang ditulis.'
    );
  }
  // loadConfig reads an empty variable as unset: the default, i.e. the published password.
  if (!env.DEMO_PASSWORD || env.DEMO_PASSWORD === PUBLISHED_DEMO_PASSWORD) {
    const given = env.DEMO_PASSWORD ? 'berisi kata sandi demo yang dipublikasikan' : 'tidak diatur';
    return (
      `DITOLAK: NODE_ENV=production dan DEMO_PASSWORD ${given}: ` +
      'pengguna demo akan masuk dengan kata sandi yang tercetak di README. Atur DEMO_PASSWORD dengan kata sandi milik Anda sendiri ' +
      '(minimal 8 karakter) lalu jalankan lagi seed:demo --allow-production; tidak ada yang ditulis.'
    );
  }
  return null;
}

/** `npm run cli -- seed:demo`: KPU Kabupaten Jember, alive; safe to run again, never acting on an office in use. */
export const seedDemoCommand: CliCommand = {
  name: 'seed:demo',
  description: 'Muat kantor demo KPU Kabupaten Jember (2024 lengkap, tahun berjalan sedang berlangsung); aman dijalankan ulang. Ditolak di produksi kecuali dengan --allow-production',
  flags: { 'allow-production': 'boolean' },
  usage: 'Pemakaian: npm run cli -- seed:demo [--allow-production]',
  // Its users sign in with DEMO_PASSWORD: never by accident on a real database, never with the published one.
  refuse: (args, env) => seedDemoRefusal(args, env),
  async run(args, { dataSource, out, err }) {
    // Again here for a caller that runs it without main.ts (which refuses before opening the database).
    const refused = seedDemoRefusal(args, process.env);
    if (refused) {
      err(refused);
      return USAGE_ERROR;
    }
    const config = loadConfig(process.env);
    const summary = await seedDemo({ dataSource, config, log: out });
    // An office the seed left alone gets no LKj from it either (its own users request theirs).
    if (summary.officeLeftAlone) return 0;
    const lkj = await seedDemoLkj({ dataSource, config, satker: summary.office, year: 2024 });
    for (const line of demoLkjLines(summary.office, lkj)) out(line);
    out(seedDemoReady(summary.office, config));
    return 0;
  },
};

/** The LKj steps of seed:demo, as the operator reads them (seedDemoLkj's own lines are English, for the log of `npm start`). */
export function demoLkjLines(office: string, report: DemoLkjReport): string[] {
  const lines = report.capaianImported === null ? [] : [`${office}: capaian ${report.capaianImported} diimpor untuk LKj ${report.capaianImported + 1}`];
  for (const v of report.versions) {
    const files = v.files.map((f) => `${f.format} ${f.sha256.slice(0, 12)}`).join(', ');
    lines.push(`${office}: LKj ${v.year} versi ${v.version} ${v.outcome === 'produced' ? 'dibuat' : 'sudah dibuat sebelumnya'} (${files})`);
  }
  return lines;
}

/** The last line of a seed that went through: who signs in, with which password. */
export function seedDemoReady(office: string, config: Pick<AppConfig, 'ADMIN_USERNAME' | 'ADMIN_PASSWORD'>): string {
  return (
    `SELESAI: kantor demo ${office} siap. Masuk sebagai ketua, sekretaris, inspektorat atau kasubbag.{pdi,kul,hsdm,tph} dengan DEMO_PASSWORD, ` +
    `dan sebagai ${config.ADMIN_USERNAME} dengan ${config.ADMIN_PASSWORD ? 'ADMIN_PASSWORD' : 'DEMO_PASSWORD (ADMIN_PASSWORD tidak diatur)'}.`
  );
}
