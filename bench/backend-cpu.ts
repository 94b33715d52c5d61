import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { CpuMeter } from './measure-throughput';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** user + system CPU seconds of one local process, or null when /proc cannot tell (not Linux, remote server). */
function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) — utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * CPU used by the PostgreSQL backends serving one database, for a benchmark run against a server on
 * the same machine. Backends come and go with the pool, so their /proc counters are sampled every
 * `intervalMs` and the last value seen of each counts (a backend that ends loses at most one interval).
 */
export class BackendCpu {
  private readonly seen = new Map<number, { start: number; last: number }>();
  private timer: NodeJS.Timeout | null = null;
  private available = true;
  private started = false;

  constructor(private readonly client: Client, private readonly intervalMs = 250) {}

  static async start(url: string): Promise<BackendCpu> {
    const client = new Client({ connectionString: url, application_name: 'kinerja-bench-cpu-sampler' });
    await client.connect();
    const sampler = new BackendCpu(client);
    // The server is local when /proc shows the sampler's own backend as a postgres process.
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    sampler.available = commandOf(rows[0].pid) === 'postgres';
    await sampler.sample();
    sampler.timer = setInterval(() => void sampler.sample().catch(() => undefined), sampler.intervalMs);
    return sampler;
  }

  private async sample(): Promise<void> {
    const { rows } = await this.client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    if (!this.available) return;
    for (const { pid } of rows) {
      const cpu = cpuSecondsOf(pid);
      if (cpu === null) continue; // ended since the query (an autovacuum worker, a pool connection)
      const known = this.seen.get(pid);
      if (known) known.last = cpu;
      // A backend first seen after the start was opened during the span: all its CPU counts.
      else this.seen.set(pid, { start: this.started ? 0 : cpu, last: cpu });
    }
    this.started = true;
  }

  /** Marks the start of a measured span: CPU used so far no longer counts. */
  async reset(): Promise<void> {
    await this.sample();
    for (const v of this.seen.values()) v.start = v.last;
  }

  /** CPU seconds the backends used since the last `reset` (null when the server is not on this machine). */
  async seconds(): Promise<number | null> {
    await this.sample();
    if (!this.available) return null;
    let total = 0;
    for (const v of this.seen.values()) total += v.last - v.start;
    return total;
  }

  /** A meter for `measureInterleaved`: this process's CPU and the backends' around each slice. */
  meter(): CpuMeter {
    let node = process.cpuUsage();
    return {
      begin: async () => {
        await this.reset();
        node = process.cpuUsage();
      },
      end: async () => {
        const used = process.cpuUsage(node);
        return { nodeSeconds: (used.user + used.system) / 1e6, pgSeconds: await this.seconds() };
      },
    };
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.client.end();
  }
}
