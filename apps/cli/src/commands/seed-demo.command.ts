import { loadConfig } from '@kinerja/platform';
import { seedDemoLkj } from '@kinerja/jobs';
import { seedDemo } from '@kinerja/workflow';
import { CliCommand } from '../cli-command';

/** `npm run cli -- seed:demo`: KPU Kabupaten Jember, alive; safe to run again. */
export const seedDemoCommand: CliCommand = {
  name: 'seed:demo',
  description: 'Load the KPU Kabupaten Jember demo office (2024 complete, current year in progress); idempotent',
  async run(_args, { dataSource, out }) {
    const config = loadConfig(process.env);
    const summary = await seedDemo({ dataSource, config, log: out });
    await seedDemoLkj({ dataSource, config, satker: summary.office, year: 2024, log: out });
    out(`Demo office ${summary.office} ready. Sign in as admin, ketua, sekretaris, inspektorat or kasubbag.{pdi,kul,hsdm,tph} with DEMO_PASSWORD.`);
    return 0;
  },
};
