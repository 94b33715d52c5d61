import { Worker } from 'bullmq';
import { redisOptions } from '@kinerja/platform';
import { testRedisUrl } from '../../../../test/support/test-database';
import { LkjService } from './lkj.service';
import { JEMBER, LkjScenario, waitFor } from './testing/lkj-scenario.testing';

const SEKRETARIS = { id: '00000000-0000-4000-8000-00000000000a', role: 'SEKRETARIS' as const };
const RETRY_AFTER_MS = 60_000;

/**
 * A final LKj whose job failed its last attempt (QA H1: DATA_DIR not writable, PostgreSQL stopped for
 * longer than the backoff) is not left "pending" until the daily reconciliation: the worker's recovery
 * notes the failure on its outbox row (GET says it is being retried) and retries it once due; asking
 * for it again retries it at once. Not while the office's chain has an open alert: its resolution
 * queues it. Real PostgreSQL, Redis and BullMQ; the recovery is called with Redis's times.
 */
describe('an LKj whose job failed its last attempt', () => {
  const s = new LkjScenario();
  let service: LkjService;
  let worker: Worker;
  let failing = true;

  const row = async () => (await s.db.dataSource.query(
    `SELECT failed_attempts, last_error, retry_at, produced_at FROM lkj_outbox WHERE satker_code = $1 AND version = 1`, [JEMBER],
  ))[0] as { failed_attempts: number; last_error: string | null; retry_at: Date | null; produced_at: Date | null };
  const job = () => s.queues.queue('lkj').getJob('lkj.kpu-kab-jember.2024.v1');
  /**
   * A correction of the month's report approved: the final it asks for is enqueued with one attempt,
   * marked enqueued, and its job has failed (while `failing`). The version's intent.
   */
  const correctionWhoseJobFailed = async (month: number, subbagian: string, reason: string) => {
    const report = s.reports.find((r) => r.month === month && r.subbagian === subbagian)!;
    const lines = report.lines.map((l) => ({ ...l, narrative: `${l.narrative} (dikoreksi)` }));
    await s.driver.reviseReport(s.pk, month, subbagian, { lines, budget: report.budget }, reason);
    const [intent] = await s.parts.processManager.catchUpThroughNow();
    await s.queues.add('lkj.produce', { satker: JEMBER, year: 2024, version: intent.version }, { jobId: intent.jobId, attempts: 1 });
    await s.parts.outbox.markEnqueued([intent], s.clock.now());
    await waitFor(async () => (await (await s.queues.queue('lkj').getJob(intent.jobId))!.getState()) === 'failed', 'the version\'s job to fail');
    return intent;
  };
  const failedAt = async () => {
    await waitFor(async () => (await (await job())!.getState()) === 'failed', 'the job to fail');
    return (await job())!.finishedOn!;
  };

  beforeAll(async () => {
    await s.start();
    service = new LkjService(s.db.dataSource, s.parts.streams, s.parts.outbox, s.enqueuer, s.parts.processManager, s.parts.files, s.clock, s.integrity(), s.parts.chain);
    await s.approveYear();
    // The producer, failing as a full disk would while `failing`.
    worker = new Worker('lkj', async (j) => {
      if (failing) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return s.parts.producer.produce(j.data.satker, j.data.year, j.data.version);
    }, { connection: redisOptions(testRedisUrl) as never, prefix: s.prefix });
  });
  afterAll(async () => {
    await worker?.close();
    await s.stop();
  });

  it('given its job failed, then the recovery notes it and GET says it is retried; it is retried once due, and produced', async () => {
    const [intent] = await s.parts.processManager.catchUpThroughNow();
    // One attempt, so that it fails at once (the worker's jobs have 3, 5 s and 10 s apart).
    await s.queues.add('lkj.produce', { satker: JEMBER, year: 2024, version: 1 }, { jobId: intent.jobId, attempts: 1 });
    await s.parts.outbox.markEnqueued([intent], s.clock.now());
    const first = await failedAt();
    expect((await service.overview(JEMBER, 2024)).retrying).toBeNull(); // nothing noted yet

    expect(await s.enqueuer.recover(RETRY_AFTER_MS, first + RETRY_AFTER_MS - 1)).toEqual({ readded: [], retried: [], waiting: [intent.jobId] });
    expect(await row()).toMatchObject({ failed_attempts: 1, last_error: 'ENOSPC: no space left on device, write', retry_at: new Date(first + RETRY_AFTER_MS), produced_at: null });
    expect((await service.overview(JEMBER, 2024))).toMatchObject({
      status: 'pending', blocked: null,
      retrying: { code: 'LKJ.PRODUCTION_RETRYING', versions: [1], failedAttempts: 1, lastFailedAt: new Date(first).toISOString(), retryAt: new Date(first + RETRY_AFTER_MS).toISOString() },
    });

    expect((await s.enqueuer.recover(RETRY_AFTER_MS, first + RETRY_AFTER_MS)).retried).toEqual([intent.jobId]);
    const second = await failedAt(); // still failing: the next retry waits twice as long
    expect((await s.enqueuer.recover(RETRY_AFTER_MS, second + RETRY_AFTER_MS)).waiting).toEqual([intent.jobId]);
    expect(await row()).toMatchObject({ failed_attempts: 2, retry_at: new Date(second + 2 * RETRY_AFTER_MS) });

    failing = false;
    expect((await s.enqueuer.recover(RETRY_AFTER_MS, second + 2 * RETRY_AFTER_MS)).retried).toEqual([intent.jobId]);
    await waitFor(async () => (await s.lkjEventTypes()).includes('LkjProduced'), 'LkjProduced');
    expect(await s.lkjEventTypes()).toEqual(['LkjRequested', 'LkjProduced']);
    expect(await service.overview(JEMBER, 2024)).toMatchObject({ status: 'produced', retrying: null });
    expect(await s.enqueuer.recover(RETRY_AFTER_MS, second + 100 * RETRY_AFTER_MS)).toEqual({ readded: [], retried: [], waiting: [] });
  });

  it('given a final asked for again while its job has failed, then it is retried at once', async () => {
    failing = true;
    // A correction approved: version 1 goes stale, version 2 is asked for.
    const intent = await correctionWhoseJobFailed(3, 'KUL', 'Salah ketik narasi Maret');
    expect(intent).toMatchObject({ version: 2, draft: false });

    failing = false;
    const asked = await service.request(JEMBER, 2024, false, null, SEKRETARIS);
    expect(asked.view).toMatchObject({ version: intent.version, status: 'pending' });
    await waitFor(async () => (await s.lkjEventTypes()).filter((t) => t === 'LkjProduced').length === 2, 'the version produced');
  });

  it('given its job failed while the office\'s chain has an open alert, then the recovery leaves it to the alert\'s resolution, and retries it once resolved', async () => {
    failing = true;
    const intent = await correctionWhoseJobFailed(4, 'TPH', 'Salah ketik narasi April');
    expect(intent).toMatchObject({ version: 3, draft: false });
    const [alert] = await s.db.dataSource.query(
      `INSERT INTO integrity_alerts (satker_code, detected_at, source, kind, detail) VALUES ($1, now(), 'verify', 'modified', 'diubah') RETURNING id`, [JEMBER],
    );

    const later = Date.now() + 100 * RETRY_AFTER_MS;
    expect(await s.enqueuer.recover(RETRY_AFTER_MS, later)).toEqual({ readded: [], retried: [], waiting: [] });
    const held = await service.overview(JEMBER, 2024);
    expect(held.blocked).toMatchObject({ code: 'LKJ.INTEGRITY_DAMAGED', versions: [3] });
    expect(held.retrying).toBeNull(); // `blocked` says why it waits

    await s.db.dataSource.query(`UPDATE integrity_alerts SET resolved_at = now() WHERE satker_code = $1 AND id = $2`, [JEMBER, alert.id]);
    failing = false;
    expect((await s.enqueuer.recover(RETRY_AFTER_MS, later)).retried).toEqual([intent.jobId]);
    await waitFor(async () => (await s.lkjEventTypes()).filter((t) => t === 'LkjProduced').length === 3, 'version 3 produced');
  });
});
