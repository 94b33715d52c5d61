import { resolveJobHandlers } from './resolve-job-handlers';

describe('one handler per job of the typed map', () => {
  const names = ['reminders.run', 'notifications.dispatch'] as const;

  it('maps each job name to its handler', () => {
    const map = resolveJobHandlers([
      { name: 'reminders.run', owner: 'A.run', handle: 'a' },
      { name: 'notifications.dispatch', owner: 'B.dispatch', handle: 'b' },
    ], names);
    expect([...map.entries()]).toEqual([['reminders.run', 'a'], ['notifications.dispatch', 'b']]);
  });

  it('refuses a job without a handler', () => {
    expect(() => resolveJobHandlers([{ name: 'reminders.run', owner: 'A.run', handle: 1 }], names)).toThrow(
      'job "notifications.dispatch" has no handler',
    );
  });

  it('refuses a job with two handlers, naming both', () => {
    expect(() => resolveJobHandlers([
      { name: 'reminders.run', owner: 'A.run', handle: 1 },
      { name: 'reminders.run', owner: 'C.again', handle: 2 },
      { name: 'notifications.dispatch', owner: 'B.dispatch', handle: 3 },
    ], names)).toThrow('job "reminders.run" has 2 handlers: A.run, C.again');
  });

  it('refuses a handler for a job the map does not know', () => {
    expect(() => resolveJobHandlers([
      { name: 'reminders.run', owner: 'A.run', handle: 1 },
      { name: 'notifications.dispatch', owner: 'B.dispatch', handle: 3 },
      { name: 'lkj.produce', owner: 'L.produce', handle: 4 },
    ], names)).toThrow('L.produce handles "lkj.produce", which is not in queues.ts');
  });
});
