import { CliCommand } from '../cli-command';
import { auditVerifyCommand } from './audit-verify.command';
import { filesSweepCommand } from './files-sweep.command';
import { migrateCommand } from './migrate.command';
import { projectionsRebuildCommand } from './projections-rebuild.command';
import { projectionsRunCommand } from './projections-run.command';
import { queuesResetCommand } from './queues-reset.command';
import { seedDemoCommand } from './seed-demo.command';

// Each command lives in its own file beside this one and is listed here.
export const commands: CliCommand[] = [migrateCommand, seedDemoCommand, projectionsRebuildCommand, projectionsRunCommand, auditVerifyCommand, filesSweepCommand, queuesResetCommand];
