import { CliCommand } from '../cli-command';

/** The CLI migrates before every command; this one only reports what is applied. */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  description: 'Apply pending database migrations (DATABASE_URL, or the embedded database)',
  flags: {},
  usage: 'Usage: npm run cli -- migrate',
  language: 'en',
  async run(_args, { dataSource, out }) {
    const rows: Array<{ name: string }> = await dataSource.query('SELECT name FROM schema_migrations ORDER BY id');
    out(`Schema up to date: ${rows.length} migration(s) applied.`);
    for (const row of rows) out(`  ${row.name}`);
    return 0;
  },
};
