import { EventStore } from '@kinerja/event-store';
import { builtInRegistry, ProjectionRebuilder, ProjectionRunner } from '@kinerja/projections';
import { CliCommand } from '../cli-command';
import { USAGE_ERROR } from '../parse-args';

/**
 * `projections:rebuild [name …]`: replays the log into shadow tables and swaps them in when caught
 * up; the API keeps reading the old tables until then. Without a name, every projection.
 */
export const projectionsRebuildCommand: CliCommand = {
  name: 'projections:rebuild',
  description: 'Bangun ulang proyeksi dari peristiwa pertama ke tabel baru, lalu beralih ke tabel itu [nama-proyeksi …]',
  flags: { name: 'string' },
  positionals: true,
  usage: 'Pemakaian: npm run cli -- projections:rebuild [nama-proyeksi …] [--name <nama-proyeksi>] (tanpa nama: semua proyeksi)',
  async run(args, { dataSource, out, err }) {
    const registry = builtInRegistry();
    const names = typeof args._ === 'string' ? args._.split(' ') : typeof args.name === 'string' ? [args.name] : registry.names();
    const unknown = names.filter((n) => !registry.has(n));
    if (unknown.length > 0) {
      err(`Proyeksi tidak dikenal: ${unknown.join(', ')}. Yang tersedia: ${registry.names().join(', ')}.`);
      return USAGE_ERROR;
    }
    const store = new EventStore(dataSource);
    const started = Date.now();
    let lastReport = started;
    const result = await new ProjectionRebuilder(dataSource, store).rebuild(names.map((n) => registry.get(n)), {
      onProgress: (events) => {
        if (Date.now() - lastReport < 2000) return;
        lastReport = Date.now();
        out(`  ${events} peristiwa …`);
      },
    });
    const seconds = (Date.now() - started) / 1000;
    out(`Dibangun ulang: ${result.projections.join(', ')}; ${result.events} peristiwa dalam ${seconds.toFixed(1).replace('.', ',')} detik (${Math.round(result.events / Math.max(seconds, 0.001))} peristiwa/detik).`);
    // What arrived during the switch-over follows now (or in the worker, which may hold the lock).
    await new ProjectionRunner(dataSource, store, registry).catchUp(names);
    return 0;
  },
};
