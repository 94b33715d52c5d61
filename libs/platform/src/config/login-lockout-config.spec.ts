import { ConfigError, loadConfig } from './load-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration of the login locks', () => {
  it('given nothing, then one address locks after 5 failures and the account after 50, for 15 minutes', () => {
    const config = loadConfig({});
    expect([config.LOGIN_MAX_FAILURES, config.LOGIN_ACCOUNT_MAX_FAILURES, config.LOGIN_LOCK_MINUTES]).toEqual([5, 50, 15]);
    expect(loadConfig({ LOGIN_ACCOUNT_MAX_FAILURES: '200' }).LOGIN_ACCOUNT_MAX_FAILURES).toBe(200);
  });

  it('given an account limit below the limit of one address, then the error names LOGIN_ACCOUNT_MAX_FAILURES and the other limit', () => {
    const [problem] = problemsOf({ LOGIN_MAX_FAILURES: '10', LOGIN_ACCOUNT_MAX_FAILURES: '8' });
    expect(problem).toMatch(/^LOGIN_ACCOUNT_MAX_FAILURES: .*must be at least LOGIN_MAX_FAILURES \(10\)/);
    expect(problem).toContain('"8"');
    expect(problemsOf({ LOGIN_ACCOUNT_MAX_FAILURES: 'banyak' })[0]).toMatch(/^LOGIN_ACCOUNT_MAX_FAILURES: /);
  });
});
