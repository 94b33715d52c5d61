import { DataSource } from 'typeorm';
import type { AppConfig } from '@kinerja/platform';

export interface CliContext {
  /** Opened and migrated before the command runs. */
  dataSource: DataSource;
  /** The validated environment, as the API and worker see it (e.g. the digest signing key). */
  config?: AppConfig;
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
