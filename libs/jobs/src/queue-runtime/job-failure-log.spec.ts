import type { Job } from 'bullmq';
import pino from 'pino';
import { logJobFailure } from './job-failure-log';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ base: undefined }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

function job(attemptsMade: number, attempts: number): Job {
  return { name: 'notifications.dispatch', id: 'repeat:notifications-dispatch:1', attemptsMade, opts: { attempts } } as unknown as Job;
}

// What pg reports when the database is closed to new sessions (ALTER DATABASE … ALLOW_CONNECTIONS false).
const closed = () =>
  Object.assign(new Error('database "kinerja" is not currently accepting connections'), { code: '55000', severity: 'FATAL' });

describe('logging a failed job', () => {
  it('given attempts left and the database out of reach, then one warning without a stack', () => {
    const { logger, lines } = capture();
    logJobFailure(logger, job(1, 3), closed());
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, msg: 'Job failed; it will run again (database unavailable)', job: 'notifications.dispatch', attemptsMade: 1, attempts: 3 }),
    ]);
    expect(lines[0]).not.toHaveProperty('err');
  });

  it('given attempts left and a fault of the code, then an error with its stack', () => {
    const { logger, lines } = capture();
    logJobFailure(logger, job(2, 3), new TypeError('undefined is not a function'));
    expect(lines[0]).toMatchObject({ level: 50, msg: 'Job failed; it will run again', err: { type: 'TypeError', stack: expect.stringContaining('TypeError') } });
  });

  it('given the last attempt failed on an outage, then an error, still without a stack', () => {
    const { logger, lines } = capture();
    logJobFailure(logger, job(3, 3), closed());
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: 'Job failed on its last attempt (database unavailable)', attemptsMade: 3 })]);
    expect(lines[0]).not.toHaveProperty('err');
  });

  it('given the last attempt failed on anything else, then an error with its stack', () => {
    const { logger, lines } = capture();
    logJobFailure(logger, job(3, 3), new RangeError('no such month'));
    expect(lines[0]).toMatchObject({ level: 50, msg: 'Job failed on its last attempt', err: { type: 'RangeError' } });
  });

  it('given no job (BullMQ lost it), then an error: nothing says it will run again', () => {
    const { logger, lines } = capture();
    logJobFailure(logger, undefined, new Error('Missing lock for job'));
    expect(lines[0]).toMatchObject({ level: 50, msg: 'Job failed on its last attempt' });
  });
});
