import { finished } from 'node:stream/promises';
import type { EntityManager } from 'typeorm';
import type { PoolClient } from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text value as a field of COPY's text format (`\N` for null; backslash, tab and line ends escaped). */
export function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : value;
}

/** A number (or null) as a field of COPY's text format. */
export function copyNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '\\N' : String(value);
}

/** Bytes gathered before they go to the server: big enough to be cheap, small enough to overlap. */
const FLUSH_AT = 256 * 1024;

/**
 * Lines encoded to UTF-8 as they come, into buffers of `FLUSH_AT` bytes. Joining a few hundred
 * line strings per flush was the largest single item of the audit trail's rebuild profile
 * (BENCHMARKS.md, bench:rebuild of 2026-12-05); written straight into a buffer, the bytes live outside
 * the JS heap, so lines kept for a later COPY are not copied by every young-generation collection.
 */
export class EncodedLines {
  private readonly chunks: Buffer[] = [];
  private buffer = Buffer.allocUnsafe(FLUSH_AT);
  private used = 0;
  private sealed = 0;

  line(line: string): void {
    // A UTF-16 code unit never takes more than three bytes in UTF-8.
    if (this.used + line.length * 3 > this.buffer.length) {
      this.seal();
      if (line.length * 3 > this.buffer.length) {
        const bytes = Buffer.from(line, 'utf8');
        this.chunks.push(bytes);
        this.sealed += bytes.length;
        return;
      }
    }
    this.used += this.buffer.write(line, this.used, 'utf8');
  }

  /** Bytes given so far and not yet taken. */
  get length(): number {
    return this.sealed + this.used;
  }

  /** Every line given since the last call, as buffers to write in order. */
  take(): Buffer[] {
    this.seal();
    this.sealed = 0;
    return this.chunks.splice(0);
  }

  private seal(): void {
    if (this.used === 0) return;
    this.chunks.push(this.buffer.subarray(0, this.used));
    this.sealed += this.used;
    // The sealed bytes may still wait in the socket's queue: the next lines go to a new buffer.
    this.buffer = Buffer.allocUnsafe(FLUSH_AT);
    this.used = 0;
  }
}

/**
 * `COPY <table> FROM STDIN` (text format) on the connection of the caller's transaction. Lines are
 * sent as they accumulate, so the server parses and inserts the first rows while Node still builds
 * the later ones. COPY has no ON CONFLICT: use it only for rows known to be new (a rebuild filling
 * fresh shadow tables), never where a batch may be applied again.
 */
export class CopyWriter {
  private readonly pending = new EncodedLines();
  private failure: Error | null = null;

  private constructor(private readonly stream: CopyStreamQuery) {
    // Kept until `end`: an error the server reports mid-stream must reject there, not crash the process.
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  static async open(manager: EntityManager, table: string, columns: readonly string[]): Promise<CopyWriter> {
    if (!manager.queryRunner) throw new Error('COPY needs the query runner of a transaction');
    const client = (await manager.queryRunner.connect()) as PoolClient;
    return new CopyWriter(client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
  }

  /** One row: its fields already encoded with `copyText` / `copyNumber`, tab-separated, ending in `\n`. */
  line(line: string): void {
    this.pending.line(line);
  }

  /** True once enough has accumulated to be worth a write (then `await flush()`). */
  get full(): boolean {
    return this.pending.length >= FLUSH_AT;
  }

  async end(): Promise<number> {
    await this.flush();
    if (this.failure) throw this.failure;
    this.stream.end();
    await finished(this.stream);
    if (this.failure) throw this.failure;
    return this.stream.rowCount;
  }

  /** Sends lines gathered elsewhere (an `EncodedLines`' `take()`), after what this writer holds. */
  async writeChunks(chunks: readonly Buffer[]): Promise<void> {
    await this.flush();
    await this.send(chunks);
  }

  /** Sends what has accumulated; waits while the socket is congested. */
  async flush(): Promise<void> {
    await this.send(this.pending.take());
  }

  private async send(chunks: readonly Buffer[]): Promise<void> {
    for (const chunk of chunks) {
      if (this.failure) return;
      if (!this.stream.write(chunk)) await this.drained();
    }
  }

  private drained(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        this.stream.off('error', done);
        resolve();
      };
      this.stream.once('drain', done);
      this.stream.once('error', done);
    });
  }
}
