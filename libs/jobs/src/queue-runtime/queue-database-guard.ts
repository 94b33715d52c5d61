import { Inject, Injectable, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { FailureRun, REDIS, redisAnswer, ROOT_LOGGER } from '@kinerja/platform';
import { LeaderLock } from '../reminders/schedule/leader-lock';
import { ALL_QUEUES, JobQueues } from './job-queues';

/**
 * Which database an installation's queues were filled from. Every job id Kinerja gives is derived
 * from the database (an outbox row, an alert's number, a version), and BullMQ keeps finished jobs
 * (`removeOnComplete`), so queues filled from another database, or from this one before a restore
 * rewound it, would take a new request for a duplicate and never run it.
 */
export interface DatabaseFingerprint {
  /**
   * `<system identifier>:<database oid>:<timeline>`: another cluster, a database dropped and created
   * again (the README's pg_restore), a point-in-time recovery or a promoted standby each change it.
   */
  identity: string;
  /**
   * The event log's high-water mark (the sequence of `events.global_position`): a backup restored
   * into the same database, keeping the identity, sets it back below what the queues have seen.
   */
  position: number;
}

export async function databaseFingerprint(db: DataSource): Promise<DatabaseFingerprint> {
  const [row] = (await db.query(
    `SELECT (SELECT system_identifier::text FROM pg_control_system()) AS system,
            (SELECT oid::text FROM pg_database WHERE datname = current_database()) AS database,
            substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8) AS timeline,
            coalesce(pg_sequence_last_value(pg_get_serial_sequence('events', 'global_position')::regclass), 0)::text AS position`,
  )) as Array<{ system: string; database: string; timeline: string; position: string }>;
  return { identity: `${row.system}:${row.database}:${row.timeline}`, position: Number(row.position) };
}

/** Where the worker writes the Indonesian line for the operator (stderr unless a test listens). */
export const QUEUE_DATABASE_ANNOUNCE = Symbol('QUEUE_DATABASE_ANNOUNCE');

/** What a start's check found. */
export type QueueDatabaseCheck =
  | { outcome: 'first-start' | 'same-database'; database: DatabaseFingerprint }
  | {
      outcome: 'emptied';
      /** `another-database`: the identity differs; `log-went-back`: same identity, the event log's mark is lower than the queues saw. */
      reason: 'another-database' | 'log-went-back';
      before: DatabaseFingerprint;
      database: DatabaseFingerprint;
      /** Jobs removed (waiting, delayed, active, finished), over every queue. */
      jobsRemoved: number;
    };

/** How often a running worker raises the mark kept in Redis to the event log's position. */
export const DATABASE_MARK_INTERVAL_MS = 5_000;
/** The lock every check, mark raise and reset takes: no worker empties the queues another one has just filled. */
const LOCK_TTL_MS = 120_000;
const LOCK_POLL_MS = 200;

// The mark rises only, and only for the database the queues were filled from.
const RAISE = `if redis.call('hget', KEYS[1], 'identity') ~= ARGV[1] then return 0 end
local current = tonumber(redis.call('hget', KEYS[1], 'position') or '0')
if tonumber(ARGV[2]) > current then redis.call('hset', KEYS[1], 'position', ARGV[2]) end
return 1`;

/** The Indonesian line an operator reads when the queues were emptied (stderr of the worker, as its start-up refusals). */
export function queuesEmptiedLine(check: Extract<QueueDatabaseCheck, { outcome: 'emptied' }>): string {
  const why = check.reason === 'another-database'
    ? 'basis data ini bukan basis data yang mengisi antrean (dipulihkan dari cadangan, dibuat ulang, atau berpindah server)'
    : `log peristiwa basis data mundur (posisi ${check.database.position}, antrean terakhir melihat ${check.before.position}): basis data dipulihkan dari cadangan`;
  return `PERHATIAN: ${why}. Antrean pekerjaan di Redis dikosongkan (${check.jobsRemoved} pekerjaan dibuang) dan diisi ulang dari basis data; tidak ada pekerjaan yang hilang.`;
}

/**
 * Keeps an installation's BullMQ queues true to its database. At a worker's start (`onModuleInit`,
 * before any `onApplicationBootstrap` enqueues or a queue worker runs) it compares the database's
 * fingerprint with the one stored in Redis under the installation's prefix (`<prefix>:queues:database`);
 * when the database is another one or its event log went back (a restore), it obliterates every queue
 * of the installation and stores the new fingerprint. Nothing is lost: every job is derived from
 * PostgreSQL again at start (the outboxes' reconciliation, the LKj's, the schedulers' upserts, the
 * reminders' catch-up run). A first start only stores it. The check holds a lock in Redis, so workers
 * starting together empty the queues once and never each other's fresh jobs. While running, the
 * worker raises the stored mark every DATABASE_MARK_INTERVAL_MS and once more when it stops, so a
 * recent backup restored into the same database is caught too.
 */
@Injectable()
export class QueueDatabaseGuard implements OnModuleInit, OnModuleDestroy {
  private readonly key: string;
  private readonly lockKey: string;
  private timer: NodeJS.Timeout | null = null;
  private readonly markFailures: FailureRun;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly queues: JobQueues,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Optional() @Inject(QUEUE_DATABASE_ANNOUNCE) private readonly announce: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {
    const prefix = queues.connection.prefix;
    this.key = `${prefix}:queues:database`;
    this.lockKey = `${prefix}:locks:queues-database`;
    this.markFailures = new FailureRun(logger, 'Event log mark not written to Redis');
  }

  async onModuleInit(): Promise<void> {
    await this.checkAtStart();
    this.timer = setInterval(() => void this.raiseMark().then(() => this.markFailures.succeeded(), (error) => this.markFailures.failed(error)), DATABASE_MARK_INTERVAL_MS);
    this.timer.unref();
  }

  /** The start's check, told in the log and, when the queues were emptied, to the operator. */
  async checkAtStart(): Promise<QueueDatabaseCheck> {
    const check = await this.check();
    if (check.outcome === 'emptied') {
      this.logger.warn(
        { reason: check.reason, before: check.before, database: check.database, jobsRemoved: check.jobsRemoved, queues: ALL_QUEUES },
        check.reason === 'log-went-back'
          ? 'Queues emptied: the event log is behind what the queues have seen (a backup restored into the same database); every job is derived from the database again'
          : 'Queues emptied: the database is not the one they were filled from (restored from a backup, recreated or failed over); every job is derived from the database again',
      );
      this.announce(queuesEmptiedLine(check));
    } else if (check.outcome === 'first-start') {
      this.logger.info({ database: check.database }, 'Queues bound to this database');
    }
    return check;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // Bounded: while Redis is away its client queues commands, and a stop must not wait for it.
    await redisAnswer(this.redis, () => this.raiseMark()).catch(() => undefined);
  }

  /** The start's check: empties the queues when the database is not the one they were filled from. */
  check(): Promise<QueueDatabaseCheck> {
    return this.locked(async () => {
      // Redis first: a mark another worker raised before this read was read from the log before it, so
      // the position read after it is at least as high; read the other way round, a normal start could
      // take a mark raised meanwhile for a log going back.
      const stored = await this.stored();
      const database = await databaseFingerprint(this.dataSource);
      if (stored === null) {
        await this.store(database);
        return { outcome: 'first-start', database };
      }
      const reason = stored.identity !== database.identity ? 'another-database' : stored.position > database.position ? 'log-went-back' : null;
      if (reason === null) {
        await this.raise(database);
        return { outcome: 'same-database', database };
      }
      const jobsRemoved = await this.obliterate();
      await this.store(database);
      return { outcome: 'emptied', reason, before: stored, database, jobsRemoved };
    });
  }

  /** `queues:reset`: empties every queue of the installation and binds them to this database. Jobs removed. */
  reset(): Promise<number> {
    return this.locked(async () => {
      const jobsRemoved = await this.obliterate();
      await this.store(await databaseFingerprint(this.dataSource));
      return jobsRemoved;
    });
  }

  /** Raises the stored mark to the event log's position now (never lowers it, never for another database). */
  async raiseMark(): Promise<void> {
    await this.raise(await databaseFingerprint(this.dataSource));
  }

  private async raise(database: DatabaseFingerprint): Promise<void> {
    await this.redis.eval(RAISE, 1, this.key, database.identity, String(database.position));
  }

  private async stored(): Promise<DatabaseFingerprint | null> {
    const { identity, position } = await this.redis.hgetall(this.key);
    return identity === undefined ? null : { identity, position: Number(position ?? 0) };
  }

  private async store(database: DatabaseFingerprint): Promise<void> {
    await this.redis.hset(this.key, { identity: database.identity, position: String(database.position) });
  }

  /** Every queue of the installation, whichever this worker serves; schedulers included. How many jobs were removed. */
  private async obliterate(): Promise<number> {
    let removed = 0;
    for (const name of ALL_QUEUES) {
      const queue = this.queues.queue(name);
      const counts = await queue.getJobCounts();
      removed += Object.values(counts).reduce((a, b) => a + b, 0);
      await queue.obliterate({ force: true });
    }
    return removed;
  }

  private async locked<T>(work: () => Promise<T>): Promise<T> {
    const lock = new LeaderLock(this.redis, this.lockKey, LOCK_TTL_MS);
    while (!(await lock.acquireOrRenew())) await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    try {
      return await work();
    } finally {
      await lock.release();
    }
  }
}
