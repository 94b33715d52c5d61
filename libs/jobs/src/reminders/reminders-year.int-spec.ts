import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { Test, TestingModule } from '@nestjs/testing';
import { EventStore } from '@kinerja/event-store';
import { ControllableClock, createRootLogger, loadConfig, PlatformModule } from '@kinerja/platform';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { createTestDatabase, TestDatabase, testRedisPrefix, testRedisUrl } from '../../../../test/support/test-database';
import { InProcessSmtp, startInProcessSmtp } from '../mail/in-process-smtp.testing';
import { Mailer, MailMessage, SmtpMailer } from '../mail/mailer';
import { JobQueues } from '../queue-runtime/job-queues';
import { QueueRuntimeModule } from '../queue-runtime/queue-runtime.module';
import { jobId, JobName, JobPayloads } from '../queues';
import { addDays, CalendarDate, isoDate, localInstant, OfficeTimeZone } from './plan/office-time';
import { OfficeDirectory } from './facts/office-directory';
import { ReminderRunner } from './reminder-runner';
import { RemindersModule } from './reminders.module';
import { expectedEmails, expectedReminders, officeA, officeB, perform, scenarioActions, seedOffice } from './reminders-year.scenario.testing';
import { ReminderScheduleLeader } from './schedule/reminder-schedule-leader';

/** Accepts through real SMTP; when armed, "crashes" once right after the server accepted a message. */
class CrashAfterAcceptMailer extends Mailer {
  readonly enabled = true;
  armed = false;
  constructor(private readonly inner: SmtpMailer) { super(); }
  async send(message: MailMessage): Promise<void> {
    await this.inner.send(message);
    if (this.armed) {
      this.armed = false;
      throw new Error('worker killed after SMTP accepted the message');
    }
  }
  close() { return this.inner.close(); }
}

const WIB = officeA.zone;
const at = (date: CalendarDate, hour: number, zone: OfficeTimeZone = WIB) => localInstant(date, hour, zone);
const d = (iso: string): CalendarDate => { const [y, m, day] = iso.split('-').map(Number); return { year: y, month: m, day }; };

describe('reminders over a whole year, exactly once despite crashes, duplicates and a Redis wipe', () => {
  let db: TestDatabase;
  let smtp: InProcessSmtp;
  let moduleRef: TestingModule;
  let dataDir: string | undefined;
  let redis: Redis;
  let queues: JobQueues;
  let events: EventStore;
  let runner: ReminderRunner;
  let leader: ReminderScheduleLeader;
  let mailer: CrashAfterAcceptMailer;
  const prefix = testRedisPrefix();
  const clock = new ControllableClock(new Date('2024-12-31T17:00:00.000Z'));

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startInProcessSmtp();
    redis = new Redis(testRedisUrl);
    const config = loadConfig({
      NODE_ENV: 'test', LOG_LEVEL: 'error', LOG_FORMAT: 'json', DATA_DIR: (dataDir = mkdtempSync(join(tmpdir(), 'kinerja-reminders-'))), DATABASE_URL: db.url, REDIS_URL: testRedisUrl,
      REDIS_PREFIX: prefix, REDIS_AUTOSTART: 'false', SMTP_URL: smtp.url, MAIL_FROM: 'Kinerja <no-reply@kinerja.test>',
    });
    const logger = createRootLogger({ level: 'error', format: 'json' });
    mailer = new CrashAfterAcceptMailer(new SmtpMailer(smtp.url, config.MAIL_FROM));
    moduleRef = await Test.createTestingModule({
      imports: [
        PlatformModule.forRoot({ config, logger, clock, runtime: { databaseUrl: db.url, poolSize: 5, redisUrl: testRedisUrl, embeddedDatabase: false } }),
        QueueRuntimeModule.forRoot({ workers: true, queues: ['reminders'] }),
        RemindersModule.forWorker({ leaderIntervalMs: null }),
      ],
    }).overrideProvider(Mailer).useValue(mailer).compile();
    await moduleRef.init();
    queues = moduleRef.get(JobQueues);
    events = moduleRef.get(EventStore, { strict: false });
    runner = moduleRef.get(ReminderRunner, { strict: false });
    leader = moduleRef.get(ReminderScheduleLeader, { strict: false });
    await seedOffice(db.dataSource, events, officeA);
    await seedOffice(db.dataSource, events, officeB);
  });

  afterAll(async () => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await moduleRef?.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await smtp?.close();
    await db?.drop();
  });

  async function waitForJob(queue: Queue, id: string): Promise<unknown> {
    for (;;) {
      const job = await queue.getJob(id);
      const state = job ? await job.getState() : 'unknown';
      // Read again: the job fetched above may predate its completion (returnvalue still null).
      if (state === 'completed') return (await queue.getJob(id))!.returnvalue;
      if (state === 'failed') throw new Error(`job ${id} failed: ${job!.failedReason}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async function runJob<N extends JobName>(name: N, payload: JobPayloads[N], id: string): Promise<unknown> {
    await queues.add(name, payload, { jobId: id });
    return waitForJob(queues.queueOf(name), id);
  }

  async function removeSchedulers(): Promise<void> {
    const queue = queues.queue('reminders');
    for (const s of await queue.getJobSchedulers(0, -1)) await queue.removeJobScheduler(s.key);
  }

  const outboxPending = async () => Number((await db.dataSource.query(`SELECT count(*) AS n FROM notification_outbox WHERE sent_at IS NULL`))[0].n);

  it('one worker leads and registers a Job Scheduler at 08:00 in each office time zone', async () => {
    const first = await leader.tick();
    expect(first.leader).toBe(true);
    expect(first.changed.sort()).toEqual(['notifications-dispatch', 'reminders-at-8-Asia-Jakarta', 'reminders-at-8-Asia-Jayapura', 'reminders-catch-up']);
    await waitForJob(queues.queue('reminders'), first.catchUpJobId!);
    const schedulers = await queues.queue('reminders').getJobSchedulers(0, -1);
    expect(schedulers.find((s) => s.key === 'reminders-at-8-Asia-Jayapura')).toMatchObject({ pattern: '0 8 * * *', tz: 'Asia/Jayapura' });
    const again = await leader.tick();
    expect(again).toEqual({ leader: true, changed: [], catchUpJobId: null });
    // An office opens in a third time zone: its 08:00 is registered at the next tick, and dropped when it closes.
    await db.dataSource.query(`INSERT INTO satker (code, name, time_zone, created_at, updated_at) VALUES ('kpu-makassar', 'KPU Kota Makassar', 'Asia/Makassar', now(), now())`);
    const opened = await leader.tick();
    expect(opened.changed).toEqual(['reminders-at-8-Asia-Makassar']);
    await waitForJob(queues.queue('reminders'), opened.catchUpJobId!);
    await db.dataSource.query(`UPDATE satker SET active = false WHERE code = 'kpu-makassar'`);
    await leader.tick();
    expect((await queues.queue('reminders').getJobSchedulers(0, -1)).map((s) => s.key)).not.toContain('reminders-at-8-Asia-Makassar');
    // The walk below triggers runs itself at the controllable clock's times, not at the real 08:00.
    await removeSchedulers();
  });

  it('walks 2025 and sends exactly the reminders the timeline calls for', async () => {
    const downFrom = at(d('2025-02-01'), 0);
    const downUntil = at(d('2025-02-02'), 15);
    const flushAt = at(d('2025-07-01'), 0);
    const steps: Array<{ at: Date; run: () => Promise<void> }> = scenarioActions().map((a) => ({ at: a.at, run: () => perform(events, a) }));
    for (let day = d('2025-01-01'); isoDate(day) <= '2026-01-12'; day = addDays(day, 1)) {
      for (const zone of [officeA.zone, officeB.zone]) {
        const tickAt = at(day, 8, zone);
        if (tickAt >= downFrom && tickAt < downUntil) continue; // every worker is down
        steps.push({ at: tickAt, run: () => tick(zone, day) });
      }
    }
    steps.push({ at: downUntil, run: async () => void (await runJob('reminders.run', { timeZone: null, reason: 'leader-start' }, 'workers-back')) });
    steps.push({ at: flushAt, run: wipeRedis });
    steps.sort((x, y) => x.at.getTime() - y.at.getTime());
    for (const step of steps) {
      clock.set(step.at);
      await step.run();
    }
  });

  async function tick(zone: OfficeTimeZone, day: CalendarDate): Promise<void> {
    const id = jobId('reminders-at-8', zone.replace('/', '-'), isoDate(day));
    const payload = { timeZone: zone, reason: 'schedule' as const };
    const date = isoDate(day);
    if (zone === WIB && date === '2025-03-03') {
      // The worker records the day's reminders, then is killed before sending any e-mail.
      const recorded = (await runner.runOffice((await officeSettingsA())!, clock.now())).recorded;
      expect(recorded.length).toBeGreaterThan(0);
      const before = smtp.received.length;
      expect(await outboxPending()).toBeGreaterThan(0);
      // Restarted, BullMQ hands the job over again: nothing is recorded twice, the e-mails go out.
      const again = (await runJob('reminders.run', payload, id)) as { recorded: string[] };
      expect(again.recorded).toEqual([]);
      expect(smtp.received.length).toBeGreaterThan(before);
      expect(await outboxPending()).toBe(0);
      return;
    }
    if (zone === WIB && date === '2025-04-01') {
      // The same run twice through the queue (a duplicated job), and a second worker running it at the same moment.
      await Promise.all([runJob('reminders.run', payload, id), runJob('reminders.run', payload, `${id}.duplicate`), runner.run(clock.now(), zone)]);
      return;
    }
    if (zone === WIB && date === '2025-05-01') mailer.armed = true;
    await runJob('reminders.run', payload, id);
  }

  async function officeSettingsA() {
    return moduleRef.get(OfficeDirectory, { strict: false }).office(officeA.code);
  }

  async function wipeRedis(): Promise<void> {
    const registered = await leader.tick();
    expect(registered.leader).toBe(true);
    if (registered.catchUpJobId) await waitForJob(queues.queue('reminders'), registered.catchUpJobId);
    // FLUSHALL, on this test's own prefix only: the schedules, the queue and the leader lease are gone.
    const keys = await redis.keys(`${prefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys);
    expect(await queues.queue('reminders').getJobSchedulers(0, -1)).toEqual([]);
    const back = await leader.tick();
    expect(back.leader).toBe(true);
    expect(back.changed).toHaveLength(4);
    await waitForJob(queues.queue('reminders'), back.catchUpJobId!);
    await removeSchedulers();
  }

  it('recorded each expected reminder once, for the right people, and nothing else', async () => {
    const expected = expectedReminders();
    const rows: Array<{ reminder_key: string; recipients: number }> = await db.dataSource.query(`SELECT reminder_key, recipients FROM reminders ORDER BY reminder_key`);
    expect(rows.map((r) => r.reminder_key)).toEqual(expected.map((e) => e.key).sort());
    const byKey = new Map(expected.map((e) => [e.key, e]));
    for (const row of rows) expect(row.recipients).toBe(byKey.get(row.reminder_key)!.recipients.length);
    const inbox: Array<{ reminder_key: string; recipient_id: string }> = await db.dataSource.query(`SELECT reminder_key, recipient_id FROM notifications`);
    expect(inbox.map((n) => `${n.reminder_key}|${n.recipient_id}`).sort()).toEqual(expected.flatMap((e) => e.recipients.map((u) => `${e.key}|${u.id}`)).sort());
  });

  it('each reminder is an event in its office stream, and the people were reminded when it fell due', async () => {
    const [{ n }] = await db.dataSource.query(`SELECT count(*) AS n FROM events WHERE stream_id LIKE 'notifications:%' AND type = 'ReminderSent'`);
    expect(Number(n)).toBe(expectedReminders().length);
    // The scheduled reminders only: a PK notice follows its event (the seed's, written before the year's clock ran).
    const late: Array<{ reminder_key: string; recorded_at: Date }> = await db.dataSource.query(
      `SELECT reminder_key, recorded_at FROM reminders WHERE recorded_at <> due_at AND reminder_key NOT LIKE 'pk:%' ORDER BY reminder_key`,
    );
    // Only what the workers missed while down was sent late: when they came back.
    expect(late.map((r) => [r.reminder_key, r.recorded_at.toISOString()])).toEqual([
      [`before-deadline:${officeB.code}:2025-01:KUL:2025-02-01`, at(d('2025-02-02'), 15).toISOString()],
      [`before-deadline:${officeA.code}:2025-01:PDI:2025-02-01`, at(d('2025-02-02'), 15).toISOString()],
    ]);
  });

  it('e-mailed each one exactly once, except the message whose sender was killed after SMTP accepted it, resent under the same Message-ID', async () => {
    const expected = expectedEmails(expectedReminders());
    const counts = new Map<string, number>();
    for (const mail of smtp.received) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...expected.keys()].sort());
    expect([...counts.values()].filter((c) => c > 1)).toEqual([2]);
    for (const mail of smtp.received) expect(expected.get(mail.messageId)).toBe(`${expected.get(mail.messageId)!.split(' -> ')[0]} -> ${mail.to[0]}`);
    expect(await outboxPending()).toBe(0);
  });

  it('the e-mail names the office, the month, the deadline and the blank indicators', () => {
    const mail = smtp.received.find((m) => expectedEmails(expectedReminders()).get(m.messageId)?.startsWith(`before-deadline:${officeA.code}:2025-08:PDI:2025-09-03`));
    expect(mail?.subject).toBe('Pengingat: laporan realisasi Agustus 2025 belum dikirim — KPU Kabupaten Jember');
    expect(mail?.text).toContain('Batas waktu pengiriman: Jumat, 5 September 2025.');
    expect(mail?.text).toContain('  - K2.1 Layanan Data');
  });
});
