import 'reflect-metadata';
import { bootProcess } from '@kinerja/platform';
import { createApiApp } from './create-api-app';

/** The API alone, for deployments that scale HTTP and the worker separately. */
void bootProcess('kinerja-api', async ({ config, logger, runtime }) => {
  const app = await createApiApp({ config, logger, runtime });
  await app.listen(config.PORT);
  logger.info({ port: config.PORT }, 'API listening');
  return () => app.close();
});
