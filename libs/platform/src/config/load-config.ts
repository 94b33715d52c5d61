import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';
import { AppConfig } from './app-config';
import { shownValue } from './redact';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Konfigurasi tidak sah (perbaiki variabel lingkungan berikut):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The rule of a setting as declared (`@Min(1)`: its bound; `{ message }`: its own words), by property and rule name. */
function ruleOf(property: string, constraint: string) {
  const rules = getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false);
  return rules.find((r) => r.propertyName === property && (r.name ?? r.type) === constraint);
}

/**
 * What a rule asks, in Indonesian, for the administrator who reads it (the CLI's `DITOLAK: konfigurasi
 * tidak sah` and the API's and worker's refusal to start). A rule given its own message (every
 * `Matches`, the custom rules) says it itself; class-validator's English defaults are never shown.
 */
function expectation(property: string, constraint: string, given: string): string {
  const rule = ruleOf(property, constraint);
  if (rule?.message !== undefined) return given;
  const args = (rule?.constraints as unknown[] | undefined) ?? [];
  switch (constraint) {
    case 'isInt': return 'harus bilangan bulat';
    case 'min': return `paling kecil ${String(args[0])}`;
    case 'max': return `paling besar ${String(args[0])}`;
    case 'minLength': return `paling sedikit ${String(args[0])} karakter`;
    case 'isIn': return `harus salah satu dari: ${(args[0] as unknown[]).map(String).join(', ')}`;
    case 'isBoolean': return 'harus true atau false (juga 1/0, yes/no, on/off)';
    case 'isString': return 'wajib diisi';
    default: return given;
  }
}

/**
 * A value of the wrong kind fails every rule of its setting ("http" is neither at least 0 nor at
 * most 65535), and a missing one every rule after "required": only the first is said then.
 */
function failedRules(constraints: string[], missing: boolean): string[] {
  if (missing && constraints.includes('isString')) return ['isString'];
  if (constraints.includes('isInt')) return ['isInt'];
  return constraints;
}

function describe(error: ValidationError, raw: Record<string, string>): string {
  const given = raw[error.property];
  const value = given === undefined ? 'tidak diisi' : shownValue(error.property, given);
  const constraints = error.constraints ?? {};
  const expectations = failedRules(Object.keys(constraints), given === undefined)
    .map((constraint) => expectation(error.property, constraint, constraints[constraint].replace(`${error.property} `, '')));
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
  return ['ADMIN_PASSWORD: di production tidak boleh sama dengan kata sandi demo (DEMO_PASSWORD, tercantum di README); pilih yang lain'];
}
