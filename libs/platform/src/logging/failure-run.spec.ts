import { Writable } from 'node:stream';
import { createRootLogger } from './logger';
import { FailureRun } from './failure-run';

describe('a background loop failing during an outage', () => {
  function setup() {
    const lines: Array<Record<string, any>> = [];
    const destination = new Writable({ write(chunk, _e, done) { lines.push(JSON.parse(String(chunk))); done(); } });
    let clock = 0;
    const run = new FailureRun(createRootLogger({ level: 'info', format: 'json', destination }), 'LKj process manager poll failed', { loop: 'lkj' }, 60_000, () => clock);
    return { lines, run, advance: (ms: number) => (clock += ms) };
  }
  const outage = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

  it('given a database outage of 150 s polled every second, then three warnings and one line when it works again', () => {
    const { lines, run, advance } = setup();
    for (let s = 0; s < 150; s++) {
      run.failed(outage());
      advance(1000);
    }
    run.succeeded();
    run.succeeded();
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [40, 'LKj process manager poll failed (database unavailable)'],
      [40, 'LKj process manager poll failed (still failing) (database unavailable)'],
      [40, 'LKj process manager poll failed (still failing) (database unavailable)'],
      [30, 'LKj process manager poll failed: working again'],
    ]);
    expect(lines[1]).toMatchObject({ loop: 'lkj', failures: 61, failuresSinceLastLine: 60, failingForSeconds: 60 });
    expect(lines[3]).toMatchObject({ loop: 'lkj', failures: 150, failingForSeconds: 150 });
  });

  it('given a bug, then its first failure is an error with the stack, and a later run starts afresh', () => {
    const { lines, run, advance } = setup();
    run.failed(new TypeError('cannot read properties of undefined'));
    advance(5000);
    run.succeeded();
    run.failed(new TypeError('again'));
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [50, 'LKj process manager poll failed'],
      [30, 'LKj process manager poll failed: working again'],
      [50, 'LKj process manager poll failed'],
    ]);
    expect(lines[0].err.stack).toContain('TypeError');
  });
});
