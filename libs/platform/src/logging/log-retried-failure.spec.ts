import pino from 'pino';
import { logRetriedFailure } from './logger';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ base: undefined }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

describe('logging a background task that failed and will run again', () => {
  it('given the database out of reach, then one warning without a stack', () => {
    const { logger, lines } = capture();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    logRetriedFailure(logger, refused, 'LKj process manager poll failed', { satker: 'kpu-kab-jember' });
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, msg: 'LKj process manager poll failed (database unavailable)', error: 'connect ECONNREFUSED 127.0.0.1:5432', satker: 'kpu-kab-jember' }),
    ]);
    expect(lines[0]).not.toHaveProperty('err');
  });

  it('given anything else, then an error with its stack', () => {
    const { logger, lines } = capture();
    logRetriedFailure(logger, new TypeError('undefined is not a function'), 'projection batch failed; retrying', { projection: 'audit-trail' });
    expect(lines[0]).toMatchObject({ level: 50, msg: 'projection batch failed; retrying', projection: 'audit-trail', err: { type: 'TypeError', stack: expect.stringContaining('TypeError') } });
  });
});
