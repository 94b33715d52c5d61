import { randomUUID } from 'node:crypto';
import { foldEvents, realisasiDecider, realisasiStreamId, type RealisasiEvent } from '@kinerja/domain';
import type { NewEvent } from '@kinerja/event-store';
import { LkjService } from './lkj.service';
import { JEMBER, LkjScenario } from './testing/lkj-scenario.testing';

/**
 * The Ketua's signature is decided on the office's log as committed: a correction whose approval is
 * still being committed when the Ketua signs is either read (the signature waits for it and is then
 * refused as stale) or commits after the signature, never slips in between the check and the append.
 * The process manager does not run in between.
 */
describe('the Ketua signs while a correction is being approved', () => {
  const s = new LkjScenario();
  let service: LkjService;
  const ketua = { id: '00000000-0000-4000-8000-000000000002', role: 'KETUA' as const };

  beforeAll(async () => {
    await s.start();
    await s.approveYear();
    await s.parts.processManager.catchUpThroughNow();
    await s.db.dataSource.query(`UPDATE satker SET ketua_signs_lkj = true WHERE code = $1`, [JEMBER]);
    expect((await s.parts.producer.produce(JEMBER, 2024, 1)).outcome).toBe('produced');
    service = new LkjService(
      s.db.dataSource, s.parts.streams, s.parts.outbox, s.enqueuer, s.parts.processManager, s.parts.files, s.clock, s.integrity(), s.parts.chain,
    );
  });
  afterAll(() => s.stop());

  it('given the approval appended in a transaction not yet committed, when the Ketua signs, then the signature waits for it and is refused 409 LKJ.VERSION_STALE', async () => {
    const march = s.reports.find((r) => r.month === 3 && r.subbagian === 'KUL')!;
    const lines = march.lines.map((l, i) => (i === 0 ? { ...l, narrative: `${l.narrative} (dikoreksi)` } : l));
    await s.driver.openRevision(s.pk, 3, 'KUL', 'Salah ketik narasi Maret');
    const stream = realisasiStreamId(JEMBER, 2024, 3, 'KUL');
    const submitted = await s.store.readStream(stream, { tenantId: JEMBER });
    const key = { satker: JEMBER, year: 2024, month: 3, subbagian: 'KUL' };
    const now = '2025-02-15T02:00:00.000Z';
    const submit = realisasiDecider.decide(
      { type: 'SubmitRealisasi', data: { key, content: { lines, budget: march.budget }, context: { pkInForce: s.pk, timezone: 'Asia/Jakarta' } }, metadata: { actor: s.driver.kasubbag('KUL'), now } },
      foldEvents(realisasiDecider, submitted as unknown as RealisasiEvent[]),
    );
    const approve = realisasiDecider.decide(
      { type: 'ApproveRealisasi', data: {}, metadata: { actor: s.driver.sekretaris, now } },
      foldEvents(realisasiDecider, [...(submitted as unknown as RealisasiEvent[]), ...submit]),
    );

    const correction = s.db.dataSource.createQueryRunner();
    await correction.connect();
    await correction.startTransaction();
    let signing: Promise<unknown> | null = null;
    try {
      await s.store.append(stream, submitted.length - 1, [...submit, ...approve] as unknown as NewEvent[], {
        tenantId: JEMBER, actorId: s.driver.sekretaris.userId, actorRole: 'SEKRETARIS', correlationId: randomUUID(),
      }, { manager: correction.manager });
      signing = service.sign(JEMBER, 2024, 1, ketua).then(() => 'signed', (error: { code?: string }) => error.code ?? error);
      // The signature holds on until the correction is decided.
      const early = await Promise.race([signing, new Promise((r) => setTimeout(() => r('waiting'), 500))]);
      expect(early).toBe('waiting');
      await correction.commitTransaction();
    } finally {
      if (correction.isTransactionActive) await correction.rollbackTransaction();
      await correction.release();
    }
    expect(await signing).toBe('LKJ.VERSION_STALE');
    expect(await s.lkjEventTypes()).toEqual(['LkjRequested', 'LkjProduced']);
    // The process manager marks it stale afterwards, by the same rule.
    await s.parts.processManager.catchUpThroughNow();
    expect(await s.lkjEventTypes()).toEqual(['LkjRequested', 'LkjProduced', 'LkjMarkedStale', 'LkjRequested']);
  });
});
