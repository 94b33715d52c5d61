// npm run bench:report [-- --runs 7 --offices 553 --workers 2 --keep]
// The annual LKj: one office (p50 of several runs of facts → model → DOCX + PDF → stored), then
// every office of the national data set (553 KPU offices, a full 2024 each, generated through the
// real deciders) from the process manager's intents through BullMQ to `LkjProduced`, with the
// worker's concurrency (QUEUES.lkj) — first in one worker process, then in `--workers` worker
// processes (replicas, default one per core: rendering is CPU-bound, one process uses one core).
// Targets: < 2 s for one office, all 553 in < 3 min on 2 cores.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'bullmq';
import type { DataSource } from 'typeorm';
import { EventStore } from '../libs/event-store/src';
import { createLkjParts, LkjEnqueuer, type LkjIntent } from '../libs/jobs/src/lkj';
import { JobQueues } from '../libs/jobs/src/queue-runtime/job-queues';
import { QUEUES } from '../libs/jobs/src/queues';
import { ControllableClock, redisOptions } from '../libs/platform/src';
import { createDataSource, runMigrations } from '../libs/platform/src/database/data-source';
import { seededRandom } from '../libs/projections/testing/workload-structure';
import { numberArgument } from './measure-throughput';
import { adminQuery, databaseUrlFor } from './scratch-database';
import { ChainWriter } from './rebuild/chain-writer';
import { insertOffice, jemberPk, nationalOffices } from './rebuild/national-offices';
import { officeYear } from './rebuild/office-year';

const YEAR = 2024;
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const admin = (sql: string) => adminQuery(serverUrl, sql);
const databaseUrl = (name: string) => databaseUrlFor(serverUrl, name);

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
  const sampleSize = numberArgument(argv, 'sample', 'BENCH_SAMPLE', 40);
  const workerCount = numberArgument(argv, 'workers', 'BENCH_WORKERS', Math.max(1, cpus().length));
  const name = `kinerja_bench_report_${randomBytes(5).toString('hex')}`;
  const prefix = `kinerja-bench-report-${randomBytes(4).toString('hex')}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'kinerja-bench-report-'));
  await admin(`CREATE DATABASE ${name}`);
  const ds = createDataSource({ url: databaseUrl(name), poolSize: 8, applicationName: 'kinerja-bench-report' });
  const queues = new JobQueues({ connection: redisOptions(redisUrl) as never, prefix });
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
      await insertOffice(ds, office, now);
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

    // One worker process, for comparison: a sample of offices rendered with the worker's concurrency (nothing appended).
    const concurrency = QUEUES.lkj.concurrency;
    const sample = intents.slice(0, Math.min(sampleSize, intents.length));
    started = process.hrtime.bigint();
    await renderInProcess(parts, clock, sample, concurrency);
    const oneProcessSec = seconds(started);
    const oneProcessAllOfficesSec = Number((oneProcessSec / sample.length * offices.length).toFixed(1));
    console.log(`one worker process: ${sample.length} offices rendered in ${oneProcessSec.toFixed(1)} s with concurrency ${concurrency}, ${(oneProcessSec / sample.length * 1000).toFixed(0)} ms per office (all ${offices.length} at this rate: ${oneProcessAllOfficesSec} s — one process uses one core)`);

    // Every office for real: enqueued, produced and recorded by `workers` worker processes (replicas).
    started = process.hrtime.bigint();
    const children = Array.from({ length: workerCount }, () => fork(__filename, ['--child', name, prefix, dataDir], { stdio: 'inherit' }));
    await new LkjEnqueuer(queues, parts.outbox, clock).enqueue(intents);
    await waitForProduced(ds, intents.length);
    const replicasSec = seconds(started);
    stopChildren(children);
    const allOfficesSec = Number(replicasSec.toFixed(1));
    const produced: Array<{ n: string }> = await ds.query(`SELECT count(*) AS n FROM events WHERE type = 'LkjProduced'`);
    console.log(`${workerCount} worker processes × concurrency ${concurrency}: all ${offices.length} offices produced in ${allOfficesSec} s (target < 180 s); ${produced[0].n} LkjProduced events`);
    const failed = intents.length - Number(produced[0].n);
    if (keep) console.log(`kept database ${name} and files under ${dataDir}`);
    console.log(JSON.stringify({ bench: 'report', oneOfficeP50Ms, offices: offices.length, allOfficesSec, workers: workerCount, concurrency, oneProcessAllOfficesSec, failed }));
  } finally {
    await queues.queue('lkj').obliterate({ force: true }).catch(() => undefined);
    await queues.onApplicationShutdown();
    if (ds.isInitialized) await ds.destroy();
    if (!keep) {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await rm(dataDir, { recursive: true, force: true });
    }
  }
}

type Parts = ReturnType<typeof createLkjParts>;

async function renderInProcess(parts: Parts, clock: ControllableClock, intents: LkjIntent[], concurrency: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < intents.length) {
      const i = intents[next++];
      await parts.producer.render(i.satker, i.year, { version: i.version, draft: false, suggestions: [] }, clock.now());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

async function waitForProduced(ds: DataSource, expected: number): Promise<void> {
  for (;;) {
    const rows: Array<{ n: string }> = await ds.query(`SELECT count(*) AS n FROM events WHERE type = 'LkjProduced'`);
    if (Number(rows[0].n) >= expected) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stopChildren(children: ChildProcess[]): void {
  for (const child of children) child.kill('SIGTERM');
}

/** A worker replica: its own pool and BullMQ worker on the bench's database, Redis prefix and DATA_DIR. */
async function child(name: string, prefix: string, dataDir: string): Promise<void> {
  const ds = createDataSource({ url: databaseUrl(name), poolSize: 4, applicationName: 'kinerja-bench-report-worker' });
  await ds.initialize();
  const parts = createLkjParts(ds, { DATA_DIR: dataDir }, new ControllableClock(new Date('2025-01-10T03:00:00Z')));
  const worker = new Worker('lkj', async (job) => parts.producer.produce(job.data.satker, job.data.year, job.data.version), {
    connection: redisOptions(redisUrl) as never, prefix, concurrency: QUEUES.lkj.concurrency,
  });
  worker.on('failed', (job, error) => console.error(`job ${job?.id} failed: ${error.message}`));
  process.on('SIGTERM', () => {
    void worker.close().then(() => ds.destroy()).finally(() => process.exit(0));
  });
}

const childAt = process.argv.indexOf('--child');
const run = childAt >= 0 ? child(process.argv[childAt + 1], process.argv[childAt + 2], process.argv[childAt + 3]) : main();
run.catch((error) => {
  console.error(error);
  process.exit(1);
});
