import { ConfigError } from '@kinerja/platform';
import { TransactionOrderError } from '@kinerja/event-store';
import { databaseUnavailable, DatabaseUnavailableError, describeFailure } from './failure';

const URL_WITH_PASSWORD = 'postgres://kinerja:s3cret-pw@db.example:6543/kinerja_prod';

const errorWith = (code: string, message = 'whatever the driver says') => Object.assign(new Error(message), { code });

describe('databaseUnavailable: a database that cannot be used, in one Indonesian line without the password', () => {
  it.each([
    ['ECONNREFUSED', 'ECONNREFUSED'],
    ['ETIMEDOUT', 'ETIMEDOUT'],
    ['ENOTFOUND', 'ENOTFOUND: nama host tidak ditemukan'],
  ])('given the socket error %s, then it names the server and what to check', (code, reason) => {
    expect(databaseUnavailable(errorWith(code), URL_WITH_PASSWORD)?.message).toBe(
      `GAGAL: basis data di db.example:6543 tidak dapat dihubungi (${reason}). Periksa DATABASE_URL dan apakah PostgreSQL berjalan.`,
    );
  });

  it('given the port left out of the URL, then it names PostgreSQL\'s default port', () => {
    expect(databaseUnavailable(errorWith('ECONNREFUSED'), 'postgres://postgres@127.0.0.1/x')?.message).toMatch(/^GAGAL: basis data di 127\.0\.0\.1:5432 /);
  });

  it('given a database that does not exist (3D000), then it names it and says how to create it', () => {
    expect(databaseUnavailable(errorWith('3D000', 'database "kinerja_prod" does not exist'), URL_WITH_PASSWORD)?.message).toBe(
      'GAGAL: basis data "kinerja_prod" tidak ada pada server db.example:6543; buat dulu dengan createdb atau periksa DATABASE_URL.',
    );
  });

  it('given a refused login (28P01), then it names the user, never the password', () => {
    const message = databaseUnavailable(errorWith('28P01'), URL_WITH_PASSWORD)?.message;
    expect(message).toBe('GAGAL: server basis data db.example:6543 menolak masuk pengguna "kinerja" (28P01). Periksa nama pengguna dan kata sandi di DATABASE_URL.');
  });

  it.each([['ECONNREFUSED'], ['3D000'], ['28P01']])('given %s, then the password of the URL is never in the line', (code) => {
    expect(databaseUnavailable(errorWith(code), URL_WITH_PASSWORD)?.message).not.toContain('s3cret-pw');
  });

  it.each([[new Error('relation "x" does not exist')], [errorWith('42P01')], [null], ['a string']])('given any other error (%p), then null: it is not about reaching the database', (error) => {
    expect(databaseUnavailable(error, URL_WITH_PASSWORD)).toBeNull();
  });
});

describe('describeFailure: how the CLI ends on an error, Indonesian first', () => {
  it('given a database that cannot be used, then its line alone, exit 69 (EX_UNAVAILABLE), no stack', () => {
    expect(describeFailure(new DatabaseUnavailableError('GAGAL: basis data di h:1 tidak dapat dihubungi (ECONNREFUSED).'))).toEqual({
      exitCode: 69,
      text: 'GAGAL: basis data di h:1 tidak dapat dihubungi (ECONNREFUSED).',
    });
  });

  it('given a configuration refused by loadConfig, then an Indonesian header and each problem as it is, exit 78', () => {
    expect(describeFailure(new ConfigError(['JWT_SECRET: must be longer than 32 (it is missing)', 'ADMIN_PASSWORD: should not be empty (it is missing)']))).toEqual({
      exitCode: 78,
      text: 'DITOLAK: konfigurasi tidak sah; tidak ada yang dijalankan. Perbaiki variabel lingkungan berikut:\n'
        + '  - JWT_SECRET: must be longer than 32 (it is missing)\n  - ADMIN_PASSWORD: should not be empty (it is missing)',
    });
  });

  it('given a broken log order (a ConfigError, but no variable to fix), then it says so, exit 78', () => {
    const error = new TransactionOrderError({ status: 'BROKEN', message: 'the order is broken' } as ConstructorParameters<typeof TransactionOrderError>[0]);
    expect(describeFailure(error)).toEqual({ exitCode: 78, text: 'GAGAL: urutan transaksi log peristiwa di basis data ini rusak; tidak ada yang dijalankan.\n  the order is broken' });
  });

  it('given anything else, then an Indonesian first line and the stack trace, exit 1', () => {
    const error = new Error('boom');
    const failure = describeFailure(error);
    expect(failure.exitCode).toBe(1);
    expect(failure.text).toBe(`GAGAL: kesalahan tak terduga; perintah dihentikan. Rincian teknis untuk pengembang:\n${error.stack}`);
    expect(failure.text.split('\n')[2]).toMatch(/^\s+at /);
  });
});
