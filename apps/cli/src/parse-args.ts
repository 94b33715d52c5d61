import { echoedInput } from '@kinerja/domain';
import type { CliCommand, CliFlagKind } from './cli-command';

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

/** The refusal of a command line, ending with its usage line. */
export function describeProblem(command: Pick<CliCommand, 'name' | 'usage'>, problem: CommandLineProblem): string {
  const what = (() => {
    switch (problem.kind) {
      case 'unknown-flag':
        return `opsi ${problem.flag} tidak dikenal oleh ${command.name}`;
      case 'value-for-boolean':
        return `opsi ${problem.flag} tidak menerima nilai ("${problem.value}"); tulis ${problem.flag} saja`;
      case 'missing-value':
        return `opsi ${problem.flag} memerlukan nilai`;
      case 'not-a-whole-number':
        return `opsi ${problem.flag} memerlukan bilangan bulat ${problem.min}–${problem.max}, bukan "${echoedInput(problem.value, 40)}"`;
      case 'repeated-flag':
        return `opsi ${problem.flag} diberikan lebih dari sekali`;
      case 'unexpected-argument':
        return `argumen "${problem.argument}" tidak dikenal oleh ${command.name}`;
      default: {
        const _exhaustive: never = problem;
        return _exhaustive;
      }
    }
  })();
  return `DITOLAK: ${what}; tidak ada yang dijalankan.\n${command.usage}`;
}

/** How the help names a flag: `--json`, `--satker <nilai>`, `--batch-size <1–100000>`, read from the table parseCommandLine reads. */
export function describeFlag(name: string, kind: CliFlagKind): string {
  if (kind === 'boolean') return `--${name}`;
  if (kind === 'string') return `--${name} <nilai>`;
  return `--${name} <${kind.integer.min}–${kind.integer.max}>`;
}

function optionsOf(command: Pick<CliCommand, 'flags'>): string[] {
  return Object.entries(command.flags).map(([name, kind]) => describeFlag(name, kind));
}

/** `npm run cli -- help` (or `--help`, `-h`, nothing): every command with its one-line description and its options. */
export function describeCommands(commands: ReadonlyArray<Pick<CliCommand, 'name' | 'description' | 'flags'>>): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = [
    'Pemakaian: npm run cli -- <perintah> [--opsi nilai]',
    '           npm run cli -- <perintah> --help   (rincian satu perintah)',
    '           npm run cli -- --version',
    '',
  ];
  for (const c of commands) {
    lines.push(`  ${c.name.padEnd(width)}  ${c.description}`);
    const options = optionsOf(c);
    if (options.length > 0) lines.push(`  ${''.padEnd(width)}  opsi: ${options.join(', ')}`);
  }
  return lines.join('\n');
}

/** `npm run cli -- <perintah> --help`: its usage line, what it does, and each option it takes. */
export function describeCommand(command: Pick<CliCommand, 'name' | 'description' | 'flags' | 'usage'>): string {
  const options = optionsOf(command);
  const list = options.length > 0 ? ['Opsi:', ...options.map((o) => `  ${o}`)] : ['Tanpa opsi.'];
  return [command.usage, '', `${command.name}: ${command.description}`, '', ...list].join('\n');
}

/** Whether the first word asks for the list of commands rather than naming one. */
export function asksForHelp(name: string | undefined): boolean {
  return !name || name === 'help' || name === '--help' || name === '-h';
}

/** Whether the words after a command ask for its help (`migrate --help`) rather than running it. */
export function asksForCommandHelp(rest: readonly string[]): boolean {
  return rest.some((word) => word === '--help' || word === '-h');
}

/** A first word that names no command (exit USAGE_ERROR), followed by the list of those there are. */
export function describeUnknownCommand(name: string, commands: ReadonlyArray<Pick<CliCommand, 'name' | 'description' | 'flags'>>): string {
  return `DITOLAK: perintah "${echoedInput(name, 40)}" tidak dikenal; tidak ada yang dijalankan.\n\n${describeCommands(commands)}`;
}

/**
 * An option given before the command (`--dry-run files:sweep`), refused as such (exit USAGE_ERROR):
 * it is no unknown command, and options are read after the command only.
 */
export function describeOptionBeforeCommand(argv: readonly string[], commands: ReadonlyArray<Pick<CliCommand, 'name' | 'description' | 'flags'>>): string {
  const option = echoedInput(argv[0], 40);
  const named = commands.find((c) => argv.includes(c.name));
  const example = `npm run cli -- ${named?.name ?? '<perintah>'} ${option}`;
  return `DITOLAK: opsi ${option} diberikan sebelum perintah; tulis perintahnya dulu (${example}); tidak ada yang dijalankan.\n\n${describeCommands(commands)}`;
}
