import 'reflect-metadata';
import { seedDemoLkj } from '@kinerja/jobs';
import { bootProcess } from '@kinerja/platform';
import { seedDemoIfEmpty } from '@kinerja/workflow';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../api/src/create-api-app';
import { createWorkerApp } from '../../worker/src/create-worker-app';

/** `npm start`: the API and the worker in one process, on the defaults a new user has. */
void bootProcess('kinerja', async ({ config, logger, runtime }) => {
  const worker = await createWorkerApp({ config, logger, runtime });
  await worker.init();
  const api = await createApiApp({ config, logger, runtime });
  await api.init();
  if (config.SEED_DEMO_ON_EMPTY) {
    // A new user should see a living office at once, not an empty screen.
    const outcome = await seedDemoIfEmpty(api);
    if (outcome === 'seeded') logger.info('Empty database: loaded the demo office KPU Kabupaten Jember');
    if (outcome === 'seeded') await seedDemoLkj({ dataSource: api.get(DataSource), config, log: (line) => logger.info(line) });
  }
  await api.listen(config.PORT);
  logger.info({ port: config.PORT, health: `http://127.0.0.1:${config.PORT}/health` }, 'Kinerja is running');
  return async () => {
    await api.close();
    await worker.close();
  };
});
