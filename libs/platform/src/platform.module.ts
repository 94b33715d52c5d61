import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { Clock, SystemClock } from './clock';
import { AppConfig } from './config/app-config';
import { createDataSource } from './database/data-source';
import { createRedis } from './redis/redis-connection';
import { Runtime } from './runtime';
import { connectionErrorLog } from './logging/logger';

export const RUNTIME = Symbol('RUNTIME');
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
/** The shared ioredis connection (commands only; BullMQ opens its own blocking connections). */
export const REDIS = Symbol('REDIS');

export interface PlatformOptions {
  config: AppConfig;
  runtime: Pick<Runtime, 'databaseUrl' | 'poolSize' | 'redisUrl' | 'embeddedDatabase'>;
  logger: Logger;
  clock?: Clock;
}

/**
 * The TypeORM module of one database, defined once per process and database. `npm start` builds the
 * API and the worker as two Nest applications in one process, each with its own container and its
 * own pool; defining `forRootAsync` a second time made @nestjs/typeorm's name registry warn at every
 * start that the two "override each other", which they do not (each application resolves its own
 * data source). The definition is only metadata: each application still instantiates it.
 */
const databaseModules = new Map<string, DynamicModule>();
function databaseModule(runtime: PlatformOptions['runtime']): DynamicModule {
  const key = `${runtime.poolSize}\u0000${runtime.databaseUrl}`;
  let module = databaseModules.get(key);
  if (!module) {
    module = TypeOrmModule.forRootAsync({
      useFactory: () => ({ type: 'postgres' as const, url: runtime.databaseUrl }),
      dataSourceFactory: async () =>
        createDataSource({ url: runtime.databaseUrl, poolSize: runtime.poolSize }).initialize(),
    });
    databaseModules.set(key, module);
  }
  return module;
}

/** Configuration, logger, clock, the database and Redis: what every other module stands on. */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(options: PlatformOptions): DynamicModule {
    const { config, runtime, logger } = options;
    return {
      module: PlatformModule,
      imports: [
        databaseModule(runtime),
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: RUNTIME, useValue: runtime },
        { provide: ROOT_LOGGER, useValue: logger },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        {
          provide: REDIS,
          useFactory: () => createRedis(runtime.redisUrl).on('error', connectionErrorLog(logger, 'Redis')),
        },
      ],
      exports: [AppConfig, RUNTIME, ROOT_LOGGER, Clock, REDIS, TypeOrmModule],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
