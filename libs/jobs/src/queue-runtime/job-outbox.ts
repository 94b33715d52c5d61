import type { DataSource, EntityManager } from 'typeorm';

/** What every outbox row names: the office, and the deterministic id of the job that carries it out. */
export interface JobIntent {
  satker: string;
  jobId: string;
}

/** One column of an outbox's table and the intent's field it holds. */
export interface JobOutboxColumn<I, F extends keyof I & string = keyof I & string> {
  column: string;
  field: F;
  /** The column's type: the arrays a batch update unnests are cast to it; integers are read back as numbers. */
  type: 'text' | 'uuid' | 'smallint' | 'integer' | 'boolean';
}

/**
 * An outbox's table. Beside the key and the intent's own columns it has `job_id`, `requested_at`,
 * `enqueued_at` and the column the job sets when it has run (`done`).
 */
export interface JobOutboxTable<I extends JobIntent, K extends keyof I & string> {
  table: string;
  /** The primary key, `satker_code` first; rows requested at the same instant come in its order. */
  key: ReadonlyArray<JobOutboxColumn<I, K>>;
  /** The intent's columns outside the key (not `job_id`). */
  columns: ReadonlyArray<JobOutboxColumn<I>>;
  /** Set, once, by the job that ran (`announced_at`, `produced_at`). */
  done: string;
  jobId(intent: Omit<I, 'jobId'>): string;
}

type Db = EntityManager | DataSource;

/**
 * A process manager's transactional outbox of jobs (the LKj's, the dispensasi notices', the catatan
 * reviu notices'): a row is written in the transaction that moves the manager's checkpoint (or
 * appends the request), so a job lost between that commit and the enqueue (worker killed, Redis
 * away) is found here again and enqueued under the same id, which BullMQ adds once. The job marks
 * its row done; every mark keeps the first instant (`coalesce`), so a job run twice changes nothing.
 * No row is claimed or locked for long: each statement stands alone, and enqueueing twice is harmless.
 */
export class JobOutbox<I extends JobIntent, K extends keyof I & string> {
  private readonly keyList: string;
  private readonly selectColumns: string;
  private readonly insertSql: string;
  private readonly inKeys: string;

  constructor(protected readonly dataSource: DataSource, private readonly spec: JobOutboxTable<I, K>) {
    const columns = [...spec.key, ...spec.columns];
    this.keyList = spec.key.map((k) => k.column).join(', ');
    this.selectColumns = [...columns.map((c) => c.column), 'job_id'].join(', ');
    const values = [...columns, null, null].map((_, i) => `$${i + 1}`).join(', ');
    this.insertSql = `INSERT INTO ${spec.table} (${this.selectColumns}, requested_at) VALUES (${values})
       ON CONFLICT (${this.keyList}) DO NOTHING`;
    this.inKeys = `(${this.keyList}) IN (SELECT * FROM unnest(${spec.key.map((k, i) => `$${i + 1}::${k.type}[]`).join(', ')}))`;
  }

  /** Writes the intent's row in the caller's transaction (once: a second record of the same key keeps the first). */
  async record(manager: EntityManager, fields: Omit<I, 'jobId'>, at: Date): Promise<I> {
    const intent = { ...fields, jobId: this.spec.jobId(fields) } as I;
    const values = [...this.spec.key, ...this.spec.columns].map((c) => intent[c.field]);
    await manager.query(this.insertSql, [...values, intent.jobId, at]);
    return intent;
  }

  /** The jobs reached the queue (the first instant is kept). */
  async markEnqueued(intents: readonly I[], at: Date): Promise<void> {
    if (intents.length === 0) return;
    await this.dataSource.query(
      `UPDATE ${this.spec.table} SET enqueued_at = coalesce(enqueued_at, $${this.spec.key.length + 1}) WHERE ${this.inKeys}`,
      [...this.keyArrays(intents), at],
    );
  }

  /** The jobs were enqueued again (`stale`): their wait starts over, unless they have run meanwhile. */
  async markEnqueuedAgain(intents: readonly I[], at: Date): Promise<void> {
    if (intents.length === 0) return;
    await this.dataSource.query(
      `UPDATE ${this.spec.table} SET enqueued_at = $${this.spec.key.length + 1} WHERE ${this.inKeys} AND ${this.spec.done} IS NULL`,
      [...this.keyArrays(intents), at],
    );
  }

  /** The job ran (the first instant is kept); `db`: in the caller's transaction. */
  async markDone(key: Pick<I, K>, at: Date, db: Db = this.dataSource): Promise<void> {
    const where = this.spec.key.map((k, i) => `${k.column} = $${i + 1}`).join(' AND ');
    const n = this.spec.key.length + 1;
    await db.query(
      `UPDATE ${this.spec.table} SET ${this.spec.done} = coalesce(${this.spec.done}, $${n}) WHERE ${where}`,
      [...this.spec.key.map((k) => key[k.field]), at],
    );
  }

  /** Rows whose job never reached the queue (the worker died after the commit, Redis was away), oldest first. */
  notEnqueued(limit = 1000): Promise<I[]> {
    return this.select(`enqueued_at IS NULL AND ${this.spec.done} IS NULL`, limit);
  }

  /** Rows enqueued before `before` whose job has not run: Redis may have lost it (enqueueing again adds nothing if not). */
  stale(before: Date, limit = 1000): Promise<I[]> {
    return this.select(`${this.spec.done} IS NULL AND enqueued_at < $2`, limit, [before]);
  }

  /** Every row whose job has not run yet, oldest first. */
  pending(limit = 10_000): Promise<I[]> {
    return this.select(`${this.spec.done} IS NULL`, limit);
  }

  /** The office's rows whose job has not run yet, oldest first (`db`: in the caller's transaction). */
  pendingOf(satker: string, db: Db = this.dataSource): Promise<I[]> {
    return this.select(`${this.spec.done} IS NULL AND satker_code = $2`, 10_000, [satker], db);
  }

  private keyArrays(intents: readonly I[]): unknown[][] {
    return this.spec.key.map((k) => intents.map((i) => i[k.field]));
  }

  private async select(where: string, limit: number, parameters: unknown[] = [], db: Db = this.dataSource): Promise<I[]> {
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT ${this.selectColumns} FROM ${this.spec.table} WHERE ${where}
        ORDER BY requested_at, ${this.keyList} LIMIT $1`,
      [limit, ...parameters],
    );
    return rows.map((row) => this.intentOf(row));
  }

  private intentOf(row: Record<string, unknown>): I {
    const intent: Record<string, unknown> = {};
    for (const c of [...this.spec.key, ...this.spec.columns]) {
      intent[c.field] = c.type === 'smallint' || c.type === 'integer' ? Number(row[c.column]) : row[c.column];
    }
    intent.jobId = row.job_id;
    return intent as I;
  }
}
