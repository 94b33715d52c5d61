import { echoedInput } from '@kinerja/domain';
import type { CliCommand } from './cli-command';

/** Exit code of a refused command line, and of a command refused for its usage or input (sysexits EX_USAGE). */
export const USAGE_ERROR = 64;

/** What is wrong with a command line, against the flags its command declares. */
export type CommandLineProblem =
  | { kind: 'unknown-flag'; flag: string }
  | { kind: 'value-for-boolean'; flag: string; value: string }
  | { kind: 'missing-value'; flag: string }
  | { kind: 'repeated-flag'; flag: string }
  | { kind: 'not-a-whole-number'; flag: string; value: string; min: number; max: number }
  | { kind: 'unexpected-argument'; argument: string };

export type ParsedCommandLine =
  | { ok: true; flags: Record<string, string | boolean> }
  | { ok: false; problem: CommandLineProblem };

/** `audit:verify --satker kpu-kab-jember` → the command's name and the words after it. */
export function splitCommandLine(argv: string[]): { name?: string; rest: string[] } {
  const [name, ...rest] = argv;
  return { name, rest };
}

/**
 * The words after the command's name, read against the flags it declares: `--flag` for a boolean,
 * `--flag value` or `--flag=value` for a string; positional words (`projections:rebuild
 * current-performance`) joined with spaces under `_` when the command takes them. Anything else —
 * an undeclared flag (`--dryrun`, `--DRY-RUN`, `-n`), a value for a boolean (`--dry-run=true`,
 * `--dry-run yes`), a string flag without its value, a flag given twice, a positional word the
 * command does not take — is a problem, never guessed at.
 */
export function parseCommandLine(command: Pick<CliCommand, 'flags' | 'positionals'>, rest: string[]): ParsedCommandLine {
  const flags: Record<string, string | boolean> = {};
  const refuse = (problem: CommandLineProblem): ParsedCommandLine => ({ ok: false, problem });
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('-') || arg === '-') {
      if (!command.positionals) return refuse({ kind: 'unexpected-argument', argument: arg });
      flags._ = typeof flags._ === 'string' ? `${flags._} ${arg}` : arg;
      continue;
    }
    const equals = arg.indexOf('=');
    const flag = equals === -1 ? arg : arg.slice(0, equals);
    const key = flag.startsWith('--') ? flag.slice(2) : '';
    const kind = Object.prototype.hasOwnProperty.call(command.flags, key) ? command.flags[key] : undefined;
    if (kind === undefined) return refuse({ kind: 'unknown-flag', flag });
    if (key in flags) return refuse({ kind: 'repeated-flag', flag });
    if (kind === 'boolean') {
      if (equals !== -1) return refuse({ kind: 'value-for-boolean', flag, value: arg.slice(equals + 1) });
      flags[key] = true;
      continue;
    }
    const value = equals !== -1 ? arg.slice(equals + 1) : rest[i + 1];
    if (value === undefined || value === '' || (equals === -1 && value.startsWith('--'))) return refuse({ kind: 'missing-value', flag });
    if (equals === -1) i++;
    if (typeof kind === 'object') {
      const { min, max } = kind.integer;
      if (!/^\d{1,15}$/.test(value) || Number(value) < min || Number(value) > max) {
        return refuse({ kind: 'not-a-whole-number', flag, value, min, max });
      }
    }
    flags[key] = value;
  }
  return { ok: true, flags };
}

/** The refusal of a command line, in the command's language, ending with its usage line. */
export function describeProblem(command: Pick<CliCommand, 'name' | 'usage' | 'language'>, problem: CommandLineProblem): string {
  const id = command.language === 'id';
  const what = (() => {
    switch (problem.kind) {
      case 'unknown-flag':
        return id ? `opsi ${problem.flag} tidak dikenal oleh ${command.name}` : `${command.name} has no option ${problem.flag}`;
      case 'value-for-boolean':
        return id
          ? `opsi ${problem.flag} tidak menerima nilai ("${problem.value}"); tulis ${problem.flag} saja`
          : `option ${problem.flag} takes no value ("${problem.value}"); give ${problem.flag} alone`;
      case 'missing-value':
        return id ? `opsi ${problem.flag} memerlukan nilai` : `option ${problem.flag} needs a value`;
      case 'not-a-whole-number':
        return id
          ? `opsi ${problem.flag} memerlukan bilangan bulat ${problem.min}–${problem.max}, bukan "${echoedInput(problem.value, 40)}"`
          : `option ${problem.flag} needs a whole number from ${problem.min} to ${problem.max}, not "${echoedInput(problem.value, 40)}"`;
      case 'repeated-flag':
        return id ? `opsi ${problem.flag} diberikan lebih dari sekali` : `option ${problem.flag} is given more than once`;
      case 'unexpected-argument':
        return id ? `argumen "${problem.argument}" tidak dikenal oleh ${command.name}` : `${command.name} takes no argument "${problem.argument}"`;
      default: {
        const _exhaustive: never = problem;
        return _exhaustive;
      }
    }
  })();
  return id ? `DITOLAK: ${what}; tidak ada yang dijalankan.\n${command.usage}` : `Refused: ${what}; nothing was run.\n${command.usage}`;
}
