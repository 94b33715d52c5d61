import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { correlationMiddleware, PinoNestLogger, PlatformOptions } from '@kinerja/platform';
import { AppModule } from './app.module';
import { accessLog } from './http/access-log';
import { configureHttp } from './http/configure-http';
import { answerUnmatchedPath } from './http/unmatched-path';

/**
 * Builds the API, initialised but not yet listening: the same for `npm start`, the API-only entry
 * point and tests. Initialised here so that the answer to an unmatched path comes after every route.
 */
export async function createApiApp(options: PlatformOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: new PinoNestLogger(options.logger.child({ component: 'api' })),
    bufferLogs: false,
    // configureHttp installs the body parsers, with a limit on nesting.
    bodyParser: false,
  });
  // Whose X-Forwarded-For gives the client's address (the login rate limit counts by it): TRUST_PROXY.
  app.set('trust proxy', options.config.trustProxy);
  app.use(correlationMiddleware);
  if (options.config.ACCESS_LOG) app.use(accessLog(options.logger.child({ component: 'api' })));
  configureHttp(app);
  await app.init();
  app.use(answerUnmatchedPath);
  return app;
}
