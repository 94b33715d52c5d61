// npm run bench:append [-- --writers 16 --duration 10 --tenants 100]
// Appends single-event commands (chain, concurrency check and idempotency key on) from N writers
// to many streams across many offices for a fixed time, then measures the ceiling on the same pool:
// plain single-row INSERT transactions of the same payload, unprepared and prepared, in alternating
// one-second slices. Runs in a scratch database it creates
// inside DATABASE_URL's server and drops at the end.
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { EventStore } from '../libs/event-store/src';
import { BackendCpu } from './backend-cpu';
import { createDataSource, runMigrations } from '../libs/platform/src/database/data-source';
import { measureInterleaved, numberArgument, ThroughputResult } from './measure-throughput';
import { createScratchDatabase } from './scratch-database';

export interface AppendBenchOptions {
  databaseUrl: string;
  writers: number;
  durationMs: number;
  tenants: number;
  /** Also measure CPU per operation (this process and the database backends). */
  measureCpu?: boolean;
}

export interface AppendBenchResult {
  append: ThroughputResult;
  plainInsert: ThroughputResult;
  /** The same insert as a named prepared statement: the store prepares its own statements. */
  plainPreparedInsert: ThroughputResult;
  ratio: number;
}

const payload = {
  data: { indikatorId: 'IK-2.1', bulan: '2024-03', realisasi: '12.50', anggaran: '1250000.00', narasi: 'Layanan informasi pemilu diberikan tepat waktu.' },
  metadata: { actorId: 'bench-kasubbag', actorRole: 'KASUBBAG', correlationId: 'bench', causationId: null, clientAddress: '127.0.0.1', userAgent: 'bench' },
};

export async function runAppendBench(options: AppendBenchOptions): Promise<AppendBenchResult> {
  const scratch = await createScratchDatabase(options.databaseUrl);
  const dataSource = createDataSource({ url: scratch.url, poolSize: options.writers, applicationName: 'kinerja-bench' });
  let cpu: BackendCpu | null = null;
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.query(`CREATE TABLE bench_plain_inserts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant_id text NOT NULL, stream_id text NOT NULL,
      event_id uuid NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    const append = appendOperation(new EventStore(dataSource), options.tenants);
    const plain = plainInsertOperation(dataSource, options.tenants, false);
    const plainPrepared = plainInsertOperation(dataSource, options.tenants, true);
    await measureInterleaved(options.writers, 1000, [append, plain, plainPrepared], 500); // warm-up
    cpu = options.measureCpu ? await BackendCpu.start(scratch.url) : null;
    const [appendResult, plainResult, preparedResult] = await measureInterleaved(options.writers, options.durationMs, [append, plain, plainPrepared], 1000, cpu?.meter());
    return { append: appendResult, plainInsert: plainResult, plainPreparedInsert: preparedResult, ratio: appendResult.perSecond / plainResult.perSecond };
  } finally {
    await cpu?.stop();
    if (dataSource.isInitialized) await dataSource.destroy();
    await scratch.drop();
  }
}

/** Each writer owns its streams (so no command conflicts) spread over `tenants` offices. */
function appendOperation(store: EventStore, tenants: number) {
  const versions = new Map<string, number>();
  return async (writer: number, iteration: number) => {
    const slot = iteration % 64;
    const tenantId = `bench-${(writer * 64 + slot) % tenants}`;
    const streamId = `realisasi:${tenantId}:w${writer}:s${slot}`;
    const expected = versions.get(streamId) ?? 'no-stream';
    const result = await store.append(streamId, expected, [{ type: 'RealisasiSubmitted', data: payload.data }], {
      tenantId,
      ...payload.metadata,
      idempotencyKey: randomUUID(),
    });
    versions.set(streamId, result.nextExpectedVersion);
  };
}

/**
 * The ceiling: one INSERT of the same payload per transaction, through the same data source and
 * pool — as application code writes it (`dataSource.query`), or as a named prepared statement on
 * the pool, which is how the store sends its own append.
 */
function plainInsertOperation(dataSource: DataSource, tenants: number, prepared: boolean) {
  const data = JSON.stringify(payload.data);
  const metadata = JSON.stringify(payload.metadata);
  const text = 'INSERT INTO bench_plain_inserts (tenant_id, stream_id, event_id, type, data, metadata) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)';
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return async (writer: number, iteration: number) => {
    const slot = iteration % 64;
    const tenantId = `bench-${(writer * 64 + slot) % tenants}`;
    const values = [tenantId, `realisasi:${tenantId}:w${writer}:s${slot}`, randomUUID(), 'RealisasiSubmitted', data, metadata];
    if (prepared) await pool.query({ name: 'bench_plain_insert', text, values });
    else await dataSource.query(text, values);
  };
}

function line(label: string, r: ThroughputResult): string {
  const errors = r.errors > 0 ? `, ${r.errors} errors (first: ${r.firstError})` : '';
  const cpu = r.nodeCpuMsPerOp === undefined ? '' : `  CPU/op node ${r.nodeCpuMsPerOp.toFixed(3)} ms${r.pgCpuMsPerOp === undefined ? '' : `, pg ${r.pgCpuMsPerOp.toFixed(3)} ms`}`;
  return `${label.padEnd(14)} ${r.perSecond.toFixed(0).padStart(7)} events/s  p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  (${r.operations} in ${r.seconds.toFixed(1)} s${errors})${cpu}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options: AppendBenchOptions = {
    databaseUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    writers: numberArgument(argv, 'writers', 'BENCH_WRITERS', 16),
    durationMs: numberArgument(argv, 'duration', 'BENCH_DURATION_S', 10) * 1000,
    tenants: numberArgument(argv, 'tenants', 'BENCH_TENANTS', 100),
    measureCpu: true,
  };
  console.log(`bench:append — ${options.writers} writers, ${options.durationMs / 1000} s per phase, ${options.tenants} offices`);
  const result = await runAppendBench(options);
  console.log(line('event store', result.append));
  console.log(line('plain insert', result.plainInsert));
  console.log(line('plain prepared', result.plainPreparedInsert));
  const ratioToPrepared = result.append.perSecond / result.plainPreparedInsert.perSecond;
  console.log(`ratio ${result.ratio.toFixed(2)} (target >= 0.60); against the prepared insert ${ratioToPrepared.toFixed(2)}`);
  const round = (n: number) => Math.round(n * 100) / 100;
  console.log(JSON.stringify({
    bench: 'append',
    writers: options.writers,
    eventsPerSec: Math.round(result.append.perSecond),
    p50Ms: round(result.append.p50Ms),
    p99Ms: round(result.append.p99Ms),
    plainInsertsPerSec: Math.round(result.plainInsert.perSecond),
    plainPreparedInsertsPerSec: Math.round(result.plainPreparedInsert.perSecond),
    ratio: round(result.ratio),
    ratioToPrepared: round(ratioToPrepared),
  }));
  if ([result.append, result.plainInsert, result.plainPreparedInsert].some((r) => r.errors > 0)) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
