import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PinoNestLogger, PlatformOptions } from '@kinerja/platform';
import { WorkerModule } from './worker.module';

export async function createWorkerApp(options: PlatformOptions): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(options), {
    logger: new PinoNestLogger(options.logger.child({ component: 'worker' })),
  });
  return app;
}
