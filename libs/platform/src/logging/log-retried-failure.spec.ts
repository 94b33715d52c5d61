import pino from 'pino';
import { connectionErrorLog, logRetriedFailure } from './logger';

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

describe('logging the errors of a connection that reconnects by itself', () => {
  it('given a server away for many attempts, then one warning, then silence within the interval', () => {
    const { logger, lines } = capture();
    const log = connectionErrorLog(logger, 'Redis', { queue: 'lkj' });
    for (let i = 0; i < 50; i++) log(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' }));
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'Redis: connection lost; retrying', queue: 'lkj', leftOut: 0 })]);
  });

  it('given the interval over, then one more line that says how many were left out', () => {
    const { logger, lines } = capture();
    const now = jest.spyOn(Date, 'now');
    try {
      const log = connectionErrorLog(logger, 'Queue', {}, 1000);
      for (const at of [10_000, 10_100, 10_200, 11_500]) {
        now.mockReturnValue(at);
        log(new Error('Connection is closed.'));
      }
    } finally {
      now.mockRestore();
    }
    expect(lines.map((l) => [l.level, l.leftOut])).toEqual([[40, 0], [40, 2]]);
  });

  it('given an error that is not about the connection, then an error line every time', () => {
    const { logger, lines } = capture();
    const log = connectionErrorLog(logger, 'Queue worker');
    log(new Error('ERR Error running script'));
    log(new Error('ERR Error running script'));
    expect(lines.map((l) => [l.level, l.msg])).toEqual([[50, 'Queue worker: error'], [50, 'Queue worker: error']]);
  });
});
