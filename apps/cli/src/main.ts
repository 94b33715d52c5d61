import 'reflect-metadata';
import {
  ConfigError,
  createDataSource,
  createRootLogger,
  loadConfig,
  migrateDatabase,
  startEmbeddedPostgres,
} from '@kinerja/platform';
import { assertTransactionOrder } from '@kinerja/event-store';
import { commands } from './commands';
import { asksForHelp, describeCommands, describeProblem, describeUnknownCommand, parseCommandLine, splitCommandLine, USAGE_ERROR } from './parse-args';

async function main(): Promise<number> {
  const { name, rest } = splitCommandLine(process.argv.slice(2));
  if (asksForHelp(name)) {
    process.stderr.write(`${describeCommands(commands)}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`${describeUnknownCommand(name!, commands)}\n`);
    return USAGE_ERROR;
  }
  // Refused before the configuration or the database is touched: nothing runs on a mistyped flag.
  const line = parseCommandLine(command, rest);
  if (!line.ok) {
    process.stderr.write(`${describeProblem(command, line.problem)}\n`);
    return USAGE_ERROR;
  }
  const flags = line.flags;
  const config = loadConfig(process.env);
  const refused = command.refuse?.(flags, config) ?? null;
  if (refused !== null) {
    process.stderr.write(`${refused}\n`);
    return USAGE_ERROR;
  }
  const logger = createRootLogger({ level: 'warn', format: config.logFormat, name: 'kinerja-cli' });
  const embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres(config.DATA_DIR);
  const url = config.DATABASE_URL ?? embedded!.url;
  try {
    const applied = await migrateDatabase(url);
    if (applied.length > 0) logger.warn({ applied }, 'Migrations applied');
    const dataSource = await createDataSource({ url, poolSize: embedded ? 2 : 4, applicationName: 'kinerja-cli' }).initialize();
    try {
      await assertTransactionOrder(dataSource); // a restored database whose log order is broken: exit 78
      return await command.run(flags, {
        dataSource,
        config,
        out: (line) => process.stdout.write(`${line}\n`),
        err: (line) => process.stderr.write(`${line}\n`),
      });
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
    process.exit(error instanceof ConfigError ? 78 : 1);
  },
);
