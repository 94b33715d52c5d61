import { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { ProjectionRegistry } from './projection-registry';
import { ProjectionRunner } from './projection-runner';

describe('the pause of the projection runner after failed batches', () => {
  const runner = (options: { idleDelayMs?: number; maxRetryDelayMs?: number }) =>
    new ProjectionRunner({} as DataSource, {} as EventStore, new ProjectionRegistry(), options);

  it('given failures in a row, then it doubles from the idle pause up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 100].map((failures) => runner({ idleDelayMs: 250, maxRetryDelayMs: 5000 }).retryDelay(failures));
    expect(delays).toEqual([500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('given the defaults, then 250 ms idle and a cap of 5 s', () => {
    expect([1, 30].map((failures) => runner({}).retryDelay(failures))).toEqual([500, 5000]);
  });

  it('given a cap below the idle pause, then never shorter than the idle pause', () => {
    expect(runner({ idleDelayMs: 1000, maxRetryDelayMs: 10 }).retryDelay(3)).toBe(1000);
  });
});
