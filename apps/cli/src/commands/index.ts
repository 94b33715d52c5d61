import { CliCommand } from '../cli-command';
import { migrateCommand } from './migrate.command';

// Each command lives in its own file beside this one and is listed here.
export const commands: CliCommand[] = [migrateCommand];
