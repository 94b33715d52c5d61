import type { Logger } from 'pino';
import { AppConfig } from './config/app-config';
import { ConfigError, loadConfig } from './config/load-config';
import { migrateDatabase } from './database/migrate';
import { createRootLogger } from './logging/logger';
import { prepareRuntime, Runtime } from './runtime';

export interface ProcessContext {
  config: AppConfig;
  logger: Logger;
  runtime: Runtime;
}

/**
 * The start of every Kinerja process: validated configuration (a wrong value stops here, naming
 * the variable), the logger, the database and Redis, migrations, then `start`; SIGINT/SIGTERM
 * run the returned stop function (which closes the Nest apps and so runs their shutdown hooks;
 * Nest's own enableShutdownHooks would re-raise the signal and end the process with 143) and
 * let go of what the runtime started.
 */
export async function bootProcess(
  name: string,
  start: (context: ProcessContext) => Promise<() => Promise<void>>,
): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createRootLogger({ level: config.LOG_LEVEL, format: config.logFormat, name });
  let runtime: Runtime | undefined;
  try {
    runtime = await prepareRuntime(config, logger);
    const applied = await migrateDatabase(runtime.databaseUrl);
    if (applied.length > 0) logger.info({ applied }, 'Migrations applied');
    const stop = await start({ config, logger, runtime });
    const shutdown = async (signal: string) => {
      logger.info({ signal }, 'Stopping');
      try {
        await stop();
      } finally {
        await runtime?.stop();
        process.exit(0);
      }
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    logger.fatal({ err: error }, (error as Error).message);
    await runtime?.stop().catch(() => undefined);
    // Give the log transport a moment to flush before leaving.
    // A refusal of the environment (e.g. the event store's TransactionOrderError) is EX_CONFIG too.
    setTimeout(() => process.exit(error instanceof ConfigError ? 78 : 1), 200);
  }
}
