// npm run bench:rebuild [-- --events 1000000 --keep | --database <name>] [--projections audit-trail,…]
// Generates a national data set (553 KPU offices, year after year through the real deciders, the
// hash chain computed in Node and bulk-inserted), then rebuilds every projection from the first
// event into shadow tables and switches over, at 100k events and again at the full size. The raw
// rate of reading the same events through the same gap-safe read path is measured in the same run.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { Checkpoint, EventStore } from '../libs/event-store/src';
import { createDataSource, runMigrations } from '../libs/platform/src/database/data-source';
import { builtInRegistry, type Projection, ProjectionRebuilder } from '../libs/projections/src';
import { seededRandom } from '../libs/projections/testing/workload-structure';
import { numberArgument } from './measure-throughput';
import { adminQuery, databaseUrlFor } from './scratch-database';
import { BackendCpu } from './backend-cpu';
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

interface RebuildRun {
  events: number;
  seconds: number;
  /** Seconds until the last batch was applied to the shadow tables (the rest: index builds, switch-over). */
  replaySeconds: number;
  /** CPU seconds of this Node process and of the database's PostgreSQL backends (null: not measurable). */
  nodeCpu: number;
  pgCpu: number | null;
}

async function rebuildAll(store: EventStore, ds: DataSource, batchSize: number, projections: Projection[], pg: BackendCpu): Promise<RebuildRun> {
  await pg.reset();
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  let replaySeconds = 0;
  const result = await new ProjectionRebuilder(ds, store).rebuild(projections, { batchSize, onProgress: () => (replaySeconds = elapsed()) });
  const seconds = elapsed();
  const used = process.cpuUsage(cpu);
  return { events: result.events, seconds, replaySeconds, nodeCpu: (used.user + used.system) / 1e6, pgCpu: await pg.seconds() };
}

function describeRun(r: RebuildRun): string {
  const perEvent = (s: number) => `${((s / r.events) * 1e6).toFixed(0)} µs/event`;
  const pg = r.pgCpu === null ? 'PostgreSQL CPU n/a' : `PostgreSQL CPU ${r.pgCpu.toFixed(1)} s (${perEvent(r.pgCpu)})`;
  return `${r.seconds.toFixed(1)} s (replay ${r.replaySeconds.toFixed(1)} s, then indexes and switch-over), ${rate(r)} events/s; Node CPU ${r.nodeCpu.toFixed(1)} s (${perEvent(r.nodeCpu)}), ${pg}`;
}

function selectedProjections(argv: string[]): Projection[] {
  const at = argv.indexOf('--projections');
  const registry = builtInRegistry();
  return at >= 0 ? argv[at + 1].split(',').map((name) => registry.get(name)) : registry.all();
}

const rate = (r: { events: number; seconds: number }) => Math.round(r.events / r.seconds);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const target = numberArgument(argv, 'events', 'BENCH_EVENTS', 1_000_000);
  const batchSize = numberArgument(argv, 'batch', 'BENCH_BATCH', 20000);
  const keep = argv.includes('--keep');
  const reuseAt = argv.indexOf('--database');
  const reuse = reuseAt >= 0 ? argv[reuseAt + 1] : null;
  const projections = selectedProjections(argv);
  const name = reuse ?? `kinerja_bench_rebuild_${randomBytes(5).toString('hex')}`;
  if (!reuse) await admin(`CREATE DATABASE ${name}`);
  const ds = createDataSource({ url: databaseUrl(name), poolSize: 8, applicationName: 'kinerja-bench-rebuild' });
  let pg: BackendCpu | null = null;
  try {
    await ds.initialize();
    pg = await BackendCpu.start(databaseUrl(name));
    await runMigrations(ds);
    const store = new EventStore(ds);
    const dataSet = new NationalDataSet(new ChainWriter(ds));
    console.log(`bench:rebuild — database ${name}; projections: ${projections.map((p) => p.name).join(', ')}`);

    let rate100k: number | null = null;
    if (!reuse) {
      let started = Date.now();
      await dataSet.generateUntil(Math.min(100_000, target), () => countEvents(ds));
      console.log(`generated ${await countEvents(ds)} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const rebuild100k = await rebuildAll(store, ds, batchSize, projections, pg);
      rate100k = rate(rebuild100k);
      console.log(`rebuild at ${rebuild100k.events} events: ${describeRun(rebuild100k)}`);
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
    const full = await rebuildAll(store, ds, batchSize, projections, pg);
    console.log(`rebuild at ${full.events} events: ${describeRun(full)} (target >= 20000${rate100k ? `; ${(rate(full) / rate100k).toFixed(2)} × the rate at 100k` : ''})`);
    if (keep) console.log(`kept database ${name}: npm run bench:rebuild -- --database ${name}`);
    console.log(JSON.stringify({
      bench: 'rebuild', events: full.events, eventsPerSec: rate(full), eventsPerSecAt100k: rate100k,
      rawReadPerSec: rate(raw), projections: projections.length, batchSize,
      nodeCpuSec: Number(full.nodeCpu.toFixed(1)), pgCpuSec: full.pgCpu === null ? null : Number(full.pgCpu.toFixed(1)),
    }));
  } finally {
    await pg?.stop();
    if (ds.isInitialized) await ds.destroy();
    if (!keep && !reuse) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
