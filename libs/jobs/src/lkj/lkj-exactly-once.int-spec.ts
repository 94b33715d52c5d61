import type { LkjProduced, PkStructure } from '@kinerja/domain';
import { lkjStreamId } from '@kinerja/domain';
import pino from 'pino';
import { LkjJobs } from './lkj-jobs';
import { JEMBER, LkjScenario, waitFor } from './testing/lkj-scenario.testing';

/** A correction of a narrative: a correction changes something (an unchanged one is REALISASI.REVISION_UNCHANGED). */
function corrected<L extends { narrative: string }>(lines: L[]): L[] {
  return lines.map((l, i) => (i === 0 ? { ...l, narrative: `${l.narrative} (dikoreksi)` } : l));
}

/**
 * The LKj is produced exactly once, right after the last approval: driven through the real event
 * store, the process manager's durable checkpoint, the outbox, BullMQ on the real Redis and the
 * producer — with a duplicated job, two producers racing, a lost enqueue and a worker restart.
 */
describe('LKj production: once, right after the last approval', () => {
  const s = new LkjScenario();
  const completed: string[] = [];

  beforeAll(async () => {
    await s.start();
    await s.approveYear(['12:TPH']);
  });
  afterAll(() => s.stop());

  it('asks for nothing while one report of the year is not approved', async () => {
    expect(await s.parts.processManager.catchUpThroughNow()).toEqual([]);
    expect(await s.lkjEventTypes()).toEqual([]);
  });

  it('asks for version 1 once the last report is approved, and only once however often it runs', async () => {
    await s.approveOne(12, 'TPH');
    const intents = await s.parts.processManager.catchUpThroughNow();
    expect(intents).toEqual([{ satker: JEMBER, year: 2024, version: 1, draft: false, jobId: 'lkj.kpu-kab-jember.2024.v1' }]);
    expect(await s.parts.processManager.catchUp()).toEqual([]);
    expect(await s.lkjEventTypes()).toEqual(['LkjRequested']);
  });

  it('enqueues one job under the deterministic id even when enqueued twice', async () => {
    const pending = await s.parts.outbox.pending();
    await s.enqueuer.enqueue(pending);
    await s.enqueuer.enqueue(pending);
    const counts = await s.queues.queue('lkj').getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed');
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('produces it in the worker and records one LkjProduced', async () => {
    s.startWorker((id) => completed.push(id));
    await waitFor(() => completed.length === 1, 'the LKj job');
    expect(completed).toEqual(['lkj.kpu-kab-jember.2024.v1']);
    expect(await s.lkjEventTypes()).toEqual(['LkjRequested', 'LkjProduced']);
    expect(await s.parts.outbox.pending()).toEqual([]);
  });

  it('records nothing more when the job runs again (a duplicated job, a retry)', async () => {
    const again = await s.parts.producer.produce(JEMBER, 2024, 1);
    expect(again.outcome).toBe('already-produced');
    expect(await s.lkjEventTypes()).toEqual(['LkjRequested', 'LkjProduced']);
  });

  it('after a worker restart, the reconciliation finds nothing to do', async () => {
    const restarted = s.startWorker((id) => completed.push(id));
    await restarted.waitUntilReady();
    expect(await s.parts.processManager.catchUp()).toEqual([]);
    await s.enqueuer.enqueue(await s.parts.outbox.pending());
    expect(await s.lkjEventTypes()).toEqual(['LkjRequested', 'LkjProduced']);
    expect(completed).toEqual(['lkj.kpu-kab-jember.2024.v1']);
  });

  it('when a correction is approved: marks v1 stale, asks for v2, and two producers racing record it once', async () => {
    const report = s.reports.find((r) => r.month === 3 && r.subbagian === 'KUL')!;
    await s.driver.reviseReport(s.pk, 3, 'KUL', { lines: corrected(report.lines), budget: report.budget }, 'Salah ketik narasi Maret');
    const intents = await s.parts.processManager.catchUpThroughNow();
    expect(intents.map((i) => i.version)).toEqual([2]);
    expect(await s.lkjEventTypes()).toEqual(['LkjRequested', 'LkjProduced', 'LkjMarkedStale', 'LkjRequested']);
    expect((await s.parts.streams.load(JEMBER, 2024)).state.versions.map((v) => [v.version, v.stale !== null])).toEqual([[1, true], [2, false]]);

    const outcomes = await Promise.all([s.parts.producer.produce(JEMBER, 2024, 2), s.parts.producer.produce(JEMBER, 2024, 2)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['already-produced', 'produced']);
    const events = await s.store.readStream(lkjStreamId(JEMBER, 2024), { tenantId: JEMBER });
    expect(events.map((e) => e.type)).toEqual(['LkjRequested', 'LkjProduced', 'LkjMarkedStale', 'LkjRequested', 'LkjProduced']);
    const produced = events.filter((e) => e.type === 'LkjProduced') as unknown as Array<{ data: LkjProduced['data'] }>;
    expect(produced.map((p) => p.data.version)).toEqual([1, 2]);
    // Each LkjProduced names the request of its version as its cause, in that request's correlation.
    const requests = events.filter((e) => e.type === 'LkjRequested');
    expect(events.filter((e) => e.type === 'LkjProduced').map((e) => [e.metadata.causationId, e.metadata.correlationId]))
      .toEqual(requests.map((r) => [r.eventId, r.metadata.correlationId]));
    // Both versions' files stay on disk, each matching its recorded SHA-256.
    for (const p of produced) {
      for (const f of p.data.files) expect((await s.parts.files.read(JEMBER, f.sha256))?.actualSha256).toBe(f.sha256);
    }
  });

  it('catches a lost enqueue: an intent recorded but never put on the queue is produced by the reconciliation', async () => {
    const report = s.reports.find((r) => r.month === 5 && r.subbagian === 'PDI')!;
    await s.driver.reviseReport(s.pk, 5, 'PDI', { lines: corrected(report.lines), budget: report.budget }, 'Koreksi angka Mei');
    // The process manager commits its intent, then "dies" before enqueueing.
    expect((await s.parts.processManager.catchUpThroughNow()).map((i) => i.version)).toEqual([3]);
    expect((await s.parts.outbox.pending()).map((i) => i.jobId)).toEqual(['lkj.kpu-kab-jember.2024.v3']);
    await s.enqueuer.enqueue(await s.parts.outbox.pending());
    await waitFor(() => completed.includes('lkj.kpu-kab-jember.2024.v3'), 'the reconciled job');
    expect((await s.lkjEventTypes()).filter((t) => t === 'LkjProduced')).toHaveLength(3);
    expect(await s.parts.outbox.pending()).toEqual([]);
  });

  it('marks the produced version stale and asks for another when last year\'s capaian is imported afterwards', async () => {
    await s.parts.capaian.importCsv(JEMBER, 2024, 'K4.1;100\n', { id: 'admin', role: 'ADMIN' });
    expect((await s.parts.processManager.catchUpThroughNow()).map((i) => i.version)).toEqual([4]);
    const { state } = await s.parts.streams.load(JEMBER, 2024);
    expect(state.versions[2].stale?.reason).toBe('Capaian tahun lalu diimpor ulang setelah LKj dibuat.');
    expect(state.versions[3]).toMatchObject({ version: 4, reason: 'CAPAIAN_TAHUN_LALU_CHANGED', produced: null });
  });

  it('treats an approved PK Perubahan the same way: the current version goes stale, a new one is asked for', async () => {
    await s.parts.producer.produce(JEMBER, 2024, 4);
    // A PK Perubahan changes something (an unchanged one is PK.REVISION_UNCHANGED): the first indicator's name.
    const structure: PkStructure = JSON.parse(JSON.stringify(s.pk.structure));
    structure.programs[0].kegiatan[0].indicators[0].name += ' (perubahan)';
    const revised = await s.driver.revisePk(2024, 'Penyesuaian anggaran (PK Perubahan)', undefined, structure);
    expect(revised.version).toBe(2);
    expect((await s.parts.processManager.catchUpThroughNow()).map((i) => i.version)).toEqual([5]);
    const { state } = await s.parts.streams.load(JEMBER, 2024);
    expect(state.versions[3].stale?.reason).toBe('Perjanjian Kinerja Perubahan disetujui setelah LKj dibuat.');
    expect(state.versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5]);
    expect(state.versions[4].reason).toBe('REVISION_APPROVED');
  });

  it('queues on the next poll an intent that never reached the queue, not only at the daily reconciliation', async () => {
    // v5 was asked for above and never enqueued (as when Redis was away and the process restarted).
    expect((await s.parts.outbox.notEnqueued()).map((i) => i.jobId)).toEqual(['lkj.kpu-kab-jember.2024.v5']);
    const jobs = new LkjJobs(s.parts.producer, s.parts.processManager, s.enqueuer, s.parts.outbox, s.queues, { pollMs: null, reconcilePattern: '30 18 * * *' }, pino({ level: 'silent' }));
    expect(await jobs.poll()).toBe(0); // nothing new in the log…
    await waitFor(() => completed.includes('lkj.kpu-kab-jember.2024.v5'), 'the stranded job'); // …and v5 is produced all the same
    expect(await s.parts.outbox.notEnqueued()).toEqual([]);
    expect((await s.lkjEventTypes()).filter((t) => t === 'LkjProduced')).toHaveLength(5);
  });
});
