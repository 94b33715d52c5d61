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

/** Bytes of text gathered before they go to the server: big enough to be cheap, small enough to overlap. */
const FLUSH_AT = 256 * 1024;

/**
 * `COPY <table> FROM STDIN` (text format) on the connection of the caller's transaction. Lines are
 * sent as they accumulate, so the server parses and inserts the first rows while Node still builds
 * the later ones. COPY has no ON CONFLICT: use it only for rows known to be new (a rebuild filling
 * fresh shadow tables), never where a batch may be applied again.
 */
export class CopyWriter {
  private pending: string[] = [];
  private pendingLength = 0;
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
    this.pending.push(line);
    this.pendingLength += line.length;
  }

  /** True once enough has accumulated to be worth a write (then `await flush()`). */
  get full(): boolean {
    return this.pendingLength >= FLUSH_AT;
  }

  async end(): Promise<number> {
    await this.flush();
    if (this.failure) throw this.failure;
    this.stream.end();
    await finished(this.stream);
    if (this.failure) throw this.failure;
    return this.stream.rowCount;
  }

  /** Sends chunks already encoded (see `EncodedLines`). */
  async writeChunks(chunks: readonly Buffer[]): Promise<void> {
    await this.flush();
    for (const chunk of chunks) {
      if (this.failure) return;
      if (!this.stream.write(chunk)) await this.drained();
    }
  }

  /** Sends what has accumulated; waits while the socket is congested. */
  async flush(): Promise<void> {
    if (this.pendingLength === 0 || this.failure) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    if (!this.stream.write(chunk)) await this.drained();
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

const ENCODE_AT = 64 * 1024;

/**
 * COPY lines kept for a later COPY, encoded to bytes every 64 KiB: a batch's worth of strings
 * (each a rope of its template's parts) would otherwise live long enough to be copied by every
 * young-generation collection and promoted, while buffers hold their bytes outside the JS heap.
 */
export class EncodedLines {
  readonly chunks: Buffer[] = [];
  private pending = '';

  line(line: string): void {
    this.pending += line;
    if (this.pending.length >= ENCODE_AT) this.encode();
  }

  /** Every line given so far, as buffers to write in order. */
  finish(): Buffer[] {
    this.encode();
    return this.chunks;
  }

  private encode(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(Buffer.from(this.pending, 'utf8'));
    this.pending = '';
  }
}
