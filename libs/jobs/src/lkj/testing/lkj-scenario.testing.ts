import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'bullmq';
import pino from 'pino';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { lkjStreamId, type PkVersionInForce } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import { ControllableClock, redisOptions } from '@kinerja/platform';
import { JEMBER_2024_PK_IN_FORCE, jember2024ApprovedReports } from '@kinerja/reporting';
import { GetKinerjaHandler, GetKinerjaQuery, PkReader, RatingScaleReader, RealisasiReader, SatkerDirectory } from '@kinerja/workflow';
import { AggregateRunner } from '@kinerja/workflow/shared/aggregate-runner';
import { createTestDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from '../../../../../test/support/test-database';
import { JobQueues } from '../../queue-runtime/job-queues';
import { createLkjParts, type LkjParts } from '../demo-lkj';
import { LkjEnqueuer } from '../lkj-enqueuer';
import { LkjFileIntegrity } from '../lkj-file-integrity';
import { YearDriver } from './year-driver.testing';

export const JEMBER = 'kpu-kab-jember';
export const JEMBER_SUBBAGIAN = [
  { code: 'PDI', name: 'Sub. Bagian Perencanaan, Data dan Informasi' },
  { code: 'KUL', name: 'Sub. Bagian Keuangan, Umum dan Logistik' },
  { code: 'HSDM', name: 'Sub. Bagian Hukum dan SDM' },
  { code: 'TPH', name: 'Sub. Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat' },
];

/** A database, a Redis prefix, the LKj parts over them, and Jember's 2024 driven through the deciders. */
export class LkjScenario {
  clock = new ControllableClock(new Date('2025-01-10T03:00:00Z'));
  db!: TestDatabase;
  store!: EventStore;
  parts!: LkjParts;
  queues!: JobQueues;
  enqueuer!: LkjEnqueuer;
  driver!: YearDriver;
  pk!: PkVersionInForce;
  dataDir!: string;
  readonly prefix = testRedisPrefix();
  readonly reports = jember2024ApprovedReports();
  private workers: Worker[] = [];

  async start(): Promise<void> {
    this.db = await createTestDatabase();
    this.dataDir = await mkdtemp(join(tmpdir(), 'kinerja-lkj-'));
    this.store = new EventStore(this.db.dataSource);
    this.parts = createLkjParts(this.db.dataSource, { DATA_DIR: this.dataDir }, this.clock, this.store, pino({ level: 'silent' }));
    this.queues = new JobQueues({ connection: redisOptions(testRedisUrl) as never, prefix: this.prefix });
    this.enqueuer = new LkjEnqueuer(this.queues, this.parts.outbox, this.clock);
    this.driver = new YearDriver(this.db.dataSource, this.store, JEMBER);
    await this.driver.createOffice('Sekretariat KPU Kabupaten Jember', JEMBER_SUBBAGIAN);
    this.pk = await this.driver.approvePk(2024, JEMBER_2024_PK_IN_FORCE.structure);
  }

  /** Approves every report of 2024 in month order, except those `skip` names (`"12:TPH"`). */
  async approveYear(skip: string[] = []): Promise<void> {
    for (const r of this.reports) {
      if (skip.includes(`${r.month}:${r.subbagian}`)) continue;
      await this.driver.approveReport(this.pk, r.month, r.subbagian, { lines: r.lines, budget: r.budget });
    }
  }

  async approveOne(month: number, subbagian: string): Promise<void> {
    const r = this.reports.find((x) => x.month === month && x.subbagian === subbagian)!;
    await this.driver.approveReport(this.pk, month, subbagian, { lines: r.lines, budget: r.budget });
  }

  /** A BullMQ worker on the `lkj` queue running the producer, as the worker process does. */
  startWorker(onDone: (jobId: string) => void = () => undefined): Worker {
    const worker = new Worker('lkj', async (job) => {
      if (job.name !== 'lkj.produce') throw new Error(`unexpected job ${job.name}`);
      return this.parts.producer.produce(job.data.satker, job.data.year, job.data.version);
    }, { connection: redisOptions(testRedisUrl) as never, prefix: this.prefix, concurrency: 2 });
    worker.on('completed', (job) => onDone(String(job.id)));
    this.workers.push(worker);
    return worker;
  }

  /** The LKj file alerts over this scenario's database and files (a silent logger). */
  integrity(): LkjFileIntegrity {
    const logger = pino({ level: 'silent' });
    return new LkjFileIntegrity(this.parts.files, new IntegrityService(this.db.dataSource, this.store, logger), logger);
  }

  async lkjEventTypes(): Promise<string[]> {
    return (await this.store.readStream(lkjStreamId(JEMBER, 2024), { tenantId: JEMBER })).map((e) => e.type);
  }

  /** Tabel 3.2 exactly as `GET …/kinerja/2024[?month=M]` computes it (the workflow's query handler). */
  async apiKinerja(month: number | null = null) {
    const runner = new AggregateRunner(this.store, this.db.dataSource, this.clock);
    return new GetKinerjaHandler(new PkReader(runner), new RealisasiReader(runner), new RatingScaleReader(this.store), new SatkerDirectory(this.db.dataSource))
      .execute(new GetKinerjaQuery(JEMBER, 2024, month));
  }

  async stop(): Promise<void> {
    try {
      await Promise.all(this.workers.map((w) => w.close()));
      const queue = this.queues.queue('lkj');
      await queue.obliterate({ force: true }).catch(() => undefined);
      await this.queues.onApplicationShutdown();
      await this.db?.drop();
    } finally {
      // Whatever failed above, the run leaves no folder behind.
      if (this.dataDir) await rm(this.dataDir, { recursive: true, force: true });
    }
  }
}

export function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = async () => {
      if (await check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 100);
    };
    void tick();
  });
}
