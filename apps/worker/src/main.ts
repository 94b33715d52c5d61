import 'reflect-metadata';
import { bootProcess } from '@kinerja/platform';
import { createWorkerApp } from './create-worker-app';

/** The worker alone: run as many replicas as the queues need. */
void bootProcess('kinerja-worker', async ({ config, logger, runtime }) => {
  const app = await createWorkerApp({ config, logger, runtime });
  await app.init();
  logger.info('Worker started');
  return () => app.close();
});
