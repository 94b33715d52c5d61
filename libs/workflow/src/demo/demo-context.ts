import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { IdentityModule } from '@kinerja/identity';
import { AppConfig, Clock, createRootLogger, ROOT_LOGGER } from '@kinerja/platform';
import { WorkflowModule } from '../workflow.module';

/**
 * What the demo context stands on, in place of the platform module (no Redis, no second pool); its
 * logger, like the context's own, speaks at warn and above.
 */
@Global()
@Module({})
class DemoPlatformModule {
  static with(dataSource: DataSource, config: AppConfig, clock: Clock) {
    const providers = [
      { provide: DataSource, useValue: dataSource },
      { provide: AppConfig, useValue: config },
      { provide: Clock, useValue: clock },
      { provide: ROOT_LOGGER, useValue: createRootLogger({ level: 'warn', format: 'json', name: 'kinerja-demo' }) },
    ];
    return { module: DemoPlatformModule, providers, exports: providers.map((p) => p.provide) };
  }
}

@Module({})
class DemoModule {
  static with(dataSource: DataSource, config: AppConfig, clock: Clock) {
    return { module: DemoModule, imports: [DemoPlatformModule.with(dataSource, config, clock), IdentityModule, WorkflowModule] };
  }
}

/**
 * The workflow and identity services on an open DataSource, with a clock of the caller's choosing:
 * the demo walks it through the year so events carry the dates a real office would have produced.
 */
export function createDemoContext(dataSource: DataSource, config: AppConfig, clock: Clock): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(DemoModule.with(dataSource, config, clock), { logger: ['error', 'warn'], abortOnError: false });
}
