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
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ type: 'postgres' as const, url: runtime.databaseUrl }),
          dataSourceFactory: async () =>
            createDataSource({ url: runtime.databaseUrl, poolSize: runtime.poolSize }).initialize(),
        }),
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
