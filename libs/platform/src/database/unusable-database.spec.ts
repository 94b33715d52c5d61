import { unusableDatabase } from './unusable-database';

const URL_WITH_PASSWORD = 'postgres://kinerja:s3cret-pw@db.example:6543/kinerja_prod';

const errorWith = (code: string, message = 'whatever the driver says') => Object.assign(new Error(message), { code });

describe('unusableDatabase: a database that cannot be used, in one Indonesian line without the password', () => {
  it.each([
    ['ECONNREFUSED', 'ECONNREFUSED'],
    ['ETIMEDOUT', 'ETIMEDOUT'],
    ['ENOTFOUND', 'ENOTFOUND: nama host tidak ditemukan'],
  ])('given the socket error %s, then it names the server and what to check', (code, reason) => {
    expect(unusableDatabase(errorWith(code), URL_WITH_PASSWORD)?.message).toBe(
      `GAGAL: basis data di db.example:6543 tidak dapat dihubungi (${reason}). Periksa DATABASE_URL dan apakah PostgreSQL berjalan.`,
    );
  });

  it('given the port left out of the URL, then it names PostgreSQL\'s default port', () => {
    expect(unusableDatabase(errorWith('ECONNREFUSED'), 'postgres://postgres@127.0.0.1/x')?.message).toMatch(/^GAGAL: basis data di 127\.0\.0\.1:5432 /);
  });

  it('given a database that does not exist (3D000), then it names it and says how to create it', () => {
    expect(unusableDatabase(errorWith('3D000', 'database "kinerja_prod" does not exist'), URL_WITH_PASSWORD)?.message).toBe(
      'GAGAL: basis data "kinerja_prod" tidak ada pada server db.example:6543; buat dulu dengan createdb atau periksa DATABASE_URL.',
    );
  });

  it('given a refused login (28P01), then it names the user, never the password', () => {
    const message = unusableDatabase(errorWith('28P01'), URL_WITH_PASSWORD)?.message;
    expect(message).toBe('GAGAL: server basis data db.example:6543 menolak masuk pengguna "kinerja" (28P01). Periksa nama pengguna dan kata sandi di DATABASE_URL.');
  });

  it.each([['ECONNREFUSED'], ['3D000'], ['28P01']])('given %s, then the password of the URL is never in the line', (code) => {
    expect(unusableDatabase(errorWith(code), URL_WITH_PASSWORD)?.message).not.toContain('s3cret-pw');
  });

  it.each([[new Error('relation "x" does not exist')], [errorWith('42P01')], [null], ['a string']])('given any other error (%p), then null: it is not about reaching the database', (error) => {
    expect(unusableDatabase(error, URL_WITH_PASSWORD)).toBeNull();
  });
});

describe('unusableDatabase, given TypeORM\'s wrapper of the driver\'s error', () => {
  it('then it reads the driver\'s code inside (driverError), as the start-up of the API and worker meets it', () => {
    const wrapped = Object.assign(new Error('QueryFailedError'), { driverError: errorWith('3D000') });
    expect(unusableDatabase(wrapped, URL_WITH_PASSWORD)?.message).toMatch(/^GAGAL: basis data "kinerja_prod" tidak ada pada server db\.example:6543; /);
  });
});
