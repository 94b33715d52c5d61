import { ConfigError, DatabaseUnavailableError } from '@kinerja/platform';
import { TransactionOrderError } from '@kinerja/event-store';
import { describeFailure } from './failure';

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
