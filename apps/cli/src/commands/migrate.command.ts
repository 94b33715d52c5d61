import { CliCommand } from '../cli-command';

/** What migrate did, in a line: the migrations it applied now, by name, and how many the schema has. */
export function describeMigrations(applied: readonly string[], total: number): string {
  if (applied.length === 0) return `Tidak ada migrasi baru; skema sudah mutakhir (${total} migrasi).`;
  return `${applied.length} migrasi baru diterapkan: ${applied.join(', ')}; seluruhnya ${total}.`;
}

/** The CLI migrates before every command (main.ts); this one only reports what that did. */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  description: 'Terapkan migrasi basis data yang belum diterapkan (DATABASE_URL, atau basis data bawaan)',
  flags: {},
  usage: 'Pemakaian: npm run cli -- migrate',
  async run(_args, { dataSource, out, migrationsApplied = [] }) {
    const [{ total }]: Array<{ total: number }> = await dataSource.query('SELECT count(*)::int AS total FROM schema_migrations');
    out(describeMigrations(migrationsApplied, total));
    return 0;
  },
};
