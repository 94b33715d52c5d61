import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createRootLogger } from './logger';

function capture() {
  const lines: Array<Record<string, any>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createRootLogger({ level: 'info', format: 'json', destination }) };
}

describe('what a log line never carries', () => {
  it('keeps a failed statement and the database message, but not the values bound to it', () => {
    const { lines, logger } = capture();
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "users_username_key"'), { code: '23505' });
    const error = new QueryFailedError('INSERT INTO users (username, full_name, password_hash) VALUES ($1, $2, $3)', ['budi', 'Budi Santoso', '$argon2id$v=19$secret'], driverError);
    logger.error({ err: error }, 'Unexpected failure');
    const [line] = lines;
    expect(line.err.query).toContain('INSERT INTO users');
    expect(line.err.message).toContain('duplicate key value');
    expect(line.err.parameters).toBe('[3 parameter(s), not logged]');
    expect(JSON.stringify(line)).not.toMatch(/Budi Santoso|argon2id/);
  });

  it('never writes a password or a token a caller passed along', () => {
    const { lines, logger } = capture();
    logger.warn({ password: 'rahasia-sekali', body: { newPassword: 'baru-sekali', currentPassword: 'lama-sekali' }, accessToken: 'eyJhbGciOi' }, 'Something odd');
    expect(JSON.stringify(lines[0])).not.toMatch(/rahasia-sekali|baru-sekali|lama-sekali|eyJhbGciOi/);
    expect(lines[0].body.newPassword).toBe('[not logged]');
  });
});
