import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import pino from 'pino';
import { realisasiStreamId } from '@kinerja/domain';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { LKJ_PRODUCE_ALERT_SOURCE, LKJ_REQUEST_ALERT_SOURCE } from './lkj-chain-integrity';
import { SYSTEM_ACTOR } from './lkj-stream';
import { LkjService } from './lkj.service';
import { JEMBER, LkjScenario, waitFor } from './testing/lkj-scenario.testing';

const SEKRETARIS = { id: '00000000-0000-4000-8000-00000000000a', role: 'SEKRETARIS' as const };
const INSPEKTORAT = { id: '00000000-0000-4000-8000-00000000000b', role: 'INSPEKTORAT' as const };

/**
 * No LKj from a damaged event chain: a row of the office edited in the database (triggers off, as
 * a superuser could) makes the request and the job refuse with LKJ.INTEGRITY_DAMAGED and record
 * nothing but the alert; the version asked for stays in the outbox and is produced once the
 * Inspektorat has restored the row and closed the alert. Real PostgreSQL, Redis and BullMQ.
 */
describe('an LKj asked for or produced while the office\'s event chain is damaged', () => {
  const s = new LkjScenario();
  let service: LkjService;
  let integrity: IntegrityService;
  const tampered: { sequence: number; data: unknown }[] = [];

  beforeAll(async () => {
    await s.start();
    service = new LkjService(s.db.dataSource, s.parts.streams, s.parts.outbox, s.enqueuer, s.parts.processManager, s.parts.files, s.clock, s.integrity(), s.parts.chain);
    integrity = new IntegrityService(s.db.dataSource, s.store, pino({ level: 'silent' }));
    await s.approveYear();
  });
  afterAll(() => s.stop());

  /** Changes one approved figure of a report (June, `subbagian`) behind the event store's back; remembers the row to restore it. */
  async function tamperFigure(subbagian: string): Promise<number> {
    const [row] = await s.db.dataSource.query(
      `SELECT tenant_sequence, data FROM events WHERE tenant_id = $1 AND stream_id = $2 AND type = 'RealisasiDraftSaved' ORDER BY tenant_sequence DESC LIMIT 1`,
      [JEMBER, realisasiStreamId(JEMBER, 2024, 6, subbagian)],
    );
    const sequence = Number(row.tenant_sequence);
    tampered.push({ sequence, data: row.data });
    await asSuperuser(`UPDATE events SET data = jsonb_set(data, '{lines,0,value}', '"999"') WHERE tenant_id = $1 AND tenant_sequence = $2`, [JEMBER, sequence]);
    return sequence;
  }

  async function restoreFigures(): Promise<void> {
    for (const { sequence, data } of tampered.splice(0)) {
      await asSuperuser(`UPDATE events SET data = $3 WHERE tenant_id = $1 AND tenant_sequence = $2`, [JEMBER, sequence, JSON.stringify(data)]);
    }
  }

  async function asSuperuser(sql: string, params: unknown[]): Promise<void> {
    await s.db.dataSource.transaction(async (m) => {
      await m.query('ALTER TABLE events DISABLE TRIGGER USER');
      await m.query(sql, params);
      await m.query('ALTER TABLE events ENABLE TRIGGER USER');
    });
  }

  const lkjFiles = async (): Promise<string[]> => readdir(join(s.dataDir, 'lkj'), { recursive: true }).catch(() => []);
  const pendingVersions = async (): Promise<number[]> => (await s.parts.outbox.pending()).map((i) => i.version);
  const resolveWith = (id: number, reason: string) =>
    integrity.resolve(JEMBER, id, reason, INSPEKTORAT, { subject: async () => 'bukan peringatan berkas', chain: (satker) => integrity.chainProblem(satker) });

  it('given the year approved, then version 1 is asked for and waits in the outbox (not produced yet)', async () => {
    expect((await s.parts.processManager.catchUpThroughNow()).map((i) => i.version)).toEqual([1]);
    expect(await pendingVersions()).toEqual([1]);
    expect(await s.lkjEventTypes()).toEqual(['LkjRequested']);
  });

  it('given a figure edited in the database, when the Sekretaris asks for a draft, then 409 LKJ.INTEGRITY_DAMAGED naming the alert it recorded, and nothing appended', async () => {
    const sequence = await tamperFigure('PDI');

    const refusal = await service.request(JEMBER, 2024, true, null, SEKRETARIS).catch((e: unknown) => e);

    expect(refusal).toMatchObject({ code: 'LKJ.INTEGRITY_DAMAGED', kind: 'conflict', details: { satker: JEMBER, year: 2024, kind: 'modified', brokenSequence: sequence } });
    const open = await integrity.list(JEMBER, 'open');
    expect(open).toEqual([expect.objectContaining({ kind: 'modified', brokenSequence: sequence, source: LKJ_REQUEST_ALERT_SOURCE, detectedBy: SEKRETARIS.id, subject: null })]);
    expect((refusal as { details: { alertIds: number[] } }).details.alertIds).toEqual([open[0].id]);
    expect((refusal as Error).message).toContain(`peringatan integritas #${open[0].id}`);
    expect((refusal as Error).message).toContain('Tidak ada versi LKj yang dibuat');
    expect(await s.lkjEventTypes()).toEqual(['LkjRequested']);
    expect(await pendingVersions()).toEqual([1]);
  });

  it('while the alert is open, then a final is refused too (not answered with the pending version 1), and no second alert is recorded', async () => {
    const refusal = await service.request(JEMBER, 2024, false, null, SEKRETARIS).catch((e: unknown) => e);

    const open = await integrity.list(JEMBER, 'open');
    expect(refusal).toMatchObject({ code: 'LKJ.INTEGRITY_DAMAGED', details: { alertIds: [open[0].id] } });
    expect(open).toHaveLength(1);
    expect(await s.lkjEventTypes()).toEqual(['LkjRequested']);
  });

  it('while the alert is open, when the job runs, then it refuses the same way, stores no file, and the outbox keeps the version', async () => {
    const [alert] = await integrity.list(JEMBER, 'open');

    await expect(s.parts.producer.produce(JEMBER, 2024, 1)).rejects.toMatchObject({ code: 'LKJ.INTEGRITY_DAMAGED', details: { alertIds: [alert.id] } });

    expect(await s.lkjEventTypes()).toEqual(['LkjRequested']);
    expect(await lkjFiles()).toEqual([]);
    expect(await pendingVersions()).toEqual([1]);
    expect(await s.parts.processManager.catchUpThroughNow()).toEqual([]);
  });

  it('when the row is restored, then still refused until the Inspektorat closes the alert; once closed, the process manager queues version 1 again and the worker produces it', async () => {
    const [alert] = await integrity.list(JEMBER, 'open');
    await expect(resolveWith(alert.id, 'Sudah diperiksa.')).rejects.toMatchObject({ code: 'AUDIT.DAMAGE_STILL_PRESENT' });
    await restoreFigures();
    // Restored, the chain verifies again; yet only the Inspektorat's closing makes it trusted.
    expect(await integrity.chainProblem(JEMBER)).toBeNull();
    await expect(s.parts.producer.produce(JEMBER, 2024, 1)).rejects.toMatchObject({ code: 'LKJ.INTEGRITY_DAMAGED', details: { alertIds: [alert.id] } });
    await expect(service.request(JEMBER, 2024, true, null, SEKRETARIS)).rejects.toMatchObject({ code: 'LKJ.INTEGRITY_DAMAGED' });
    await resolveWith(alert.id, 'Nilai Juni PDI dipulihkan dari cadangan.');

    const intents = await s.parts.processManager.catchUpThroughNow();

    expect(intents).toEqual([{ satker: JEMBER, year: 2024, version: 1, draft: false, jobId: 'lkj.kpu-kab-jember.2024.v1' }]);
    const completed: string[] = [];
    const worker = s.startWorker((id) => completed.push(id));
    await s.enqueuer.enqueue(intents);
    await waitFor(() => completed.length === 1, 'the LKj job queued again');
    await worker.close(); // the next case runs its job by hand
    expect(completed).toEqual(['lkj.kpu-kab-jember.2024.v1']);
    expect(await s.lkjEventTypes()).toEqual(['LkjRequested', 'LkjProduced']);
    expect(await pendingVersions()).toEqual([]);
    expect(await integrity.list(JEMBER, 'open')).toEqual([]);
  });

  it('given a draft asked for while intact and a figure edited before its job runs, when the job runs, then its own verification finds the break, records the alert and refuses', async () => {
    const asked = await service.request(JEMBER, 2024, true, ['Perkuat monitoring.'], SEKRETARIS);
    expect(asked.view).toMatchObject({ version: 2, draft: true, status: 'pending' });
    const filesBefore = await lkjFiles();
    const sequence = await tamperFigure('KUL');

    await expect(s.parts.producer.produce(JEMBER, 2024, 2)).rejects.toMatchObject({ code: 'LKJ.INTEGRITY_DAMAGED', details: { kind: 'modified', brokenSequence: sequence } });

    expect(await integrity.list(JEMBER, 'open')).toEqual([
      expect.objectContaining({ kind: 'modified', brokenSequence: sequence, source: LKJ_PRODUCE_ALERT_SOURCE, detectedBy: SYSTEM_ACTOR.userId }),
    ]);
    expect(await s.lkjEventTypes()).toEqual(['LkjRequested', 'LkjProduced', 'LkjRequested']);
    expect(await lkjFiles()).toEqual(filesBefore);
    expect(await pendingVersions()).toEqual([2]);
  });
});
