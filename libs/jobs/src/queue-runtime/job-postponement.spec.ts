import { POSTPONE_LIMIT, postponementMs } from './job-postponement';

// What pg reports when the database is closed to new sessions, and when nothing listens on its port.
const closed = () => Object.assign(new Error('database "kinerja" is not currently accepting connections'), { code: '55000', severity: 'FATAL' });
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('postponing a job the database could not serve', () => {
  it('given the database out of reach, then the job is put back 1, 2, 4, 8 s and then every 15 s, whatever attempts it made', () => {
    const delays = [1, 2, 3, 4, 5, 6, 12].map((started) => postponementMs({ attemptsStarted: started, attemptsMade: 0 }, refused()));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
    // A job that failed once for another reason counts its postponements after it.
    expect(postponementMs({ attemptsStarted: 2, attemptsMade: 1 }, closed())).toBe(1000);
  });

  it('given any other error, then it is not postponed: it fails and uses an attempt', () => {
    expect(postponementMs({ attemptsStarted: 1, attemptsMade: 0 }, new TypeError('undefined is not a function'))).toBeNull();
    expect(postponementMs({ attemptsStarted: 1, attemptsMade: 0 }, Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))).toBeNull();
  });

  it('given a job postponed POSTPONE_LIMIT times, then it fails as usual', () => {
    expect(postponementMs({ attemptsStarted: POSTPONE_LIMIT, attemptsMade: 0 }, refused())).toBe(15_000);
    expect(postponementMs({ attemptsStarted: POSTPONE_LIMIT + 1, attemptsMade: 0 }, refused())).toBeNull();
  });
});
