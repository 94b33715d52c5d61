import pino from 'pino';
import type { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { builtInRegistry, ProjectionRebuilder, ProjectionRunner } from '@kinerja/projections';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { CliCommand } from '../cli-command';
import { USAGE_ERROR } from '../parse-args';
import { rebuildDamageWarning } from './chain-damage-words';

const USAGE = 'Pemakaian: npm run cli -- projections:rebuild [nama-proyeksi …] (tanpa nama: semua proyeksi)';

/** The projections the words name: all of them when none is given. */
function namesOf(args: Record<string, string | boolean>): string[] {
  return typeof args._ === 'string' ? args._.split(' ') : builtInRegistry().names();
}

/** A name no projection has, refused before the database is opened or migrated; null when every name is known. */
export function unknownProjectionRefusal(args: Record<string, string | boolean>): string | null {
  const registry = builtInRegistry();
  const unknown = namesOf(args).filter((n) => !registry.has(n));
  if (unknown.length === 0) return null;
  return `DITOLAK: proyeksi ${unknown.map((n) => `"${n}"`).join(', ')} tidak dikenal; tidak ada yang dijalankan. `
    + `Yang tersedia: ${registry.names().join(', ')}.\n${USAGE}`;
}

/** Where a break found before a rebuild is recorded from (`integrity_alerts.source`). */
export const REBUILD_ALERT_SOURCE = 'cli-rebuild';

/**
 * Verifies the chain of every office the rebuild reads (every office with a chain or a `satker`
 * row: a rebuild replays the whole log) with the verifier audit:verify uses, recording a break as
 * it does (one open alert per break), and warns on stderr for each broken one. Before the rebuild,
 * so that the alert (and the `integrity` of Tabel 3.2) is there before the damaged figures are.
 */
async function warnOfBrokenChains(dataSource: DataSource, store: EventStore, err: (line: string) => void): Promise<number> {
  const logger = pino({ level: 'error', base: { name: 'kinerja-cli' } }, pino.destination(2));
  const integrity = new IntegrityService(dataSource, store, logger);
  const offices: Array<{ code: string }> = await dataSource.query(
    'SELECT tenant_id AS code FROM tenant_chain_heads UNION SELECT code FROM satker ORDER BY code',
  );
  let broken = 0;
  for (const { code } of offices) {
    const { result, alert } = await integrity.verifyAndRecord(code, REBUILD_ALERT_SOURCE, null);
    if (result.intact) continue;
    broken++;
    err(rebuildDamageWarning(code, result.brokenLink, alert!));
  }
  return broken;
}

/**
 * `projections:rebuild [name …]`: replays the log into shadow tables and swaps them in when caught
 * up; the API keeps reading the old tables until then. Without a name, every projection. It first
 * verifies the offices' chains (warnOfBrokenChains) and still rebuilds when one is broken: the
 * read models follow the store, and the damage is recorded and shown where the figures are read.
 * The exit code stays 0 then (README): the rebuild did what it was asked, and a deployment script
 * that stops on a non-zero exit would turn one office's damage into an outage of all of them;
 * `audit:verify` is the command whose exit code reports damage.
 */
export const projectionsRebuildCommand: CliCommand = {
  name: 'projections:rebuild',
  description: 'Bangun ulang proyeksi dari peristiwa pertama ke tabel baru, lalu beralih ke tabel itu [nama-proyeksi …]',
  flags: {},
  positionals: true,
  usage: USAGE,
  refuse: (args) => unknownProjectionRefusal(args),
  async run(args, { dataSource, out, err }) {
    // Again here for a caller that runs it without main.ts (which refuses before opening the database).
    const refused = unknownProjectionRefusal(args);
    if (refused !== null) {
      err(refused);
      return USAGE_ERROR;
    }
    const registry = builtInRegistry();
    const names = namesOf(args);
    const store = new EventStore(dataSource);
    const broken = await warnOfBrokenChains(dataSource, store, err);
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
    if (broken > 0) err(`PERINGATAN: rantai integritas ${broken} satker rusak (rinciannya di atas); proyeksi tetap dibangun ulang, dan angka satker tersebut tidak dapat dipercaya sampai rantainya dipulihkan.`);
    return 0;
  },
};
