import { ConfigError, loadConfig } from '@kinerja/platform';
import { commandRateLimited, commandRatePolicy, durationText, retryAfterSeconds } from './command-rate.policy';

describe('the command rate of one account', () => {
  it('given no setting, then 120 at once and then 600 per 10 minutes: one command per second', () => {
    const policy = commandRatePolicy(loadConfig({}));
    expect(policy).toEqual({ burst: 120, perWindow: 600, windowSeconds: 600, intervalMs: 1000 });
  });

  it('given a window that its commands do not divide, then the interval keeps the fraction', () => {
    expect(commandRatePolicy({ COMMAND_RATE_BURST: 5, COMMAND_RATE_PER_WINDOW: 7, COMMAND_RATE_WINDOW_SECONDS: 60 }).intervalMs).toBeCloseTo(8571.43, 2);
  });

  it.each([
    ['COMMAND_RATE_BURST', '0'],
    ['COMMAND_RATE_PER_WINDOW', 'many'],
    ['COMMAND_RATE_WINDOW_SECONDS', '86401'],
  ])('given %s=%s, then start-up stops with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      expect((error as ConfigError).problems[0]).toMatch(new RegExp(`^${name}: `));
    }
  });

  it('given a wait of a fraction of a second, then Retry-After is the next whole second, never 0', () => {
    expect([retryAfterSeconds(1), retryAfterSeconds(999), retryAfterSeconds(1000), retryAfterSeconds(1001)]).toEqual([1, 1, 1, 2]);
  });

  it('given a wait, then it reads in seconds, minutes, or hours and minutes', () => {
    expect([durationText(45), durationText(60), durationText(61), durationText(600), durationText(3600), durationText(3900)])
      .toEqual(['45 detik', '1 menit', '2 menit', '10 menit', '1 jam', '1 jam 5 menit']);
  });

  it('given a refusal, then RATE_LIMIT.COMMANDS says the limit and how long to wait, with Retry-After in the details', () => {
    const refusal = commandRateLimited(commandRatePolicy(loadConfig({})), 1500);
    expect(refusal.code).toBe('RATE_LIMIT.COMMANDS');
    expect(refusal.message).toContain('batas: 120 sekaligus, lalu 600 per 10 menit');
    expect(refusal.message).toContain('Tunggu 2 detik, lalu kirim ulang');
    expect(refusal.details).toEqual({ burst: 120, perWindow: 600, windowSeconds: 600, retryAfterSeconds: 2 });
  });
});
