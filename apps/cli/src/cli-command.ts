import { DataSource } from 'typeorm';
import type { AppConfig } from '@kinerja/platform';

export interface CliContext {
  /** Opened and migrated before the command runs. */
  dataSource: DataSource;
  /** The validated environment, as the API and worker see it (e.g. the digest signing key). */
  config?: AppConfig;
  /** The migrations main.ts applied to the database just before this command (none when it was up to date). */
  migrationsApplied?: readonly string[];
  out(line: string): void;
  err(line: string): void;
}

/**
 * A flag a command takes: `boolean` is given bare (`--json`) and refuses a value (`--json=true`,
 * `--json yes`); `string` needs one (`--satker kpu-kab-jember` or `--satker=kpu-kab-jember`);
 * `{ integer }` needs a whole number written in digits within its bounds (`--batch-size 500`):
 * `abc`, `1.5`, `-5`, `0` or `1e3` are refused before anything runs.
 */
export type CliFlagKind = 'boolean' | 'string' | { integer: { min: number; max: number } };

/** One `npm run cli -- <name> [--flag value]` command. Returns the process exit code. */
export interface CliCommand {
  name: string;
  /** One line, shown by `npm run cli -- help`; like every line the operator reads, in Bahasa Indonesia. */
  description: string;
  /**
   * Every flag the command takes. Any other flag, a value given to a boolean flag, or a positional
   * word the command does not take refuses the command line (exit 64) before anything runs: a
   * mistyped `--dryrun` must never run a real deletion.
   */
  flags: Readonly<Record<string, CliFlagKind>>;
  /** Whether it takes positional words (joined with spaces under the flag `_`); none when absent. */
  positionals?: boolean;
  /** The usage line printed with a refused command line (`Pemakaian: npm run cli -- …`). */
  usage: string;
  /**
   * A refusal decided from the command line and the environment alone (exit 64 with this message),
   * checked before the configuration is validated and the database opened or migrated: a refused
   * command touches nothing, and its own reason is what the operator reads.
   */
  refuse?(args: Record<string, string | boolean>, env: Record<string, string | undefined>): string | null;
  run(args: Record<string, string | boolean>, context: CliContext): Promise<number>;
}
