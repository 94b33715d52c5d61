import 'reflect-metadata';
import { seedDemoLkj } from '@kinerja/jobs';
import { Logger } from '@nestjs/common';
import { bootProcess, PinoNestLogger } from '@kinerja/platform';
import { seedDemoIfEmpty } from '@kinerja/workflow';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../api/src/create-api-app';
import { createWorkerApp } from '../../worker/src/create-worker-app';

/** `npm start`: the API and the worker in one process, on the defaults a new user has. */
void bootProcess('kinerja', async ({ config, logger, runtime }) => {
  const api = await createApiApp({ config, logger, runtime });
  await api.init();
  if (config.SEED_DEMO_ON_EMPTY) {
    // A new user should see a living office at once, not an empty screen. Seeded before the
    // worker starts, so that the 2024 LKj is produced once, with last year's capaian already in.
    const outcome = await seedDemoIfEmpty(api);
    if (outcome === 'seeded') {
      logger.info('Empty database: loaded the demo office KPU Kabupaten Jember');
      await seedDemoLkj({ dataSource: api.get(DataSource), config, log: (line) => logger.info(line) });
    }
  }
  const worker = await createWorkerApp({ config, logger, runtime });
  await worker.init();
  // Each Nest application installs its logger as Nest's one static Logger, the last one created
  // winning: the API's classes that log through it (the error filter, the login guards, evidence)
  // were labelled "worker" in this process. Theirs is the API's.
  Logger.overrideLogger(new PinoNestLogger(logger.child({ component: 'api' })));
  await api.listen(config.PORT);
  logger.info({ port: config.PORT, health: `http://127.0.0.1:${config.PORT}/health` }, 'Kinerja is running');
  return async () => {
    await api.close();
    await worker.close();
  };
});
