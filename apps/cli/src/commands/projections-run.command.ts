import { EventStore } from '@kinerja/event-store';
import { builtInRegistry, ProjectionRunner } from '@kinerja/projections';
import { CliCommand } from '../cli-command';

/** `projections:run`: follows the log in the foreground until SIGTERM/SIGINT (the worker does the same). */
export const projectionsRunCommand: CliCommand = {
  name: 'projections:run',
  description: 'Jalankan semua proyeksi di latar depan, mengikuti log peristiwa sampai dihentikan',
  // A batch is read in one query and applied in one transaction: more than 100 000 events at once
  // only holds a transaction longer, never runs faster.
  flags: { 'batch-size': { integer: { min: 1, max: 100_000 } } },
  usage: 'Pemakaian: npm run cli -- projections:run [--batch-size <peristiwa, 1–100000>]',
  async run(args, { dataSource, out, err }) {
    const batchSize = typeof args['batch-size'] === 'string' ? Number(args['batch-size']) : undefined;
    const runner = new ProjectionRunner(dataSource, new EventStore(dataSource), builtInRegistry(), {
      batchSize, idleDelayMs: 50,
      onError: (name, error) => err(`Proyeksi ${name} gagal: ${(error as Error).message}`),
    });
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGTERM', resolve);
      process.once('SIGINT', resolve);
    });
    runner.start();
    out('Semua proyeksi berjalan; hentikan dengan Ctrl+C (SIGINT) atau SIGTERM.');
    await stopped;
    await runner.stop();
    return 0;
  },
};
