import type { Logger } from 'pino';
import { AppConfig } from './config/app-config';
import { ConfigError, loadConfig } from './config/load-config';
import { migrateDatabase } from './database/migrate';
import { SERVICE_UNAVAILABLE, unusableDatabase } from './database/unusable-database';
import { prepareDataFolder } from './files/data-folder';
import { createRootLogger } from './logging/logger';
import { RedisUnavailableError } from './redis/private-redis';
import { prepareRuntime, Runtime } from './runtime';

export interface ProcessContext {
  config: AppConfig;
  logger: Logger;
  runtime: Runtime;
}

/**
 * The start of every Kinerja process: validated configuration (a wrong value stops here, naming
 * the variable), the logger, DATA_DIR, the database and Redis, migrations, then `start`; SIGINT/SIGTERM
 * run the returned stop function (which closes the Nest apps and so runs their shutdown hooks;
 * Nest's own enableShutdownHooks would re-raise the signal and end the process with 143) and
 * let go of what the runtime started. A database or Redis that cannot be used at start-up ends it
 * with one Indonesian line and exit 69, as the CLI; a bad configuration with 78.
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
  // The one moment DATA_DIR is created (a new installation): never again while the process runs.
  prepareDataFolder(config.DATA_DIR, logger);
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
    // A database or Redis that cannot be used is the operator's to fix, not a bug: one Indonesian
    // line (as the CLI says it), no stack trace, EX_UNAVAILABLE.
    const unavailable = error instanceof RedisUnavailableError ? error : runtime ? unusableDatabase(error, runtime.databaseUrl) : null;
    if (unavailable) {
      process.stderr.write(`${unavailable.message}\n`);
      await runtime?.stop().catch(() => undefined);
      process.exit(SERVICE_UNAVAILABLE);
    }
    logger.fatal({ err: error }, (error as Error).message);
    await runtime?.stop().catch(() => undefined);
    // Give the log transport a moment to flush before leaving.
    // A refusal of the environment (e.g. the event store's TransactionOrderError) is EX_CONFIG too.
    setTimeout(() => process.exit(error instanceof ConfigError ? 78 : 1), 200);
  }
}
