import { ConfigError } from '@kinerja/platform';

/**
 * The global log is read in (transaction id, position) order, each row carrying the `xid8` of the
 * transaction that appended it (event-store.ts, `readAll`). That order holds only while the
 * cluster's transaction counter is ahead of every stored id. A logical dump (pg_dump) restored
 * into ANOTHER cluster keeps the old ids while the new cluster counts from where it is, often far
 * lower: every new event would then sort before the subscribers' checkpoints and never reach
 * them, and once the counter passed the old ids, old events would be replayed after newer ones.
 * The read models would drift silently and for good, so a process refuses to start instead
 * (and `/health` reports it), before anything is appended or read.
 *
 * The comparison is with the snapshot's xmax, the first transaction id not yet handed out: every
 * id the cluster will hand out from now on is at least that. Not with xmin (a transaction of
 * another process still running, e.g. an append of another replica, holds xmin below ids already
 * committed: a false alarm), and not with `pg_current_xact_id()` (it assigns an id, which a
 * read-only standby cannot do).
 */

/** Every column that stores a transaction id of the log (keep in step with the migrations; a test checks it). */
export const STORED_TRANSACTION_ID_COLUMNS = [
  { table: 'events', column: 'transaction_id' },
  { table: 'event_subscriber_checkpoints', column: 'transaction_id' },
] as const;

export type TransactionOrder =
  | { status: 'OK'; nextTransactionId: string; maxStoredTransactionId: string | null }
  | {
      status: 'BROKEN';
      nextTransactionId: string;
      maxStoredTransactionId: string;
      /** Where the highest id is stored (`events.transaction_id`, …). */
      storedIn: string;
      /** The transaction-id epoch to give `pg_resetwal -e`. */
      epoch: string;
      message: string;
    };

/** Anything that runs SQL and answers rows: a DataSource, an EntityManager, a QueryRunner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

// One statement, cheap at any size: `events` through events_global_log_idx (transaction_id leads
// it), the checkpoints table has one row per subscriber.
const ORDER_SQL = `SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next,
  ${STORED_TRANSACTION_ID_COLUMNS.map(
    ({ table, column }) => `(SELECT ${column} FROM ${table} ORDER BY ${column} DESC LIMIT 1)::text AS "${table}.${column}"`,
  ).join(',\n  ')}`;

/** Where the log's order stands on this database: OK, or BROKEN with what to do about it. */
export async function checkTransactionOrder(db: Queryable): Promise<TransactionOrder> {
  let row: Record<string, string | null>;
  try {
    [row] = (await db.query(ORDER_SQL)) as Array<Record<string, string | null>>;
  } catch (error) {
    // A database not migrated yet holds no transaction id at all.
    if ((error as { code?: string }).code === '42P01') {
      const [{ next }] = (await db.query('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next')) as Array<{ next: string }>;
      return { status: 'OK', nextTransactionId: next, maxStoredTransactionId: null };
    }
    throw error;
  }
  const next = BigInt(row.next as string);
  let max: bigint | null = null;
  let storedIn = '';
  for (const { table, column } of STORED_TRANSACTION_ID_COLUMNS) {
    const value = row[`${table}.${column}`];
    if (value != null && (max === null || BigInt(value) > max)) {
      max = BigInt(value);
      storedIn = `${table}.${column}`;
    }
  }
  if (max === null || max < next) {
    return { status: 'OK', nextTransactionId: next.toString(), maxStoredTransactionId: max?.toString() ?? null };
  }
  const epoch = ((max >> 32n) + 1n).toString();
  return {
    status: 'BROKEN',
    nextTransactionId: next.toString(),
    maxStoredTransactionId: max.toString(),
    storedIn,
    epoch,
    message: brokenOrderMessage(max.toString(), storedIn, next.toString(), epoch),
  };
}

function brokenOrderMessage(max: string, storedIn: string, next: string, epoch: string): string {
  return [
    `The event log's order is broken: the highest transaction id stored (${storedIn} = ${max}) is not below the`,
    `next transaction id of this PostgreSQL cluster (${next}). This happens when the database was restored from a`,
    'logical dump (pg_dump) into another cluster whose transaction counter is behind the stored events: new events',
    'would sort before what projections and subscribers have already read, and never reach them. Kinerja processes',
    'refuse to start on such a database, before appending or reading any event.',
    'To fix it, advance the cluster\'s transaction-id epoch (this changes no stored row), then start again:',
    '  1. stop every Kinerja process (API, worker) and stop the PostgreSQL cluster cleanly',
    '     (e.g. pg_ctl -D <data directory> stop, or systemctl stop postgresql@<version>-<name>);',
    `  2. as the cluster's operating-system user: pg_resetwal -e ${epoch} -D <data directory>`,
    '  3. start the cluster, take a new base backup (and rebuild any streaming replica from it),',
    '     then start Kinerja.',
    `(epoch ${epoch} = highest stored id >> 32, plus 1; see "Backup and restore" in README.md)`,
  ].join('\n');
}

/** Refuses to run on a log whose order is broken (exit 78, as for a wrong configuration). */
export class TransactionOrderError extends ConfigError {
  constructor(readonly order: Extract<TransactionOrder, { status: 'BROKEN' }>) {
    super([order.message]);
    this.name = 'TransactionOrderError';
    this.message = order.message;
  }
}

/** The start-up check of every process that appends or reads the log: throws TransactionOrderError when broken. */
export async function assertTransactionOrder(db: Queryable): Promise<void> {
  const order = await checkTransactionOrder(db);
  if (order.status === 'BROKEN') throw new TransactionOrderError(order);
}
