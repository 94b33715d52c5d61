import { performance } from 'node:perf_hooks';

export interface ThroughputOptions {
  /** Concurrent workers, each running `operation` in a loop. */
  workers: number;
  durationMs: number;
  /** One unit of work (one command, one insert); `iteration` counts per worker from 0. */
  operation: (worker: number, iteration: number) => Promise<unknown>;
}

export interface ThroughputResult {
  operations: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU of this process per successful operation (ms), when the run was given a CPU meter. */
  nodeCpuMsPerOp?: number;
  /** CPU of the PostgreSQL backends per successful operation (ms), when the meter could see them. */
  pgCpuMsPerOp?: number;
}

/**
 * Measures CPU around each slice: this process's own (`process.cpuUsage`) and, where the server is
 * on this machine, the database backends' (bench/backend-cpu.ts). Slices of other operations between
 * a slice's end and the next one's start do not count.
 */
export interface CpuMeter {
  begin(): Promise<void>;
  /** CPU seconds since `begin`: this process, and the database backends (null when not local). */
  end(): Promise<{ nodeSeconds: number; pgSeconds: number | null }>;
}

/**
 * Runs `workers` loops of `operation` for a fixed time and reports completed operations per
 * second and the latency percentiles of the successful ones. Shared by bench:append and bench:api.
 */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const sample = newSample();
  await runSlice(sample, options.workers, options.durationMs, options.operation);
  return summarise(sample);
}

/**
 * Measures several operations in the same run, alternating short slices of each until every one
 * has run `durationMs`, so that load from other processes on a shared machine falls on all of them
 * alike and the ratio between them stays meaningful.
 */
export async function measureInterleaved(
  workers: number,
  durationMs: number,
  operations: Array<ThroughputOptions['operation']>,
  sliceMs = 1000,
  meter?: CpuMeter,
): Promise<ThroughputResult[]> {
  const samples = operations.map(() => newSample());
  for (let done = 0; done < durationMs; done += sliceMs) {
    const slice = Math.min(sliceMs, durationMs - done);
    for (let i = 0; i < operations.length; i += 1) {
      await meter?.begin();
      await runSlice(samples[i], workers, slice, operations[i]);
      if (meter) {
        const used = await meter.end();
        samples[i].nodeCpuSeconds = (samples[i].nodeCpuSeconds ?? 0) + used.nodeSeconds;
        if (used.pgSeconds !== null) samples[i].pgCpuSeconds = (samples[i].pgCpuSeconds ?? 0) + used.pgSeconds;
      }
    }
  }
  return samples.map(summarise);
}

interface Sample {
  latencies: number[];
  errors: number;
  firstError: string | null;
  elapsedMs: number;
  iterations: number[];
  nodeCpuSeconds?: number;
  pgCpuSeconds?: number;
}

function newSample(): Sample {
  return { latencies: [], errors: 0, firstError: null, elapsedMs: 0, iterations: [] };
}

async function runSlice(sample: Sample, workers: number, durationMs: number, operation: ThroughputOptions['operation']): Promise<void> {
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async (index: number) => {
    while (performance.now() < deadline) {
      const iteration = sample.iterations[index] ?? 0;
      sample.iterations[index] = iteration + 1;
      const t0 = performance.now();
      try {
        await operation(index, iteration);
        sample.latencies.push(performance.now() - t0);
      } catch (error) {
        sample.errors += 1;
        sample.firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, i) => worker(i)));
  sample.elapsedMs += performance.now() - started;
}

function summarise(sample: Sample): ThroughputResult {
  const sorted = [...sample.latencies].sort((a, b) => a - b);
  const seconds = sample.elapsedMs / 1000;
  return {
    operations: sorted.length,
    errors: sample.errors,
    firstError: sample.firstError,
    seconds,
    perSecond: sorted.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    ...(sample.nodeCpuSeconds !== undefined && sorted.length > 0 ? { nodeCpuMsPerOp: (sample.nodeCpuSeconds * 1000) / sorted.length } : {}),
    ...(sample.pgCpuSeconds !== undefined && sorted.length > 0 ? { pgCpuMsPerOp: (sample.pgCpuSeconds * 1000) / sorted.length } : {}),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/** `--name value` or `--name=value` from argv, else the environment variable, else the default. */
export function numberArgument(argv: string[], name: string, envName: string, fallback: number, { zeroAllowed = false } = {}): number {
  const index = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const raw = index < 0 ? process.env[envName] : argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed)) {
    throw new Error(`--${name} / ${envName} must be a ${zeroAllowed ? 'non-negative' : 'positive'} number, got ${raw}`);
  }
  return value;
}
