// A worker that announces notices through a real PostgreSQL, BullMQ and SMTP server, for the notice int-specs.
import { rmSync } from 'node:fs';
import { Test, TestingModule } from '@nestjs/testing';
import { ControllableClock, createRootLogger, loadConfig, PlatformModule } from '@kinerja/platform';
import Redis from 'ioredis';
import type { TestDatabase } from '../../../../test/support/test-database';
import { testRedisUrl } from '../../../../test/support/test-database';
import type { InProcessSmtp } from '../mail/in-process-smtp.testing';
import { QueueRuntimeModule } from '../queue-runtime/queue-runtime.module';
import { RemindersModule } from './reminders.module';

export interface NoticeWorkerSetup {
  db: TestDatabase;
  smtp: InProcessSmtp;
  clock: ControllableClock;
  prefix: string;
  dataDir: string;
  /** How often the catatan reviu, the PK/LKj and the integrity-alert notices poll; null or left out: never (the dispensasi notices never). */
  catatanReviuPollMs?: number | null;
  pkLkjPollMs?: number | null;
  integrityAlertPollMs?: number | null;
}

/** The worker's reminders queue with its notices; the reminder schedules and the other notices do not run. */
export async function startNoticeWorker(setup: NoticeWorkerSetup): Promise<TestingModule> {
  const config = loadConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'error', LOG_FORMAT: 'json', DATA_DIR: setup.dataDir, DATABASE_URL: setup.db.url,
    REDIS_URL: testRedisUrl, REDIS_PREFIX: setup.prefix, REDIS_AUTOSTART: 'false', SMTP_URL: setup.smtp.url, MAIL_FROM: 'Kinerja <no-reply@kinerja.test>',
  });
  const module = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        config, logger: createRootLogger({ level: 'error', format: 'json' }), clock: setup.clock,
        runtime: { databaseUrl: setup.db.url, poolSize: 5, redisUrl: testRedisUrl, embeddedDatabase: false },
      }),
      QueueRuntimeModule.forRoot({ workers: true, queues: ['reminders'] }),
      RemindersModule.forWorker(
        { leaderIntervalMs: null }, { pollMs: null }, { pollMs: setup.catatanReviuPollMs ?? null },
        { pollMs: setup.pkLkjPollMs ?? null }, { pollMs: setup.integrityAlertPollMs ?? null },
      ),
    ],
  }).compile();
  await module.init();
  return module;
}

/** Offices `[code, name, parent]`, root first. */
export async function insertOffices(db: TestDatabase, offices: ReadonlyArray<readonly [string, string, string | null]>): Promise<void> {
  for (const [code, name, parent] of offices) {
    await db.dataSource.query(
      `INSERT INTO satker (code, name, parent_code, time_zone, report_deadline_day, created_at, updated_at) VALUES ($1, $2, $3, 'Asia/Jakarta', 5, now(), now())`,
      [code, name, parent],
    );
  }
}

/** An active user who cannot sign in, with the address `<username>@kinerja.test`. */
export async function insertUser(db: TestDatabase, p: { id: string; username: string; role: string; satker: string; fullName?: string }): Promise<void> {
  await db.dataSource.query(
    `INSERT INTO users (satker_code, id, username, full_name, email, role, subbagian_code, password_hash, password_changed_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, NULL, 'not-a-login', now(), now(), now())`,
    [p.satker, p.id, p.username, p.fullName ?? p.username, `${p.username}@kinerja.test`, p.role],
  );
}

/** After the spec: closes its workers, empties its Redis prefix, stops its SMTP server, drops its database, removes its data directory. */
export async function closeNoticeWorkers(
  workers: ReadonlyArray<TestingModule | null | undefined>,
  setup: Pick<NoticeWorkerSetup, 'prefix' | 'dataDir'> & { db?: TestDatabase; smtp?: InProcessSmtp },
): Promise<void> {
  await Promise.all(workers.map((w) => w?.close()));
  await dropRedisPrefix(setup.prefix);
  await setup.smtp?.close();
  await setup.db?.drop();
  rmSync(setup.dataDir, { recursive: true, force: true });
}

/** Empties the test's Redis prefix. */
async function dropRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}
