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
  /**
   * The table keeps its job's failures for readers (`failed_attempts`, `last_failed_at`, `last_error`,
   * `retry_at`: `recordFailures`); without, the recovery retries them all the same.
   */
  failures?: boolean;
  /**
   * An SQL condition on the table's row (named by the table) under which the recovery leaves its job
   * alone: something else queues it again when its cause is gone (the LKj of an office whose chain
   * has an open alert: the alert's resolution).
   */
  heldWhere?: string;
}

/** A job of an outbox that failed its last attempt, as the recovery found it in Redis. */
export interface JobFailure<I> {
  intent: I;
  /** Attempts the job made, every retry included (BullMQ keeps counting across retries). */
  attempts: number;
  failedAt: Date;
  error: string | null;
  /** When the recovery retries it (or retried it, when past). */
  retryAt: Date;
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

  /**
   * Notes what the recovery found of failed jobs (tables with `failures` only; others: nothing):
   * their attempts so far (never fewer than noted before: Redis may have lost the count), the last
   * failure and its message, and when they are retried. Rows done meanwhile are left as they are.
   */
  async recordFailures(failures: ReadonlyArray<JobFailure<I>>): Promise<void> {
    if (!this.spec.failures || failures.length === 0) return;
    const n = this.spec.key.length;
    await this.dataSource.query(
      `UPDATE ${this.spec.table} AS t
          SET failed_attempts = greatest(t.failed_attempts, f.attempts), last_failed_at = f.failed_at,
              last_error = f.error, retry_at = f.retry_at
         FROM unnest(${this.spec.key.map((k, i) => `$${i + 1}::${k.type}[]`).join(', ')}, $${n + 1}::integer[], $${n + 2}::timestamptz[],
                     $${n + 3}::text[], $${n + 4}::timestamptz[])
           AS f(${this.spec.key.map((k) => k.column).join(', ')}, attempts, failed_at, error, retry_at)
        WHERE ${this.spec.key.map((k) => `t.${k.column} = f.${k.column}`).join(' AND ')} AND t.${this.spec.done} IS NULL`,
      [
        ...this.keyArrays(failures.map((f) => f.intent)),
        failures.map((f) => f.attempts), failures.map((f) => f.failedAt), failures.map((f) => f.error?.slice(0, 2000) ?? null),
        failures.map((f) => f.retryAt),
      ],
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

  /**
   * Rows enqueued whose job has not run, but those held (`heldWhere`), oldest first: the recovery
   * looks up their jobs in Redis (lost: added again; failed: retried once due).
   */
  awaitingJob(limit = 1000): Promise<I[]> {
    const held = this.spec.heldWhere ? ` AND NOT (${this.spec.heldWhere})` : '';
    return this.select(`enqueued_at IS NOT NULL AND ${this.spec.done} IS NULL${held}`, limit);
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
