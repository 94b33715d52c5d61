import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppConfig } from './app-config';
import { shownValue } from './redact';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(error: ValidationError, raw: Record<string, string>): string {
  const given = raw[error.property];
  const value = given === undefined ? 'it is missing' : shownValue(error.property, given);
  const expectations = Object.values(error.constraints ?? {}).map((m) => m.replace(`${error.property} `, ''));
  return `${error.property}: ${expectations.join('; ')} (${value})`;
}

/** Reads and validates the environment. Throws ConfigError naming every wrong variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  // Declared fields exist on every instance (useDefineForClassFields), optional ones included.
  const known = Object.keys(new AppConfig());
  const plain: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '' && known.includes(key)) {
      plain[key] = value;
    }
  }
  const config = plainToInstance(AppConfig, plain, { exposeDefaultValues: true });
  // The demo office (users with a published password) is for trying Kinerja: in production only on request.
  if (plain.SEED_DEMO_ON_EMPTY === undefined && config.isProduction) config.SEED_DEMO_ON_EMPTY = false;
  // What /health says beyond ok/degraded (integrity alerts among it): in production only to those signed in.
  if (plain.HEALTH_DETAILS === undefined && config.isProduction) config.HEALTH_DETAILS = 'signed-in';
  const errors = validateSync(config, { forbidUnknownValues: false });
  const problems = [...errors.map((e) => describe(e, plain)), ...publishedPasswordProblems(config)];
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The README's demo password is known to everyone: never an administrator's in production. */
const PUBLISHED_DEMO_PASSWORD = new AppConfig().DEMO_PASSWORD;

function publishedPasswordProblems(config: AppConfig): string[] {
  if (!config.isProduction || config.ADMIN_PASSWORD === undefined) return [];
  if (config.ADMIN_PASSWORD !== config.DEMO_PASSWORD && config.ADMIN_PASSWORD !== PUBLISHED_DEMO_PASSWORD) return [];
  return ['ADMIN_PASSWORD: must not be the demo password (DEMO_PASSWORD, published in the README) in production; choose another'];
}
