// npm run bench:report [-- --runs 7 --offices 553 --keep]
// The annual LKj: one office (p50 of several runs of facts → model → DOCX + PDF → stored), then
// every office of the national data set (553 KPU offices, a full 2024 each, generated through the
// real deciders) from the process manager's intents through BullMQ to `LkjProduced`, with the
// worker's concurrency (QUEUES.lkj). Targets: < 2 s for one office, all 553 in < 3 min on 2 cores.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'bullmq';
import { Client } from 'pg';
import { EventStore } from '../libs/event-store/src';
import { createLkjParts, LkjEnqueuer } from '../libs/jobs/src/lkj';
import { JobQueues } from '../libs/jobs/src/queue-runtime/job-queues';
import { QUEUES } from '../libs/jobs/src/queues';
import { ControllableClock, redisOptions } from '../libs/platform/src';
import { createDataSource, runMigrations } from '../libs/platform/src/database/data-source';
import { seededRandom } from '../libs/projections/testing/workload-structure';
import { numberArgument } from './measure-throughput';
import { ChainWriter } from './rebuild/chain-writer';
import { jemberPk, nationalOffices } from './rebuild/national-offices';
import { officeYear } from './rebuild/office-year';

const YEAR = 2024;
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const SUBBAGIAN = ['PDI', 'KUL', 'HSDM', 'TPH'];

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const seconds = (startedNs: bigint) => Number(process.hrtime.bigint() - startedNs) / 1e9;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runs = numberArgument(argv, 'runs', 'BENCH_RUNS', 7);
  const officeCount = numberArgument(argv, 'offices', 'BENCH_OFFICES', 553);
  const keep = argv.includes('--keep');
  const name = `kinerja_bench_report_${randomBytes(5).toString('hex')}`;
  const prefix = `kinerja-bench-report-${randomBytes(4).toString('hex')}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'kinerja-bench-report-'));
  await admin(`CREATE DATABASE ${name}`);
  const ds = createDataSource({ url: databaseUrl(name), poolSize: 8, applicationName: 'kinerja-bench-report' });
  const queues = new JobQueues({ connection: redisOptions(redisUrl) as never, prefix });
  let worker: Worker | null = null;
  try {
    await ds.initialize();
    await runMigrations(ds);
    const store = new EventStore(ds);
    const clock = new ControllableClock(new Date('2025-01-10T03:00:00Z'));
    const parts = createLkjParts(ds, { DATA_DIR: dataDir }, clock, store);
    const offices = nationalOffices().slice(0, officeCount);

    let started = process.hrtime.bigint();
    const writer = new ChainWriter(ds);
    const pk = jemberPk(resolve(__dirname, '../..'));
    const random = seededRandom(2024);
    const now = new Date('2024-01-01T00:00:00Z');
    for (const office of offices) {
      await ds.query(`INSERT INTO satker (code, name, time_zone, created_at, updated_at) VALUES ($1, $2, 'Asia/Jakarta', $3, $3)`, [office, `Sekretariat ${office.toUpperCase().replace(/-/g, ' ')}`, now]);
      for (const s of SUBBAGIAN) {
        await ds.query(`INSERT INTO subbagian (satker_code, code, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)`, [office, s, `Sub. Bagian ${s}`, now]);
      }
      await writer.add(office, officeYear(office, YEAR, pk, random));
    }
    await writer.finish();
    console.log(`bench:report — database ${name}; generated ${writer.written} events (${offices.length} offices, ${YEAR}) in ${seconds(started).toFixed(1)} s`);

    started = process.hrtime.bigint();
    const intents = await parts.processManager.catchUpThroughNow(300_000, 5000);
    console.log(`process manager: ${intents.length} LKj versions asked for after reading the log, ${seconds(started).toFixed(1)} s`);

    // One office: the whole production path except the append, `runs` times (the first warms up).
    const one = intents[0];
    const timings: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const t0 = process.hrtime.bigint();
      await parts.producer.render(one.satker, one.year, { version: one.version, draft: false, suggestions: [] }, clock.now());
      if (i > 0) timings.push(seconds(t0) * 1000);
    }
    const oneOfficeP50Ms = Math.round(percentile(timings, 50));
    console.log(`one office (${one.satker}): p50 ${oneOfficeP50Ms} ms, max ${Math.round(Math.max(...timings))} ms over ${runs} runs (target < 2000 ms)`);

    // Every office: enqueued under deterministic ids, produced by a BullMQ worker with the worker's concurrency.
    const concurrency = QUEUES.lkj.concurrency;
    let done = 0;
    let failed = 0;
    const allDone = new Promise<void>((resolveAll) => {
      worker = new Worker('lkj', async (job) => parts.producer.produce(job.data.satker, job.data.year, job.data.version), {
        connection: redisOptions(redisUrl) as never, prefix, concurrency,
      });
      const settle = () => done + failed === intents.length && resolveAll();
      worker.on('completed', () => { done++; settle(); });
      worker.on('failed', (job, error) => { failed++; console.error(`job ${job?.id} failed: ${error.message}`); settle(); });
    });
    started = process.hrtime.bigint();
    await new LkjEnqueuer(queues, parts.outbox, clock).enqueue(intents);
    await allDone;
    const allOfficesSec = Number(seconds(started).toFixed(1));
    const produced: Array<{ n: string }> = await ds.query(`SELECT count(*) AS n FROM events WHERE type = 'LkjProduced'`);
    console.log(`all offices: ${done} produced, ${failed} failed, ${produced[0].n} LkjProduced events, ${allOfficesSec} s with concurrency ${concurrency} (target < 180 s)`);
    if (keep) console.log(`kept database ${name} and files under ${dataDir}`);
    console.log(JSON.stringify({ bench: 'report', oneOfficeP50Ms, offices: offices.length, allOfficesSec, concurrency, failed }));
  } finally {
    if (worker) await (worker as Worker).close();
    await queues.queue('lkj').obliterate({ force: true }).catch(() => undefined);
    await queues.onApplicationShutdown();
    if (ds.isInitialized) await ds.destroy();
    if (!keep) {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await rm(dataDir, { recursive: true, force: true });
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
