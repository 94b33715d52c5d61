import { AppConfig, loadConfig } from '@kinerja/platform';
import { seedDemoLkj } from '@kinerja/jobs';
import { seedDemo } from '@kinerja/workflow';
import { CliCommand } from '../cli-command';
import { USAGE_ERROR } from '../parse-args';

/** The password every reader of the README knows (AppConfig's default). */
const PUBLISHED_DEMO_PASSWORD = new AppConfig().DEMO_PASSWORD;

/**
 * Why seed:demo must not run, or null: production is refused unless asked for with --allow-production,
 * and then only with a DEMO_PASSWORD of the operator's own (the published one would open the demo
 * accounts to everyone). Decided from the command line and the configuration alone, before the CLI
 * opens, migrates or starts a database; `env` (what `config` was read from) only tells "not set"
 * from "set to the published one" in the message.
 */
export function seedDemoRefusal(args: Record<string, string | boolean>, config: AppConfig, env: Record<string, string | undefined>): string | null {
  if (!config.isProduction) return null;
  if (args['allow-production'] !== true) {
    return (
      'Refused: NODE_ENV=production. The demo office creates users whose password (DEMO_PASSWORD) is published; ' +
      'to load it on this database anyway (a training or staging copy), run seed:demo --allow-production with a DEMO_PASSWORD of your own; nothing was written.'
    );
  }
  if (config.DEMO_PASSWORD === PUBLISHED_DEMO_PASSWORD) {
    // loadConfig reads an empty variable as unset: the default, i.e. the published password.
    const given = env.DEMO_PASSWORD ? 'the published demo password' : 'not set';
    return (
      `Refused: NODE_ENV=production and DEMO_PASSWORD is ${given}: ` +
      'the demo users would sign in with the password printed in the README. Set DEMO_PASSWORD to a password of your own ' +
      '(at least 8 characters) and run seed:demo --allow-production again; nothing was written.'
    );
  }
  return null;
}

/** `npm run cli -- seed:demo`: KPU Kabupaten Jember, alive; safe to run again, never acting on an office in use. */
export const seedDemoCommand: CliCommand = {
  name: 'seed:demo',
  description: 'Load the KPU Kabupaten Jember demo office (2024 complete, current year in progress); idempotent. Refused in production unless --allow-production',
  flags: { 'allow-production': 'boolean' },
  usage: 'Usage: npm run cli -- seed:demo [--allow-production]',
  language: 'en',
  // Its users sign in with DEMO_PASSWORD: never by accident on a real database, never with the published one.
  refuse: (args, config) => seedDemoRefusal(args, config, process.env),
  async run(args, { dataSource, out, err }) {
    const config = loadConfig(process.env);
    // Again here for a caller that runs it without main.ts (which refuses before opening the database).
    const refused = seedDemoRefusal(args, config, process.env);
    if (refused) {
      err(refused);
      return USAGE_ERROR;
    }
    const summary = await seedDemo({ dataSource, config, log: out });
    // An office the seed left alone gets no LKj from it either (its own users request theirs).
    if (summary.officeLeftAlone) return 0;
    await seedDemoLkj({ dataSource, config, satker: summary.office, year: 2024, log: out });
    out(
      `Demo office ${summary.office} ready. Sign in as ketua, sekretaris, inspektorat or kasubbag.{pdi,kul,hsdm,tph} with DEMO_PASSWORD, ` +
        `and as ${config.ADMIN_USERNAME} with ${config.ADMIN_PASSWORD ? 'ADMIN_PASSWORD' : 'DEMO_PASSWORD (ADMIN_PASSWORD is not set)'}.`,
    );
    return 0;
  },
};
