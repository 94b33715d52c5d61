import 'reflect-metadata';
import {
  createDataSource,
  createRootLogger,
  loadConfig,
  migrateDatabase,
  startEmbeddedPostgres,
  unusableDatabase,
} from '@kinerja/platform';
import { assertTransactionOrder } from '@kinerja/event-store';
import { commands } from './commands';
import { describeFailure } from './failure';
import { packageVersion } from './package-version';
import {
  asksForCommandHelp,
  asksForHelp,
  describeCommand,
  describeCommands,
  describeOptionBeforeCommand,
  describeProblem,
  describeUnknownCommand,
  parseCommandLine,
  splitCommandLine,
  USAGE_ERROR,
} from './parse-args';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const { name, rest } = splitCommandLine(argv);
  // Help and the version go to stdout (`… help | less`); every refusal goes to stderr.
  if (asksForHelp(name)) {
    // `help migrate` is `migrate --help`; `help` alone, or with a word that names no command, the list.
    const asked = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    process.stdout.write(`${asked ? describeCommand(asked) : describeCommands(commands)}\n`);
    return 0;
  }
  if (name === '--version') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (name!.startsWith('-')) {
    process.stderr.write(`${describeOptionBeforeCommand(argv, commands)}\n`);
    return USAGE_ERROR;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`${describeUnknownCommand(name!, commands)}\n`);
    return USAGE_ERROR;
  }
  if (asksForCommandHelp(rest)) {
    process.stdout.write(`${describeCommand(command)}\n`);
    return 0;
  }
  // Refused before the configuration or the database is touched: nothing runs on a mistyped flag.
  const line = parseCommandLine(command, rest);
  if (!line.ok) {
    process.stderr.write(`${describeProblem(command, line.problem)}\n`);
    return USAGE_ERROR;
  }
  const flags = line.flags;
  // Before the whole configuration is validated: the command's own reason, not a missing JWT_SECRET.
  const refused = command.refuse?.(flags, process.env) ?? null;
  if (refused !== null) {
    process.stderr.write(`${refused}\n`);
    return USAGE_ERROR;
  }
  const config = loadConfig(process.env);
  // Applied migrations are a normal run's news (info), as in the API's and worker's start-up.
  const logger = createRootLogger({ level: 'info', format: config.logFormat, name: 'kinerja-cli' });
  const embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres(config.DATA_DIR);
  const url = config.DATABASE_URL ?? embedded!.url;
  try {
    const applied = await migrateDatabase(url).catch((error: unknown) => {
      throw unusableDatabase(error, url) ?? error;
    });
    if (applied.length > 0) logger.info({ applied }, 'Migrations applied');
    const dataSource = await createDataSource({ url, poolSize: embedded ? 2 : 4, applicationName: 'kinerja-cli' }).initialize();
    try {
      await assertTransactionOrder(dataSource); // a restored database whose log order is broken: exit 78
      return await command.run(flags, {
        dataSource,
        config,
        migrationsApplied: applied,
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
    const failure = describeFailure(error);
    process.stderr.write(`${failure.text}\n`);
    process.exit(failure.exitCode);
  },
);
