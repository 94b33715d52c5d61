import { loadConfig } from '@kinerja/platform';
import { seedDemoLkj } from '@kinerja/jobs';
import { seedDemo } from '@kinerja/workflow';
import { CliCommand } from '../cli-command';
import { USAGE_ERROR } from '../parse-args';

/** `npm run cli -- seed:demo`: KPU Kabupaten Jember, alive; safe to run again. */
export const seedDemoCommand: CliCommand = {
  name: 'seed:demo',
  description: 'Load the KPU Kabupaten Jember demo office (2024 complete, current year in progress); idempotent. Refused in production unless --allow-production',
  flags: { 'allow-production': 'boolean' },
  usage: 'Usage: npm run cli -- seed:demo [--allow-production]',
  language: 'en',
  async run(args, { dataSource, out, err }) {
    const config = loadConfig(process.env);
    // Its users sign in with a password printed in the README: never by accident on a real database.
    if (config.isProduction && args['allow-production'] !== true) {
      err(
        'Refused: NODE_ENV=production. The demo office creates users whose password (DEMO_PASSWORD) is published; ' +
          'to load it on this database anyway (a training or staging copy), run seed:demo --allow-production with a DEMO_PASSWORD of your own.',
      );
      return USAGE_ERROR;
    }
    const summary = await seedDemo({ dataSource, config, log: out });
    await seedDemoLkj({ dataSource, config, satker: summary.office, year: 2024, log: out });
    out(
      `Demo office ${summary.office} ready. Sign in as ketua, sekretaris, inspektorat or kasubbag.{pdi,kul,hsdm,tph} with DEMO_PASSWORD, ` +
        `and as ${config.ADMIN_USERNAME} with ${config.ADMIN_PASSWORD ? 'ADMIN_PASSWORD' : 'DEMO_PASSWORD (ADMIN_PASSWORD is not set)'}.`,
    );
    return 0;
  },
};
