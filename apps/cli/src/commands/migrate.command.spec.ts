import { describeMigrations } from './migrate.command';

describe('migrate says what it did', () => {
  it('given migrations applied now, then how many, their names, and how many the schema has', () => {
    expect(describeMigrations(['1700000000000-Events', '1700000000001-Satker'], 31)).toBe(
      '2 migrasi baru diterapkan: 1700000000000-Events, 1700000000001-Satker; seluruhnya 31.',
    );
  });

  it('given nothing to apply, then that the schema is up to date, with how many migrations it has', () => {
    expect(describeMigrations([], 31)).toBe('Tidak ada migrasi baru; skema sudah mutakhir (31 migrasi).');
  });
});
