import { CliCommand } from '../cli-command';

/** The CLI migrates before every command; this one only reports what is applied. */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  description: 'Terapkan migrasi basis data yang belum diterapkan (DATABASE_URL, atau basis data bawaan)',
  flags: {},
  usage: 'Pemakaian: npm run cli -- migrate',
  async run(_args, { dataSource, out }) {
    const rows: Array<{ name: string }> = await dataSource.query('SELECT name FROM schema_migrations ORDER BY id');
    out(`Skema basis data mutakhir: ${rows.length} migrasi telah diterapkan.`);
    for (const row of rows) out(`  ${row.name}`);
    return 0;
  },
};
