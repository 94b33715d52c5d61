import { DataSource } from 'typeorm';

export interface CliContext {
  /** Opened and migrated before the command runs. */
  dataSource: DataSource;
  out(line: string): void;
  err(line: string): void;
}

/** One `npm run cli -- <name> [--flag value]` command. Returns the process exit code. */
export interface CliCommand {
  name: string;
  /** One line, shown by `npm run cli -- help`. */
  description: string;
  run(args: Record<string, string | boolean>, context: CliContext): Promise<number>;
}
