// npm run bench:rebuild [-- --events 1000000 --keep | --database <name>]
// Generates a national data set (553 KPU offices, year after year through the real deciders, the
// hash chain computed in Node and bulk-inserted), then rebuilds every projection from the first
// event into shadow tables and switches over, at 100k events and again at the full size. The raw
// rate of reading the same events through the same gap-safe read path is measured in the same run.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { Checkpoint, EventStore } from '../libs/event-store/src';
import { createDataSource, runMigrations } from '../libs/platform/src/database/data-source';
import { builtInRegistry, ProjectionRebuilder } from '../libs/projections/src';
import { seededRandom } from '../libs/projections/testing/workload-structure';
import { numberArgument } from './measure-throughput';
import { adminQuery, databaseUrlFor } from './scratch-database';
import { ChainWriter } from './rebuild/chain-writer';
import { jemberPk, nationalOffices } from './rebuild/national-offices';
import { officeYear } from './rebuild/office-year';

const FIRST_YEAR = 2019;
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const admin = (sql: string) => adminQuery(serverUrl, sql);
const databaseUrl = (name: string) => databaseUrlFor(serverUrl, name);

/** Generates office-years in order, pausing when `target` events are written. Resumable. */
class NationalDataSet {
  private readonly offices = nationalOffices();
  private readonly pk = jemberPk(resolve(__dirname, '../..'));
  private readonly random = seededRandom(553);
  private year = FIRST_YEAR;
  private office = 0;

  constructor(private readonly writer: ChainWriter) {}

  async generateUntil(target: number, total: () => Promise<number>): Promise<void> {
    let written = await total();
    while (written < target) {
      const events = officeYear(this.offices[this.office], this.year, this.pk, this.random);
      await this.writer.add(this.offices[this.office], events);
      written += events.length;
      if (++this.office === this.offices.length) {
        this.office = 0;
        this.year++;
      }
    }
    await this.writer.finish();
  }

  get yearsCovered(): string {
    return this.office === 0 ? `${FIRST_YEAR}–${this.year - 1}` : `${FIRST_YEAR}–${this.year} (${this.year}: ${this.office} of 553 offices)`;
  }
}

async function countEvents(ds: DataSource): Promise<number> {
  const rows: Array<{ n: string }> = await ds.query('SELECT count(*) AS n FROM events');
  return Number(rows[0].n);
}

/** Reads the whole log through `readAll` (the rebuild's own read path), applying nothing. */
async function rawRead(store: EventStore, ds: DataSource, batchSize: number): Promise<{ events: number; seconds: number }> {
  const started = process.hrtime.bigint();
  let after: Checkpoint | null = null;
  let events = 0;
  for (;;) {
    const read = await ds.transaction((m) => store.readAll({ after, limit: batchSize }, m));
    events += read.events.length;
    after = read.checkpoint;
    if (read.events.length < batchSize) break;
  }
  return { events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function rebuildAll(store: EventStore, ds: DataSource, batchSize: number): Promise<{ events: number; seconds: number }> {
  const started = process.hrtime.bigint();
  const result = await new ProjectionRebuilder(ds, store).rebuild(builtInRegistry().all(), { batchSize });
  return { events: result.events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

const rate = (r: { events: number; seconds: number }) => Math.round(r.events / r.seconds);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const target = numberArgument(argv, 'events', 'BENCH_EVENTS', 1_000_000);
  const batchSize = numberArgument(argv, 'batch', 'BENCH_BATCH', 20000);
  const keep = argv.includes('--keep');
  const reuseAt = argv.indexOf('--database');
  const reuse = reuseAt >= 0 ? argv[reuseAt + 1] : null;
  const name = reuse ?? `kinerja_bench_rebuild_${randomBytes(5).toString('hex')}`;
  if (!reuse) await admin(`CREATE DATABASE ${name}`);
  const ds = createDataSource({ url: databaseUrl(name), poolSize: 8, applicationName: 'kinerja-bench-rebuild' });
  try {
    await ds.initialize();
    await runMigrations(ds);
    const store = new EventStore(ds);
    const dataSet = new NationalDataSet(new ChainWriter(ds));
    const projections = builtInRegistry().names().join(', ');
    console.log(`bench:rebuild — database ${name}; projections: ${projections}`);

    let rate100k: number | null = null;
    if (!reuse) {
      let started = Date.now();
      await dataSet.generateUntil(Math.min(100_000, target), () => countEvents(ds));
      console.log(`generated ${await countEvents(ds)} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const rebuild100k = await rebuildAll(store, ds, batchSize);
      rate100k = rate(rebuild100k);
      console.log(`rebuild at ${rebuild100k.events} events: ${rebuild100k.seconds.toFixed(1)} s, ${rate100k} events/s`);
      started = Date.now();
      await dataSet.generateUntil(target, () => countEvents(ds));
      console.log(`generated up to ${await countEvents(ds)} events (553 offices, years ${dataSet.yearsCovered}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else {
      console.log(`reusing ${await countEvents(ds)} events already in ${name} (no 100k measurement)`);
    }
    for (const office of ['kpu-ri', 'kpu-kab-514']) {
      const verdict = await store.verify(office);
      console.log(`chain of ${office}: ${verdict.intact ? `intact, head ${verdict.head.sequence}` : `BROKEN ${JSON.stringify(verdict.brokenLink)}`}`);
    }
    const raw = await rawRead(store, ds, batchSize);
    console.log(`raw read (readAll, no projection) of ${raw.events} events: ${raw.seconds.toFixed(1)} s, ${rate(raw)} events/s`);
    const full = await rebuildAll(store, ds, batchSize);
    console.log(`rebuild at ${full.events} events: ${full.seconds.toFixed(1)} s, ${rate(full)} events/s (target >= 20000${rate100k ? `; ${(rate(full) / rate100k).toFixed(2)} × the rate at 100k` : ''})`);
    if (keep) console.log(`kept database ${name}: npm run bench:rebuild -- --database ${name}`);
    console.log(JSON.stringify({
      bench: 'rebuild', events: full.events, eventsPerSec: rate(full), eventsPerSecAt100k: rate100k,
      rawReadPerSec: rate(raw), projections: builtInRegistry().names().length, batchSize,
    }));
  } finally {
    if (ds.isInitialized) await ds.destroy();
    if (!keep && !reuse) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
