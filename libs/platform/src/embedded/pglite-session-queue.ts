import type { PGlite } from '@electric-sql/pglite';

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/**
 * PGlite has one session; several client connections share it. The queue that ships with
 * pglite-socket keeps a client's transaction together but interleaves messages of the extended
 * query protocol (Parse, Bind, Execute … Sync) from different clients outside transactions, which
 * makes PostgreSQL answer "unnamed prepared statement does not exist". This queue gives the session
 * to one client from its first message until its Sync (or simple Query) has run and no
 * transaction is open, so every client sees a session of its own, one at a time.
 */
export class PgliteSessionQueue {
  private readonly queue: Pending[] = [];
  private owner: number | null = null;
  private processing = false;
  private readonly lastSql = new Map<number, string>();

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      if (process.env.KINERJA_PGLITE_DEBUG) this.watch();
      void this.process();
    });
  }

  private watching = false;
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    setTimeout(() => {
      this.watching = false;
      if (this.queue.length > 0 && this.owner !== null && !this.queue.some((p) => p.handlerId === this.owner)) {
        process.stderr.write(`[pglite] session held by #${this.owner} (last: ${this.lastSql.get(this.owner)}) while waiting: ${this.queue.map((p) => `#${p.handlerId} ${sqlOf(p.message)}`).join(' | ')}\n`);
      }
    }, 5000).unref();
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].handlerId === handlerId) {
        this.queue[i].reject(new Error('Handler disconnected'));
        this.queue.splice(i, 1);
      }
    }
  }

  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    void this.process();
  }

  private next(): Pending | undefined {
    const index = this.owner === null ? 0 : this.queue.findIndex((p) => p.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        if (item.message[0] === 0x50 || item.message[0] === 0x51) this.lastSql.set(item.handlerId, sqlOf(item.message));
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item!.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item!.onData(data);
              },
            }),
          );
          item.resolve(bytes);
        } catch (error) {
          item.reject(error);
        }
        this.owner = endsExchange(item.message) && !this.db.isInTransaction() ? null : item.handlerId;
      }
    } finally {
      this.processing = false;
    }
  }
}

function sqlOf(message: Uint8Array): string {
  return Buffer.from(message.subarray(5)).toString('utf8').replace(/\0/g, ' ').slice(0, 300);
}

/** Sync ('S'), a simple Query ('Q'), Terminate ('X') and the start-up packet end an exchange. */
function endsExchange(message: Uint8Array): boolean {
  const type = message[0];
  return type === 0 || type === 0x53 || type === 0x51 || type === 0x58;
}
